import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors.js';
import { mapConfiguration } from '../../src/terraform/map/map-configuration.js';
import { readPlan } from '../../src/terraform/plan/read-plan.js';
import { readConfiguration } from '../../src/terraform/read-configuration.js';
import { auditConfiguration, NOW } from './audit-terraform.js';
import { temporaryFolder } from '../helpers/temporary-folder.js';

const FIXTURE = 'test/fixtures/terraform/plan';
const cwd = process.cwd();

const auditPlan = (plan: ReturnType<typeof readPlan>) => auditConfiguration(plan.configuration, plan.ids);

describe('terraform show -json plans', () => {
  it('reports the planned trailing slash and the worker with Organization Admin, linked by the ids the plan knows', () => {
    const { addresses, of, where } = auditPlan(readPlan({ file: `${FIXTURE}/plan.json`, cwd }));
    expect(addresses('redirect-uri-trailing-slash')).toEqual(['pingone_application.storefront']);
    expect(addresses('actor-organization-admin')).toEqual(['pingone_application_role_assignment.exporter_org_admin']);
    // Without the configuration, a finding points at the resource's values in the plan file.
    expect(where(of('redirect-uri-trailing-slash')[0]!)?.span).toMatchObject({ file: `${FIXTURE}/plan.json`, line: 25 });
  });

  it('leaves a value known only after apply not evaluated, naming the expression the configuration gives', () => {
    const { mapped, outcome, of } = auditPlan(readPlan({ file: `${FIXTURE}/plan.json`, cwd }));
    expect(mapped.notEvaluated).toEqual([
      expect.objectContaining({
        address: 'pingone_application.reports',
        attribute: 'oidc_options.redirect_uris',
        expression: 'data.terraform_remote_state.reports.outputs.callbacks',
        reason: 'known after apply',
      }),
    ]);
    expect(of('redirect-uri-missing').map((finding) => finding.resource.name)).not.toContain('Reports');
    expect(outcome('redirect-uri-missing')).toBe('not-evaluated');
  });

  it('points at the .tf block and attribute when the configuration is alongside (matched by address)', async () => {
    const configuration = await readConfiguration({ dir: FIXTURE, cwd });
    const { of, where } = auditPlan(readPlan({ file: `${FIXTURE}/plan.json`, cwd, configuration }));
    expect(where(of('redirect-uri-trailing-slash')[0]!)?.span).toMatchObject({ file: `${FIXTURE}/main.tf`, line: 20 });
    expect(where(of('actor-organization-admin')[0]!)?.span).toMatchObject({ file: `${FIXTURE}/main.tf`, line: 51 });
  });

  it.each([
    ['not JSON', '{"format_version": "1.2",', /not valid JSON: .* at line 1/],
    ['not a plan', '{"resources": []}', /lacks format_version or planned_values/],
    ['another format major version', '{"format_version": "2.0", "planned_values": {}}', /format_version "2.0"; this version reads 1.x/],
  ])('refuses a file that is %s with terraform-plan-invalid (exit 2)', (_what, text, message) => {
    const folder = temporaryFolder('plan-');
    writeFileSync(path.join(folder, 'plan.json'), text);
    let error: unknown;
    try {
      readPlan({ file: 'plan.json', cwd: folder });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).errorCode).toBe('terraform-plan-invalid');
    expect((error as UserFacingError).message).toMatch(message);
  });

  it('says a missing plan file is unreadable', () => {
    expect(() => readPlan({ file: 'no-such-plan.json', cwd: tmpdir() })).toThrow(expect.objectContaining({ errorCode: 'file-unreadable' }));
  });

  it('maps the same configuration whether read from the plan or built by hand', () => {
    const plan = readPlan({ file: `${FIXTURE}/plan.json`, cwd });
    const mapped = mapConfiguration(plan.configuration, { now: NOW, toolVersion: 'test' }, plan.ids);
    const exporter = mapped.snapshot.environments[0]!.applications.find((app) => app.name === 'Nightly exporter');
    expect(exporter?.id).toBe('a9d8c7b6-2222-4e5f-8a9b-0c1d2e3f4a5b');
    expect(exporter?._embedded?.roleAssignments?.[0]).toMatchObject({ role: { id: '3b5a1f0e-3333-4c2d-9e8f-7a6b5c4d3e2f' }, scope: { type: 'ORGANIZATION' } });
    expect(mapped.snapshot.roles).toEqual([{ id: '3b5a1f0e-3333-4c2d-9e8f-7a6b5c4d3e2f', name: 'Organization Admin', type: 'PLATFORM' }]);
  });
});
