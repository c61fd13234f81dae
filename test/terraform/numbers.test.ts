import { describe, expect, it } from 'vitest';
import { numberFromString } from '../../src/terraform/evaluate/numbers.js';
import { auditConfiguration, withEnvironment } from './audit-terraform.js';
import { byAddress, plain, readFiles } from './tf-folder.js';

const NOT_A_DECIMAL = 'not a number as Terraform converts a string (decimal digits, e.g. 3600, 1.5, 1e3): terraform plan refuses it';

const body = async (hcl: string) => plain(byAddress(await readFiles({ 'main.tf': `resource "pingone_application" "a" {\n${hcl}\n}\n` }), 'pingone_application.a').body);

describe("strings read as numbers the way Terraform converts them (cty's ParseNumberVal: Go's big.ParseFloat, base 10)", () => {
  it.each([
    ['3600', 3600],
    ['-1.5', -1.5],
    ['+5', 5],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['1E-2', 0.01],
    ['1p3', 8],
  ])('takes %j as %d', (text, number) => {
    expect(numberFromString(text)).toEqual({ number });
  });

  it.each(['', ' 1 ', '1\n', '0x10', '0b1', '0o7', '1_000', 'Infinity', 'NaN', '1e', '--1', '١'])('refuses %j in tonumber(), as terraform plan does, naming why', async (text) => {
    expect(await body(`  value = tonumber(${JSON.stringify(text)})`)).toEqual({ value: `?tonumber(): ${NOT_A_DECIMAL}` });
  });

  it('refuses infinity (Terraform reads "inf") and a magnitude past a double, which no attribute takes', () => {
    expect(numberFromString('-Inf')).toEqual({ refused: 'Terraform reads it as infinity, which pingone-audit does not evaluate' });
    expect(numberFromString('1e400')).toEqual({ refused: 'a number too large for pingone-audit to evaluate' });
  });

  it('leaves arithmetic, comparisons, negation and indexes on a string Terraform refuses unknown, naming why, instead of reading "" as 0', async () => {
    expect(
      await body(`
  sum      = "" + 1
  padded   = " 1 " * 2
  hex      = "0x10" - 0
  less     = "" < 1
  negative = -""
  picked   = ["a", "b"][""]
  binary   = "1p3" + 0
  quoted   = ["a", "b"]["1"]`),
    ).toEqual({
      sum: `?the left operand of + is ${NOT_A_DECIMAL}`,
      padded: `?the left operand of * is ${NOT_A_DECIMAL}`,
      hex: `?the left operand of - is ${NOT_A_DECIMAL}`,
      less: `?the left operand of < is ${NOT_A_DECIMAL}`,
      negative: `?${NOT_A_DECIMAL}`,
      picked: `?the index is ${NOT_A_DECIMAL}`,
      binary: 8,
      quoted: 'b',
    });
  });

  it('leaves a bool or null operand unknown (Terraform converts neither to a number), and a division by zero', async () => {
    expect(await body(`  flag = true + 1\n  none = null * 2\n  zero = 3600 / 0`)).toEqual({
      flag: '?the left operand of + is a bool where a number is required (Terraform does not convert one)',
      none: '?the left operand of * is null where a number is required',
      zero: "?/ gives no finite number (a division by zero, or past a double's range)",
    });
  });

  it('expands no instance of a count Terraform refuses ("", a bool, null), and says so, instead of 0 or 1 instances', async () => {
    const config = await readFiles({
      'main.tf': ['empty = ""', 'flag = true', 'none = null', 'text = "2"']
        .map((count) => `resource "pingone_group" "${count.split(' ')[0]}" {\n  count = ${count.split(' = ')[1]}\n  name  = "g"\n}\n`)
        .join(''),
    });
    expect(config.resources.map((resource) => resource.address)).toEqual(['pingone_group.empty', 'pingone_group.flag', 'pingone_group.none', 'pingone_group.text[0]', 'pingone_group.text[1]']);
    expect(config.warnings).toEqual([
      `pingone_group.empty: count = "" cannot be evaluated (count is ${NOT_A_DECIMAL}); its instances are not known`,
      'pingone_group.flag: count = true cannot be evaluated (count is a bool where a number is required (Terraform does not convert one)); its instances are not known',
      'pingone_group.none: count = null cannot be evaluated (count is null where a number is required); its instances are not known',
    ]);
  });

  it('refuses a -var for a number variable that Terraform refuses (exit 2), and takes 1e3', async () => {
    const files = { 'main.tf': 'variable "lifetime" {\n  type = number\n}\n' };
    for (const value of ['0x10', ' 1', '']) {
      await expect(readFiles(files, { vars: [`lifetime=${value}`] })).rejects.toThrow(`-var lifetime=…: variable "lifetime" is a number, and the value is ${NOT_A_DECIMAL}.`);
    }
    await expect(readFiles(files, { vars: ['lifetime=1e3'] })).resolves.toBeDefined();
  });

  it('tonumber follows Terraform: null stays null, "1p3" is 8, a refused string is unknown with why', async () => {
    expect(await body(`  none = tonumber(null)\n  two = tonumber("1p3")\n  empty = tonumber("")`)).toEqual({ none: null, two: 8, empty: `?tonumber(): ${NOT_A_DECIMAL}` });
  });
});

describe('a number attribute a rule reads, given as a string', () => {
  const withValidity = (validity: string) => {
    const { builder, env } = withEnvironment();
    builder.resource('pingone_resource', 'orders', { environment_id: env, name: 'Orders API', audience: 'https://orders.example.com', access_token_validity_seconds: validity });
    return auditConfiguration(builder.build());
  };

  it('takes what Terraform converts ("+86400", "8.64e4"): the long lifetime is reported', () => {
    for (const validity of ['+86400', '8.64e4']) expect(withValidity(validity).addresses('access-token-lifetime-long')).toEqual(['pingone_resource.orders']);
  });

  it('leaves one Terraform refuses ("1d") not evaluated, without repeating it, instead of judging the provider default', () => {
    const { mapped, outcome } = withValidity('1d');
    expect(mapped.notEvaluated.map(({ attribute, expression, reason }) => ({ attribute, expression, reason }))).toEqual([
      { attribute: 'access_token_validity_seconds', expression: 'a string', reason: NOT_A_DECIMAL },
    ]);
    expect(outcome('access-token-lifetime-long')).not.toBe('pass');
  });
});
