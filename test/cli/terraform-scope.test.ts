import { describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { runCli } from '../helpers/run-cli.js';
import { tfFolder } from '../terraform/tf-folder.js';

/** One sound web app, and a worker with Organization Admin when `withWorker`: no unknown value anywhere. */
const configuration = (withWorker: boolean) => `
resource "pingone_environment" "e" {
  name = "Prod"
  type = "PRODUCTION"
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
    redirect_uris              = ["https://web.example.com/cb"]
  }
}
${
  withWorker
    ? `data "pingone_role" "org_admin" {
  name = "Organization Admin"
}
resource "pingone_application" "worker" {
  environment_id = pingone_environment.e.id
  name           = "Worker"
  enabled        = true
  oidc_options = {
    type                       = "WORKER"
    grant_types                = ["CLIENT_CREDENTIALS"]
    token_endpoint_auth_method = "CLIENT_SECRET_BASIC"
  }
}
resource "pingone_application_role_assignment" "worker_org_admin" {
  environment_id        = pingone_environment.e.id
  application_id        = pingone_application.worker.id
  role_id               = data.pingone_role.org_admin.id
  scope_organization_id = "b1f0c3a4-0000-4000-8000-000000000001"
}
`
    : ''
}`;

interface JsonReport {
  summary: { outOfScope?: number; notEvaluated: number; collectionComplete: boolean };
  findings: Array<{ ruleId: string }>;
  notEvaluated: Array<{ ruleId: string; outOfScope?: boolean; reasons: Array<{ kind: string; error?: string; outOfScope?: string }> }>;
  ruleResults: Array<{ ruleId: string; outcome: string }>;
}

describe('pingone-audit terraform: data outside the configuration is out of scope, not a gap', () => {
  it('exits 0 on a sound configuration without --allow-incomplete, listing the rules out of scope with the reason, never as passed', async () => {
    const cwd = tfFolder({ 'main.tf': configuration(false) });
    const run = await runCli(['terraform', '-f', 'json'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.summary.collectionComplete).toBe(true);
    expect(report.summary.outOfScope).toBeGreaterThan(0);
    expect(report.summary.outOfScope).toBe(report.summary.notEvaluated);
    const reason = (ruleId: string) => report.notEvaluated.find((item) => item.ruleId === ruleId);
    // Users live only in the tenant.
    expect(reason('admin-role-missing')).toMatchObject({ outOfScope: true });
    expect(reason('admin-role-missing')?.reasons.find((item) => item.kind === 'users')?.error).toContain('needs the tenant');
    expect(reason('admin-role-missing')?.reasons.find((item) => item.kind === 'users')?.error).toContain('pass --snapshot DIR');
    // No sign-on policy setup declared: may be managed elsewhere, so an app without an assignment is not judged.
    expect(
      reason('app-no-sign-on-policy')
        ?.reasons.map((item) => item.error)
        .join(' '),
    ).toContain('no pingone_application_sign_on_policy_assignment');
    expect(report.findings.filter((finding) => finding.ruleId === 'app-no-sign-on-policy')).toEqual([]);
    // A kind declared but not read from Terraform is named as such (here: none), and no rule out of scope passes.
    for (const ruleId of ['admin-role-missing', 'app-no-sign-on-policy', 'webhook-http-destination']) {
      expect(report.ruleResults.find((item) => item.ruleId === ruleId)?.outcome, ruleId).toBe('not-evaluated');
    }
  });

  it('treats an environment referenced by id (a variable) as managed elsewhere: its type is out of scope, not a gap, so exit 0', async () => {
    const declared = configuration(false);
    const byVariable = declared
      .replace(/resource "pingone_environment" "e" \{[^}]*\}/, 'variable "environment_id" {\n  default = "6f9b1f0e-0000-4000-8000-000000000001"\n}')
      .replaceAll('pingone_environment.e.id', 'var.environment_id')
      .replace('https://web.example.com/cb', 'http://localhost:3000/cb');
    expect(byVariable).not.toContain('pingone_environment');
    const run = await runCli(['terraform', '-f', 'json'], { cwd: tfFolder({ 'main.tf': byVariable }) });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.summary.collectionComplete).toBe(true);
    const localhost = report.notEvaluated.find((item) => item.ruleId === 'redirect-uri-localhost-in-production');
    expect(localhost).toMatchObject({ outOfScope: true });
    expect(localhost?.reasons.find((item) => item.kind === 'environments')?.error).toMatch(/6f9b1f0e-0000-4000-8000-000000000001 is not declared in this configuration.*pass --snapshot DIR/);
    expect(report.ruleResults.find((item) => item.ruleId === 'redirect-uri-localhost-in-production')?.outcome).toBe('not-evaluated');
    // The application the configuration declares is still judged.
    expect(report.findings.map((finding) => finding.ruleId)).toContain('cors-any-origin');
  });

  it('keeps findings on declared resources when only the kinds they sit beside are undeclared (no gateway): exit 1 by the gate', async () => {
    const cwd = tfFolder({ 'main.tf': configuration(true) });
    const run = await runCli(['terraform', '-f', 'json'], { cwd });
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((finding) => finding.ruleId)).toContain('actor-organization-admin');
    expect(report.ruleResults.find((item) => item.ruleId === 'actor-organization-admin')?.outcome).toBe('fail');
    expect(report.notEvaluated.find((item) => item.ruleId === 'actor-organization-admin')?.reasons.map((item) => item.kind)).toContain('gateways');
  });

  it('says "within scope" wherever a verdict is given, and notes the rules out of scope in SARIF and JUnit', async () => {
    const cwd = tfFolder({ 'main.tf': configuration(false) });
    const stylish = await runCli(['terraform', '-f', 'stylish'], { cwd });
    expect(stylish.stdout.split('\n')[0]).toMatch(/^PASS within scope {2}2 findings/);
    expect(stylish.stdout).toMatch(/\d+ out of scope/);
    expect(stylish.stdout).toContain('data they need lies outside what was audited');
    const markdown = await runCli(['terraform', '-f', 'markdown'], { cwd });
    expect(markdown.stdout).toContain('## pingone-audit: Compliant within scope');
    expect(markdown.stdout).toMatch(/\d+ rules out of scope/);
    const html = await runCli(['terraform', '-f', 'html'], { cwd });
    expect(html.stdout).toContain('Compliant within scope');
    expect(html.stdout).toContain('out of scope (the data they need lies outside what was audited)');
    const sarif = JSON.parse((await runCli(['terraform', '-f', 'sarif'], { cwd })).stdout) as Log;
    const invocation = sarif.runs[0]?.invocations?.[0];
    expect(invocation?.executionSuccessful).toBe(true);
    expect(invocation?.toolExecutionNotifications?.filter((note) => note.descriptor?.id === 'collection-failed')).toEqual([]);
    const notes = invocation?.toolConfigurationNotifications?.filter((note) => note.descriptor?.id === 'rule-not-evaluated') ?? [];
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((note) => note.level === 'note' && note.message.text?.includes('lies outside what was audited'))).toBe(true);
    const junit = await runCli(['terraform', '-f', 'junit'], { cwd });
    expect(junit.stdout).toMatch(/<skipped message="Not evaluated: data it needs lies outside what was audited \(users out of scope/);
  });

  it('names the environment, not a snapshot folder, and counts one unknown app as 1 resource not evaluated, not as every rule', async () => {
    const run = await runCli(['terraform', 'test/fixtures/terraform/acceptance']);
    expect(run.code).toBe(3);
    expect(run.stdout).not.toContain('environments/tf:');
    expect(run.stdout).toMatch(/^Retail Production$/m);
    expect(run.stdout.replace(/\s+/g, ' ')).toMatch(/1 resource not evaluated by \d+ rules \(data missing\)/);
    expect(run.stdout.replace(/\s+/g, ' ')).not.toMatch(/\d+ not evaluated \(data missing\)/);
  });
});
