import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tfFolder } from '../terraform/tf-folder.js';

const APP = `
resource "pingone_environment" "e" {
  name = "Prod"
  type = "PRODUCTION"
}
variable "callback" {
  type = string
}
resource "pingone_application" "web" {
  environment_id = pingone_environment.e.id
  name           = "Web"
  enabled        = true
  oidc_options = {
    type                       = "WEB_APP"
    grant_types                = ["AUTHORIZATION_CODE"]
    response_types             = ["CODE"]
    token_endpoint_auth_method = "CLIENT_SECRET_BASIC"
    pkce_enforcement           = "S256_REQUIRED"
    redirect_uris              = [var.callback]
  }
}
`;

describe('pingone-audit terraform (in-process)', () => {
  it('takes -var as Terraform spells it, and --var too', async () => {
    const cwd = tfFolder({ 'infra/main.tf': APP });
    const single = await runCli(['terraform', 'infra', '-var', 'callback=http://web.example.com/cb', '-f', 'json'], { cwd });
    const double = await runCli(['terraform', 'infra', '--var=callback=https://web.example.com/cb', '-f', 'json'], { cwd });
    // Users, sign-on policies and the like are out of scope, not a gap: the gate decides on the findings.
    expect(single.code).toBe(1);
    expect(double.code).toBe(0);
    const rules = (stdout: string) =>
      (JSON.parse(stdout) as { findings: Array<{ ruleId: string; location: { file: string; line: number } }> }).findings.filter((finding) => finding.ruleId === 'redirect-uri-not-https');
    expect(rules(single.stdout).map((finding) => finding.location)).toEqual([{ file: 'infra/main.tf', line: 19, address: 'pingone_application.web' }]);
    expect(rules(double.stdout)).toEqual([]);
  });

  it('reads -var-file after terraform.tfvars', async () => {
    const cwd = tfFolder({ 'main.tf': APP, 'terraform.tfvars': 'callback = "https://ok.example.com/cb"\n', 'ci.tfvars': 'callback = "http://ci.example.com/cb"\n' });
    const run = await runCli(['terraform', '-var-file', 'ci.tfvars', '-f', 'json'], { cwd });
    expect(run.stdout).toContain('http://ci.example.com/cb');
    expect(run.code).toBe(1);
  });

  it('leaves a variable without a value not evaluated (exit 3), never a pass', async () => {
    const cwd = tfFolder({ 'main.tf': APP });
    const run = await runCli(['terraform', '-f', 'json'], { cwd });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('variable callback has no default and no value was given');
  });

  it("says on stderr in Terraform's terms why the run is incomplete: values unknown, modules not read, nothing declared", async () => {
    const unknown = await runCli(['terraform', '-f', 'json'], { cwd: tfFolder({ 'main.tf': APP }) });
    expect(unknown.stderr).toMatch(/^incomplete: 1 value\(s\) the rules need are unknown in the Terraform configuration, \d+ rule\/environment pair\(s\) not evaluated$/m);
    expect(unknown.stderr).not.toContain('read(s) failed');
    const module = await runCli(['terraform', '-f', 'json'], {
      cwd: tfFolder({ 'main.tf': `${APP}\nmodule "more" {\n  source = "example-org/apps/pingone"\n}\n`, 'terraform.tfvars': 'callback = "https://ok.example.com/cb"\n' }),
    });
    expect(module.stderr).toContain('incomplete: 1 module(s) not audited (a registry or git source is not fetched)\n');
    const none = await runCli(['terraform', '-f', 'json'], { cwd: tfFolder({ 'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n' }) });
    expect([none.code, none.stderr]).toEqual([3, expect.stringContaining('not audited: the Terraform configuration declares no PingOne resource in an environment\n')]);
  });

  it('counts a registry module as not audited: a warning naming it and exit 3, not a clean pass', async () => {
    const cwd = tfFolder({ 'main.tf': `${APP}\nmodule "more_apps" {\n  source = "example-org/apps/pingone"\n}\n`, 'terraform.tfvars': 'callback = "https://ok.example.com/cb"\n' });
    const run = await runCli(['terraform', '--fail-on', 'none'], { cwd });
    // Said in the terminal report on stdout, which carries the run's warnings.
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('module.more_apps: module source "example-org/apps/pingone" is not a local folder');
    expect(run.code).toBe(3);
  });

  it('exits 2 naming file:line for a syntax error, and for a folder without .tf files', async () => {
    const broken = await runCli(['terraform', 'infra'], { cwd: tfFolder({ 'infra/main.tf': 'resource "pingone_application" "a" {\n  name = \n}\n' }) });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/infra\/main\.tf:2:3: HCL syntax error: unexpected "name"/);
    expect(broken.stderr).toContain('terraform-invalid');
    const empty = await runCli(['terraform', 'nothing'], { cwd: tfFolder({ 'nothing/README.md': 'no terraform here\n' }) });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('The Terraform folder nothing holds no .tf file.');
  });

  it('says in words that the folder or the plan does not exist, or is a file, and what to give instead (exit 2)', async () => {
    const cwd = tfFolder({ 'infra/main.tf': '', 'a-file.tf': '' });
    const cases = [
      [['terraform', 'nosuchdir'], 'pingone-audit: The Terraform folder nosuchdir does not exist.'],
      [['terraform', 'a-file.tf'], 'pingone-audit: The Terraform folder a-file.tf is a file, not a folder.'],
      [['terraform', 'a-file.tf/infra'], 'pingone-audit: The Terraform folder a-file.tf/infra does not exist: a folder on its path is a file.'],
      [['terraform', 'infra', '--plan', 'no-plan.json'], 'pingone-audit: The plan file no-plan.json does not exist.'],
    ] as const;
    for (const [args, said] of cases) {
      const run = await runCli([...args], { cwd });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(said);
      expect(run.stderr).not.toMatch(/\(E[A-Z]+\)/);
    }
    const folder = await runCli(['terraform', 'nosuchdir'], { cwd });
    expect(folder.stderr).toContain('what to do: Name the folder of the Terraform root module, where terraform plan runs');
    expect(folder.stderr).toContain('error code: terraform-missing');
  });

  it('treats .tf file names, for_each keys and values as hostile text in every terminal and CI format', async () => {
    const hostile = 'x\u001b[31m\n::error::pwned';
    const files = {
      [`infra/${hostile}.tf`]: `resource "pingone_environment" "e" {\n  name = "Prod"\n  type = "PRODUCTION"\n}\nresource "pingone_application" "web" {\n  for_each       = { "\\u001b[2J\\n::warning::k" = "http://bad.example.com/\\u001b[2J" }\n  environment_id = pingone_environment.e.id\n  name           = "App \\u001b]8;;https://evil.example/\\u0007\\n::error::x"\n  enabled        = true\n  oidc_options = {\n    type          = "WEB_APP"\n    grant_types   = ["AUTHORIZATION_CODE"]\n    redirect_uris = [each.value]\n  }\n}\n`,
    };
    const cwd = tfFolder(files);
    for (const format of ['stylish', 'markdown', 'junit', 'csv', 'sarif', 'json', 'html']) {
      const run = await runCli(['terraform', 'infra', '-f', format, '--fail-on', 'none'], { cwd });
      expect(run.code, `${format}: ${run.stderr}`).toBe(0);
      expect(`${run.stdout}${run.stderr}`, format).not.toMatch(/\u001b|\u0007/);
      expect(`${run.stdout}${run.stderr}`, format).not.toMatch(/^::(error|warning)::/m);
      expect(run.stdout, format).toContain('redirect-uri-not-https');
    }
  });
});

