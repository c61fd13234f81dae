/**
 * A number as Terraform converts one, or why it does not: `refused` is said in the report and never quotes the
 * value (it may be a secret written in the wrong place).
 */
export type NumberReading = { number: number } | { refused: string };

/**
 * The syntax Terraform accepts when it converts a string to a number: cty's `ParseNumberVal`, which is Go's
 * `big.ParseFloat` in base 10. An optional sign, decimal digits with an optional point (`5.`, `.5`), an
 * optional `e` exponent or a `p` one (a power of two), or `inf`/`Inf`. Nothing around it: no blank, no `0x`,
 * no `_`, and the empty string is no number.
 */
const DECIMAL = /^([+-]?)(?:(\d+\.?\d*|\.\d+)(?:([eEpP])([+-]?\d+))?|(inf|Inf))$/;

/** Said when a string is not in Terraform's number syntax: `terraform plan` stops on it ("a number is required"). */
const NOT_A_DECIMAL = 'not a number as Terraform converts a string (decimal digits, e.g. 3600, 1.5, 1e3): terraform plan refuses it';

/**
 * Terraform's conversion of a string to a number (developer.hashicorp.com/terraform/language/functions/tonumber:
 * "strings containing decimal representations of numbers"; the syntax is {@link DECIMAL}'s). Infinity, which
 * Terraform reads from `inf`, and a magnitude past a double's range are refused too: no PingOne attribute takes
 * either, and a double cannot hold the second as Terraform's 512-bit numbers do.
 */
export function numberFromString(text: string): NumberReading {
  const match = DECIMAL.exec(text);
  if (match === null) return { refused: NOT_A_DECIMAL };
  const [, sign, mantissa, marker, exponent, infinite] = match;
  if (infinite !== undefined) return { refused: 'Terraform reads it as infinity, which pingone-audit does not evaluate' };
  const magnitude = marker === 'p' || marker === 'P' ? Number(mantissa) * 2 ** Number(exponent) : Number(`${mantissa}e${exponent ?? '0'}`);
  if (!Number.isFinite(magnitude)) return { refused: 'a number too large for pingone-audit to evaluate' };
  return { number: sign === '-' ? -magnitude : magnitude };
}
