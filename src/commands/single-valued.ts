import { UserFacingError } from '../errors.js';

/** What yargs passes a global middleware as its second argument (missing from @types/yargs). */
export interface ParserOptions {
  getOptions(): { key: Record<string, unknown>; array: string[]; boolean: string[]; alias: Record<string, string[]>; choices: Record<string, unknown[]> };
}

/**
 * A yargs middleware (build it with the raw arguments) that refuses an option given more than once
 * unless it is declared repeatable (`array: true`). yargs hands the command an array for a repeated
 * value, which a command reading one value takes as something else (`--fail-on high --fail-on high`
 * opened the gate, two `--suppressions` files dropped every suppression), and lets the last of
 * `--allow-incomplete --no-allow-incomplete` win. CI wrappers append flags, so either is an error,
 * never "last wins". The values are not repeated in the message: a flag may carry a secret.
 */
export function refuseRepeatedOptions(rawArgv: readonly string[]) {
  return (argv: Record<string, unknown>, parser: ParserOptions): void => {
    const { key, array, alias } = parser.getOptions();
    const repeatable = new Set(array);
    const options = optionArguments(rawArgv);
    // Long names first, so the message names --config rather than -c.
    for (const name of Object.keys(key).sort((a, b) => b.length - a.length)) {
      if (repeatable.has(name)) continue;
      const value = argv[name];
      // The raw count for every option: yargs reads `--port 0 --port 1` as a counter and hands over 1, not an array.
      const given = timesGiven(options, [name, ...(alias[name] ?? [])]);
      const times = Math.max(Array.isArray(value) ? value.length : 1, given);
      if (times > 1) throw repeated(name, times);
    }
  };
}

/** How often an option appears among the {@link optionArguments}, as `--name`, `--no-name`, `--name=…` or a one-letter alias. */
export function timesGiven(options: readonly string[], names: readonly string[]): number {
  const spellings = optionSpellings(names, { negated: true });
  return options.filter((arg) => spellings.has(arg.split('=')[0]!)).length;
}

/** The arguments that may be options: those before `--`, after which every argument is a value, whatever it looks like. */
export function optionArguments(rawArgv: readonly string[]): readonly string[] {
  const end = rawArgv.indexOf('--');
  return end === -1 ? rawArgv : rawArgv.slice(0, end);
}

/**
 * Every way an option of these names (its name and its aliases) is typed as a whole argument: `-x` for a one-letter
 * name, else `--name` and `--camelName`, and `--no-name` too when `negated`.
 */
export function optionSpellings(names: readonly string[], { negated = false } = {}): ReadonlySet<string> {
  return new Set(names.flatMap((name) => (name.length === 1 ? [`-${name}`] : [`--${name}`, `--${camelCase(name)}`, ...(negated ? [`--no-${name}`] : [])])));
}

/** `max-rps` → `maxRps`: yargs accepts both spellings of every option. */
export function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function repeated(name: string, times: number): UserFacingError {
  const flag = name.length === 1 ? `-${name}` : `--${name}`;
  return new UserFacingError('flag-invalid', `${flag} was given ${times} times; it takes one value.`, {
    hint: `Give ${flag} once. A wrapper that adds flags to a command line must replace the earlier ${flag}, not add a second.`,
  });
}
