import { closestMatch } from '../engine/closest-match.js';
import { UserFacingError } from '../errors.js';
import { camelCase, optionArguments, type ParserOptions } from './single-valued.js';

/** The flag shell completion asks with; yargs handles it before any command runs. */
const COMPLETION_FLAG = 'get-yargs-completions';

/**
 * A yargs middleware (build it with the raw arguments; run it before validation) that refuses a
 * long option the command does not have, naming the closest one it does have: yargs' own strict
 * mode says "Unknown arguments: fial-on, fialOn" and suggests nothing. Short options and stray
 * words are left to yargs. The option's value is never repeated: it may be a secret.
 */
export function refuseUnknownOptions(rawArgv: readonly string[]) {
  return (argv: { _: Array<string | number> }, parser: ParserOptions): void => {
    // A completion request carries the half-typed words it asks about.
    if (rawArgv.includes(`--${COMPLETION_FLAG}`)) return;
    const { key, alias } = parser.getOptions();
    const names = new Set([...Object.keys(key), ...Object.values(alias).flat()].filter((name) => name.length > 1));
    const known = new Set([...names, ...[...names].map(camelCase)]);
    const unknown = optionArguments(rawArgv)
      .filter((arg) => arg.startsWith('--') && arg.length > 2)
      .map((arg) => arg.slice(2).split('=')[0]!)
      .filter((name) => !known.has(name) && !(name.startsWith('no-') && known.has(name.slice(3))));
    if (unknown.length === 0) return;
    const command = typeof argv._[0] === 'string' ? `pingone-audit ${argv._[0]}` : 'pingone-audit';
    const suggestions = unknown.flatMap((name) => {
      // --no-colr: suggest the negated form of the option it nearly names.
      const negated = name.startsWith('no-') ? closestMatch(name.slice(3), names) : undefined;
      const match = negated === undefined ? closestMatch(name, names) : `no-${negated}`;
      return match === undefined ? [] : [{ name, match }];
    });
    const didYouMean =
      suggestions.length === 0
        ? ''
        : unknown.length === 1
          ? `Did you mean --${suggestions[0]!.match}? `
          : `Did you mean ${suggestions.map(({ name, match }) => `--${match} for --${name}`).join(', ')}? `;
    throw new UserFacingError('usage', `Unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `--${name}`).join(', ')} for \`${command}\`.`, {
      hint: `${didYouMean}Run \`${command} --help\` for its options.`,
    });
  };
}
