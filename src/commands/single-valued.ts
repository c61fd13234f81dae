import { UserFacingError } from '../errors.js';

/** What yargs passes a global middleware as its second argument (missing from @types/yargs). */
interface ParserOptions {
  getOptions(): { key: Record<string, unknown>; array: string[] };
}

/**
 * A yargs middleware that refuses an option given more than once unless it is declared repeatable
 * (`array: true`). yargs would hand the command an array, which a command reading one value takes
 * as something else: `--fail-on high --fail-on high` opened the gate, two `--suppressions` files
 * dropped every suppression. CI wrappers append flags, so this must be an error, never "last wins".
 * The values are not repeated in the message: a flag may carry a secret.
 */
export function refuseRepeatedOptions(argv: Record<string, unknown>, parser: ParserOptions): void {
  const { key, array } = parser.getOptions();
  const repeatable = new Set(array);
  // Long names first, so the message names --config rather than -c.
  for (const name of Object.keys(key).sort((a, b) => b.length - a.length)) {
    const value = argv[name];
    if (repeatable.has(name) || !Array.isArray(value)) continue;
    const flag = name.length === 1 ? `-${name}` : `--${name}`;
    throw new UserFacingError('flag-invalid', `${flag} was given ${value.length} times; it takes one value.`, {
      hint: `Give ${flag} once. A wrapper that adds flags to a command line must replace the earlier ${flag}, not add a second.`,
    });
  }
}
