import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tfFolder } from '../terraform/tf-folder.js';

const FIXTURE = 'test/fixtures/terraform/plan';

interface JsonFinding {
  ruleId: string;
  location: { file: string; line?: number; address?: string };
}

describe('pingone-audit terraform --plan (in-process)', () => {
  it('audits the planned values and places each finding on the .tf line of the folder alongside', async () => {
    const run = await runCli(['terraform', FIXTURE, '--plan', `${FIXTURE}/plan.json`, '-f', 'json', '--allow-incomplete']);
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
    const locations = Object.fromEntries(
      findings.filter((finding) => ['redirect-uri-trailing-slash', 'actor-organization-admin'].includes(finding.ruleId)).map((finding) => [finding.ruleId, finding.location]),
    );
    expect(locations).toEqual({
      'redirect-uri-trailing-slash': { file: `${FIXTURE}/main.tf`, line: 20, address: 'pingone_application.storefront' },
      'actor-organization-admin': { file: `${FIXTURE}/main.tf`, line: 51, address: 'pingone_application_role_assignment.exporter_org_admin' },
    });
  });

  it('is incomplete (exit 3) without --allow-incomplete: a value known only after apply is a gap, not out of scope', async () => {
    const run = await runCli(['terraform', FIXTURE, '--plan', `${FIXTURE}/plan.json`, '-f', 'json']);
    expect(run.code).toBe(3);
  });

  it('refuses a file that is not a plan with exit 2 and terraform-plan-invalid', async () => {
    const cwd = tfFolder({ 'plan.json': '{"resources": []}' });
    const run = await runCli(['terraform', '--plan', 'plan.json'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error code: terraform-plan-invalid');
  });
});
