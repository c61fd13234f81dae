const END_OF_OPTIONS = '--';

/**
 * Operands that look like options, made plain paths before yargs reads them: every argument after `--` (the POSIX
 * end of options, `audit -- -snapshot`) and a lone `-` that is no `--output` value (`withStdoutDash` has turned those
 * into `--output=-` already). yargs binds no positional after `--` (it refused `audit -- dir` as "got 0" arguments, and
 * `terraform -- dir` audited the current folder instead of `dir`), and reads a lone `-` as an empty one (`terraform -`
 * audited the current folder too). Such an operand starting with `-` is given as `./<operand>`, the same file for every
 * path operand, and `--` itself is dropped. A shell completion request is left as the shell wrote it.
 */
export function withOperands(argv: readonly string[]): readonly string[] {
  if (argv.includes('--get-yargs-completions')) return argv;
  const end = argv.indexOf(END_OF_OPTIONS);
  const options = end === -1 ? argv : argv.slice(0, end);
  const operands = end === -1 ? [] : argv.slice(end + 1);
  return [...options.map((arg) => (arg === '-' ? asPath(arg) : arg)), ...operands.map((arg) => (arg.startsWith('-') ? asPath(arg) : arg))];
}

function asPath(operand: string): string {
  return `./${operand}`;
}
