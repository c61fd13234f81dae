/** Flags whose value may be a secret: the client secret, and a Terraform variable (a password, a token). */
const SECRET_VALUE_FLAGS = ['--client-secret', '--var'];

/**
 * The flag whose value `operand` comes after, with only other plain words between (`--client-secret FIRST SECOND THIRD`,
 * `--var=pw=FIRST SECOND`), when that flag may carry a secret: the shell split an unquoted value, and the operand may
 * be the rest of the secret, which no message may repeat. `argv` is the command line as parsed (`-var` spelled `--var`).
 */
export function secretValueBefore(argv: readonly string[], operand: string): string | undefined {
  for (const [index, arg] of argv.entries()) {
    if (arg !== operand) continue;
    let option = index - 1;
    while (option >= 0 && !argv[option]!.startsWith('-')) option -= 1;
    const given = argv[option];
    const flag = SECRET_VALUE_FLAGS.find((name) => (given === name && option <= index - 2) || given?.startsWith(`${name}=`));
    if (flag !== undefined) return flag;
  }
  return undefined;
}

/** What a message says in place of such an operand. */
export function notShownAfter(flag: string): string {
  return `(not shown: it follows the value of ${flag === '--var' ? '-var' : flag}, and may be the rest of it; quote a value that holds spaces)`;
}
