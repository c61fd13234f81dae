import { UserFacingError } from '../errors.js';
import { optionArguments, optionSpellings, type ParserOptions } from './single-valued.js';

/**
 * A yargs middleware (build it with the raw arguments) that refuses an option that takes a value but was given none: the
 * last argument, one followed by another option, or `--name=` with nothing after the `=`. yargs hands such a flag over
 * as its default (`--fail-on` alone gated at high, as if never typed), as nothing, or as an empty value (`-f` alone, and
 * `--format=`, ended in an internal error, exit 70).
 * `-` is a value (stdout for --output), and so is a negative number.
 */
export function refuseMissingValues(rawArgv: readonly string[]) {
  return (_argv: Record<string, unknown>, parser: ParserOptions): void => {
    const { key, boolean, alias, choices } = parser.getOptions();
    const flags = new Set(boolean);
    const options = optionArguments(rawArgv);
    for (const name of Object.keys(key).sort((a, b) => b.length - a.length)) {
      if (flags.has(name)) continue;
      const spellings = optionSpellings([name, ...(alias[name] ?? [])]);
      const bare = options.findIndex((arg, index) => (spellings.has(arg) && !isValue(options[index + 1])) || (arg.endsWith('=') && spellings.has(arg.slice(0, -1))));
      if (bare !== -1) throw missingValue(options[bare]!.replace(/=$/, ''), choices[name]);
    }
  };
}

function isValue(arg: string | undefined): boolean {
  return arg !== undefined && (arg === '-' || !arg.startsWith('-') || /^-\d/.test(arg));
}

function missingValue(flag: string, choices: readonly unknown[] | undefined): UserFacingError {
  const oneOf = choices === undefined || choices.length === 0 ? '' : `: one of ${choices.join(', ')}`;
  return new UserFacingError('flag-invalid', `${flag} needs a value${oneOf}.`, {
    hint: `Write its value right after it: ${flag} VALUE (or ${flag}=VALUE when the value starts with -).`,
  });
}
