/** Terraform's own spelling of its variable flags, single dash, as `terraform plan` takes them. */
const TERRAFORM_FLAGS = new Set(['-var', '-var-file']);

/**
 * `pingone-audit terraform` accepts `-var` and `-var-file` as Terraform spells them, so a pipeline can pass
 * the same arguments to both; yargs would read `-var` as the short flags -v -a -r, so they become `--var`
 * and `--var-file` before parsing. Other commands' arguments are left alone.
 */
export function withTerraformFlags(argv: readonly string[]): readonly string[] {
  if (argv.find((arg) => !arg.startsWith('-')) !== 'terraform') return argv;
  const end = argv.indexOf('--');
  return argv.map((arg, index) => {
    if (end !== -1 && index > end) return arg;
    const name = arg.split('=')[0] ?? arg;
    return TERRAFORM_FLAGS.has(name) ? `-${arg}` : arg;
  });
}
