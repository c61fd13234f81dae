import { UserFacingError } from '../errors.js';
import { optionArguments, optionSpellings, type ParserOptions } from './single-valued.js';

/**
 * A yargs middleware (build it with the raw arguments) that refuses an option that takes a value but was given none: the
 * last argument, one followed by another option, or `--name=` with nothing after the `=`. yargs hands such a flag over
 * as its default (`--fail-on` alone gated at high, as if never typed), as nothing, or as an empty value (`-f` alone, and
 * `--format=`, ended in an internal error, exit 70).
 * An empty argument (`-o ""`, often an unset shell variable) is no value either: as a path it named the current folder
 * (`demo --out ""` tried to replace it, `-o ""` renamed onto nothing) and ended in an internal error, exit 70.
 * `-` is a value (stdout for --output), and so is a negative number. Every such flag is named, in command-line order,
 * so that one run says all there is to fix.
 */
export function refuseMissingValues(rawArgv: readonly string[]) {
  return (_argv: Record<string, unknown>, parser: ParserOptions): void => {
    const { key, boolean, alias, choices } = parser.getOptions();
    const flags = new Set(boolean);
    const options = optionArguments(rawArgv);
    // An alias is a key too, but its choices and its other names are kept under the option's own name only.
    const aliases = new Set(Object.values(alias).flat());
    const missing: Array<{ index: number; flag: string; oneOf: readonly unknown[] | undefined }> = [];
    for (const name of Object.keys(key)) {
      if (flags.has(name) || aliases.has(name)) continue;
      const spellings = optionSpellings([name, ...(alias[name] ?? [])]);
      const oneOf = choices[name]?.length ? choices[name] : undefined;
      options.forEach((arg, index) => {
        if ((spellings.has(arg) && !isValue(options[index + 1])) || (arg.endsWith('=') && spellings.has(arg.slice(0, -1)))) missing.push({ index, flag: arg.replace(/=$/, ''), oneOf });
      });
    }
    if (missing.length > 0) throw missingValues(missing.sort((a, b) => a.index - b.index));
  };
}

function isValue(arg: string | undefined): boolean {
  return arg !== undefined && arg !== '' && (arg === '-' || !arg.startsWith('-') || /^-\d/.test(arg));
}

function missingValues(missing: ReadonlyArray<{ flag: string; oneOf: readonly unknown[] | undefined }>): UserFacingError {
  const said = missing.map(({ flag, oneOf }) => `${flag} needs a value${oneOf === undefined ? '' : `: one of ${oneOf.join(', ')}`}.`);
  const flag = missing[0]!.flag;
  return new UserFacingError('flag-invalid', said.join(' '), {
    hint: `Write ${missing.length === 1 ? 'its value right after it' : 'each value right after its flag'}: ${flag} VALUE (or ${flag}=VALUE when the value starts with -).`,
  });
}