describe('pingone-audit terraform, terminal report', () => {
  it('names the file of a finding that is not in its resource heading’s file (a role assignment of an app)', async () => {
    const cwd = tfFolder({
      'apps.tf':
        'resource "pingone_application" "sync" {\n  environment_id = "env-1"\n  name           = "Sync"\n  oidc_options = {\n    type                       = "WORKER"\n    grant_types                = ["CLIENT_CREDENTIALS"]\n    token_endpoint_auth_method = "PRIVATE_KEY_JWT"\n    jwks_url                   = "https://sync.example.com/jwks"\n  }\n}\n',
      'roles.tf':
        'data "pingone_role" "org" {\n  name = "Organization Admin"\n}\nresource "pingone_application_role_assignment" "sync" {\n  environment_id        = "env-1"\n  application_id        = pingone_application.sync.id\n  role_id               = data.pingone_role.org.id\n  scope_organization_id = "org-1"\n}\n',
    });
    const { stdout } = await runCli(['terraform', '.', '--allow-incomplete', '--no-color'], { cwd });
    const rows = stdout.split('\n');
    const heading = rows.findIndex((row) => row.includes('application Sync'));
    const own = rows.slice(heading, heading + 6).join('\n');
    // Whichever file heads the resource, the other finding says where it is.
    expect(own).toMatch(/application Sync {2}(apps|roles)\.tf/);
    expect(own).toMatch(own.includes('Sync  apps.tf') ? /roles\.tf:4 +high +actor-organization-admin/ : /apps\.tf:1 +(high|medium) +app-disabled/);
  });

  it('names a .tf file outside the working directory by a path that leads to it from there, in every report', async () => {
    const root = tfFolder({ 'infra/main.tf': APP, 'work/.keep': '' });
    const cwd = path.join(root, 'work');
    const http = ['-var', 'callback=http://web.example.com/cb'];
    const json = await runCli(['terraform', '../infra', ...http, '-f', 'json'], { cwd });
    const findings = (JSON.parse(json.stdout) as { findings: Array<{ ruleId: string; location: { file: string; line: number } }> }).findings;
    expect(findings.find((finding) => finding.ruleId === 'redirect-uri-not-https')?.location).toMatchObject({ file: '../infra/main.tf', line: 19 });
    expect((await runCli(['terraform', '../infra', ...http, '-f', 'markdown'], { cwd })).stdout).toContain('../infra/main.tf');
    // An absolute folder too: its files used to be shown absolute with the root cut off (tmp/…/main.tf).
    expect((await runCli(['terraform', path.join(root, 'infra'), ...http, '-f', 'stylish'], { cwd })).stdout).toContain('../infra/main.tf');
  });
});
