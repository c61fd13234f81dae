import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupFromConfig } from '../../src/audit/audit-setup.js';
import { auditSnapshot } from '../../src/audit/audit-snapshot.js';
import { loadDataset, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import type { Snapshot } from '../../src/snapshot/model.js';
import { fakeClock } from '../fetch/stub-server.js';
import { collectFromSimulator } from '../helpers/collect-from-simulator.js';
import { mapConfiguration } from '../../src/terraform/map/map-configuration.js';
import { writeSnapshot } from '../../src/snapshot/write-snapshot.js';
import { runCli } from '../helpers/run-cli.js';
import { ConfigBuilder } from './tf-builder.js';
import { tfFolder } from './tf-folder.js';

const dataset = loadDataset('demo');
const clock = fakeClock();
let simulator: RunningSimulator;
let live: Snapshot;

beforeAll(async () => {
  simulator = await startSimulator({ dataset, now: clock.now });
  live = await collectFromSimulator(simulator, dataset, clock);
});
afterAll(() => simulator.close());

const SETUP = setupFromConfig({ config: {}, file: undefined });

/** The demo's Production environment, declared as a configuration that manages part of it would. */
function productionConfig() {
  const builder = new ConfigBuilder();
  const env = builder.resource('pingone_environment', 'prod', { name: 'Production', type: 'PRODUCTION' });
  const worker = (name: string) => ({
    environment_id: env,
    name,
    enabled: true,
    oidc_options: { type: 'WORKER', grant_types: ['CLIENT_CREDENTIALS'], token_endpoint_auth_method: 'CLIENT_SECRET_BASIC' },
  });
  return { builder, env, worker };
}

function overlay(builder: ConfigBuilder) {
  const now = new Date(clock.now());
  const mapped = mapConfiguration(builder.build(), { now, toolVersion: 'test', live });
  const result = auditSnapshot(mapped.snapshot, SETUP, now);
  const reported = (ruleId: string) => result.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => finding.resource.name);
  return { mapped, result, reported };
}

describe('--snapshot: the configuration laid over the live demo tenant', () => {
  it('the live tenant alone: admin-role-missing reports Nightly Export, which holds no role', () => {
    const result = auditSnapshot(live, SETUP, new Date(clock.now()));
    expect(result.findings.filter((finding) => finding.ruleId === 'admin-role-missing').map((finding) => finding.resource.name)).toContain('Nightly Export');
  });

  it('judges the tenant as it will be after apply: a planned role assignment clears Nightly Export, the untouched workers stay reported', () => {
    const { builder, env, worker } = productionConfig();
    const role = builder.resource('pingone_role', 'identity_data_admin', { name: 'Identity Data Admin' }, 'data');
    const nightly = builder.resource('pingone_application', 'nightly', worker('Nightly Export'));
    builder.resource('pingone_application_role_assignment', 'nightly', { environment_id: env, application_id: nightly, role_id: role, scope_environment_id: env });
    const { reported, mapped } = overlay(builder);
    expect(reported('admin-role-missing')).not.toContain('Nightly Export');
    expect(reported('admin-role-missing')).toEqual(expect.arrayContaining(['StackOne (legacy)', 'Staging Sync']));
    // Matched by name: the live application keeps its id, so everything the tenant links to it still links.
    const production = mapped.snapshot.environments.find((candidate) => candidate.environment.name === 'Production')!;
    expect(production.applications.filter((app) => app.name === 'Nightly Export').map((app) => app.id)).toEqual(['861257a8-30b8-4cdb-a6f5-095512227389']);
  });

  it('evaluates the tenant-only rules with the live users, and reports a new worker without a role on its .tf block', () => {
    const { builder, worker } = productionConfig();
    const line = builder.nextLine;
    builder.resource('pingone_application', 'reporting', worker('Reporting worker'));
    const { reported, result, mapped } = overlay(builder);
    expect(reported('admin-role-missing')).toContain('Reporting worker');
    expect(result.ruleResults.filter((entry) => entry.ruleId === 'admin-role-missing').map((entry) => entry.outcome)).not.toContain('not-evaluated');
    const finding = result.findings.find((candidate) => candidate.ruleId === 'admin-role-missing' && candidate.resource.name === 'Reporting worker')!;
    expect(mapped.provenance.locate(finding.location.file, finding.pointer)).toEqual({ address: 'pingone_application.reporting', span: { file: 'main.tf', line, column: 1 } });
  });

  it('counts an assignment declared in Terraform and already applied once', () => {
    const { builder, env, worker } = productionConfig();
    const role = builder.resource('pingone_role', 'org_admin', { name: 'Organization Admin' }, 'data');
    const nightly = builder.resource('pingone_application', 'nightly', worker('Nightly Export'));
    builder.resource('pingone_application_role_assignment', 'first', { environment_id: env, application_id: nightly, role_id: role, scope_organization_id: 'org' });
    builder.resource('pingone_application_role_assignment', 'again', { environment_id: env, application_id: nightly, role_id: role, scope_organization_id: 'org' });
    const { reported } = overlay(builder);
    expect(reported('actor-organization-admin')).toEqual(['Nightly Export']);
  });
});

describe('pingone-audit terraform --snapshot (in-process)', () => {
  it('reads the snapshot folder and reports a planned worker without a role on its .tf line', async () => {
    const cwd = tfFolder({
      'infra/main.tf': [
        'resource "pingone_environment" "prod" {',
        '  name = "Production"',
        '  type = "PRODUCTION"',
        '}',
        'resource "pingone_application" "reporting" {',
        '  environment_id = pingone_environment.prod.id',
        '  name           = "Reporting worker"',
        '  enabled        = true',
        '  oidc_options = {',
        '    type                       = "WORKER"',
        '    grant_types                = ["CLIENT_CREDENTIALS"]',
        '    token_endpoint_auth_method = "CLIENT_SECRET_BASIC"',
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    await writeSnapshot(live, path.join(cwd, 'live'));
    const run = await runCli(['terraform', 'infra', '--snapshot', 'live', '-f', 'json', '--fail-on', 'none'], { cwd });
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; resource: { name: string }; location: { file: string; line?: number; address?: string } }> }).findings;
    const reporting = findings.filter((finding) => finding.ruleId === 'admin-role-missing' && finding.resource.name === 'Reporting worker');
    expect(reporting.map((finding) => finding.location)).toEqual([{ file: 'infra/main.tf', line: 5, address: 'pingone_application.reporting' }]);
    // The tenant's own workers are judged too, at their snapshot location.
    expect(findings.find((finding) => finding.ruleId === 'admin-role-missing' && finding.resource.name === 'Nightly Export')?.location.file).toMatch(/^environments\//);
  });
});
