/** The `--output` value that means stdout, as in curl, tar and most command-line tools. A file named `-` is `./-`. */
export const STDOUT_PATH = '-';

/**
 * `-o -` and `--output -` as `--output=-`: yargs takes a lone `-` after a flag for an argument of its own (and then
 * refuses it as unknown), while it reads `--output=-` as the flag's value. Arguments after `--` are left alone.
 */
export function withStdoutDash(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  const rewritten: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    const beforeEnd = end === -1 || index < end;
    if (beforeEnd && (arg === '-o' || arg === '--output') && argv[index + 1] === STDOUT_PATH) {
      rewritten.push(`--output=${STDOUT_PATH}`);
      index += 1;
    } else rewritten.push(arg);
  }
  return rewritten;
}
