import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, resolveConnectionSettings, type ApiClient, type ConnectionSettings } from '../../src/fetch/index.js';
import { textWidth } from '../../src/output/terminal-layout.js';
import { startSimulator, type Dataset, type RunningSimulator } from '../../src/simulator/index.js';
import type { Snapshot } from '../../src/snapshot/model.js';
import { formatWhoami, missingRoleReason, runWhoami, withMissingRoles, type WhoamiReport } from '../../src/whoami/index.js';
import { applicationNamed, environmentNamed, roleId } from '../simulator/simulator-client.js';
import { datasetWithReviewerApp, REVIEWER_APP_ID, reviewerIds } from '../simulator/reviewer-app.js';

const open: Array<{ simulator: RunningSimulator; client: ApiClient }> = [];
afterEach(async () => {
  for (const { simulator, client } of open.splice(0)) {
    await client.close();
    await simulator.close();
  }
});

async function whoamiAs(who: { user: string } | { worker: string }, change: (dataset: Dataset) => void = () => undefined, environmentIds?: string[]) {
  const dataset = datasetWithReviewerApp(7464);
  change(dataset);
  const simulator = await startSimulator({ dataset });
  const ids = reviewerIds(dataset);
  const base = { apiUrl: simulator.apiUrl, authUrl: simulator.authUrl };
  let settings: ConnectionSettings;
  if ('user' in who) {
    const user = (ids as Record<string, string>)[who.user]!;
    settings = resolveConnectionSettings({ ...base, accessToken: simulator.issueUserToken(user, REVIEWER_APP_ID) }, {});
  } else {
    const credential = dataset.credentials.find((candidate) => candidate.clientId === applicationNamed(dataset, who.worker).id)!;
    settings = resolveConnectionSettings({ ...base, clientId: credential.clientId, environmentId: credential.environmentId }, { PINGONE_CLIENT_SECRET: credential.clientSecret });
  }
  const client = createApiClient(settings, { maxRps: 1000, retry: { propagationRetries: 0 } });
  open.push({ simulator, client });
  const report = await runWhoami(client, environmentIds === undefined ? {} : { environmentIds });
  return { report, ids, dataset, simulator };
}

const predictions = (report: WhoamiReport, environmentId?: string) =>
  Object.fromEntries(report.endpoints.filter((row) => row.environmentId === environmentId).map((row) => [row.kind, row.prediction]));

describe('whoami', () => {
  it('client credentials: the worker app’s own roles, named and scoped, and every endpoint readable where they apply', async () => {
    const { report, ids } = await whoamiAs({ worker: 'pingone-audit' });
    expect(report).toMatchObject({
      authorizationModel: 'application',
      clientId: applicationNamed(datasetWithReviewerApp(1), 'pingone-audit').id,
      environmentId: ids.adminEnv,
      environmentName: 'Administrators',
      applicationName: 'pingone-audit',
      rolesRead: true,
    });
    expect(report.user).toBeUndefined();
    expect(report.roles.map((role) => `${role.roleName}@${role.scope.name}`).sort()).toEqual(
      ['Administrators', 'Production', 'Staging'].flatMap((env) => [`Configuration Read Only@${env}`, `Identity Data Read Only@${env}`]).sort(),
    );
    expect(new Set(report.endpoints.map((row) => row.prediction))).toEqual(new Set(['readable']));
    expect(new Set(report.endpoints.map((row) => row.environmentName))).toEqual(new Set([undefined, 'Administrators', 'Production', 'Staging']));
  });

  it('a user sign-in: the user’s direct and group roles, and the reads they do not cover as “will 403” with the missing role', async () => {
    const { report, ids } = await whoamiAs({ user: 'dana' }, (dataset) => {
      // dana.okafor also gets Identity Data Read Only over her own environment, so she can read her assignments.
      environmentNamed(dataset, 'Administrators').roleAssignments.push({
        id: '0e6b7d2a-5c4f-4b1e-9a3d-8f2c6e1b7a40',
        role: { id: roleId(dataset, 'Identity Data Read Only') },
        scope: { id: reviewerIds(dataset).adminEnv, type: 'ENVIRONMENT' },
        environment: { id: reviewerIds(dataset).adminEnv },
        user: { id: reviewerIds(dataset).dana },
      });
    });
    expect(report).toMatchObject({ authorizationModel: 'user', user: { id: ids.dana, username: 'dana.okafor' }, rolesRead: true });
    const viaGroup = report.roles.filter((role) => role.via.kind === 'group');
    expect(viaGroup.map((role) => [role.roleName, role.scope.name, role.via.kind === 'group' && role.via.groupName])).toContainEqual(['Configuration Read Only', 'Production', 'Security Auditors']);
    expect(new Set(Object.values(predictions(report, ids.prodEnv)))).toEqual(new Set(['readable']));
    const admin = predictions(report, ids.adminEnv);
    expect(admin).toMatchObject({ users: 'readable', userRoleAssignments: 'readable', applications: 'readable', signOnPolicies: 'will 403', gateways: 'will 403' });
    const policies = report.endpoints.find((row) => row.kind === 'signOnPolicies' && row.environmentId === ids.adminEnv)!;
    expect(policies.reason).toBe(missingRoleReason('signOnPolicies', ids.adminEnv, 'user'));
    expect(policies.reason).toMatch(/^missing role: Configuration Read Only scoped to environment \S+ \(held by the signed-in user; the application’s own roles do not count/);
    const table = formatWhoami(report, 'table', 200);
    expect(table).toContain('A user sign-in: PingOne checks the signed-in user’s admin roles');
    expect(table).toContain('Configuration Read Only (environment Production, through group Security Auditors)');
    // At 80 columns every line fits, and every endpoint and environment id is whole.
    const narrow = formatWhoami(report, 'table', 80).split('\n');
    for (const line of narrow) expect(textWidth(line), line).toBeLessThanOrEqual(80);
    for (const row of report.endpoints) expect(narrow.some((line) => line.startsWith(`  ${row.endpoint} `))).toBe(true);
    expect(narrow).toContain(`Production (${ids.prodEnv})`);
    expect(JSON.parse(formatWhoami(report, 'json'))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('a user with no admin role: every endpoint will 403, and it says so', async () => {
    const { report, ids } = await whoamiAs({ user: 'noRole' }, undefined, [reviewerIds(datasetWithReviewerApp(1)).prodEnv]);
    expect(report.rolesRead).toBe(true);
    expect(report.roles).toEqual([]);
    expect(new Set(report.endpoints.map((row) => row.prediction))).toEqual(new Set(['will 403']));
    expect(report.problems.join('\n')).toMatch(/cannot read the user's role assignments: 403 .*missing role: Identity Data Read Only scoped to environment/);
    expect(report.endpoints.find((row) => row.kind === 'users')!.reason).toBe(missingRoleReason('users', ids.prodEnv, 'user'));
    expect(formatWhoami(report, 'table')).toContain('none: every Management API read will answer 403');
  });

  it('says “unknown” when the user’s roles cannot be read but some role exists', async () => {
    const { report, ids } = await whoamiAs({ user: 'bruno' });
    expect(report.rolesRead).toBe(false);
    expect(report.endpoints.filter((row) => row.environmentId === ids.adminEnv).every((row) => row.prediction === 'unknown')).toBe(true);
    expect(report.problems.some((line) => line.includes(missingRoleReason('userRoleAssignments', ids.adminEnv, 'user')))).toBe(true);
  });
});

describe('the scan’s 403 messages', () => {
  it('name the missing role and scope in whoami’s words, and leave other failures alone', () => {
    const snapshot = {
      manifest: {
        collectedBy: { authorizationModel: 'application' },
        collection: {
          complete: false,
          entries: [
            { kind: 'users', environmentId: 'env-1', status: 'failed', httpStatus: 403, error: '403 ACCESS_FAILED: no access' },
            { kind: 'roles', status: 'failed', httpStatus: 403, error: '403 ACCESS_FAILED: no access' },
            { kind: 'groups', environmentId: 'env-1', status: 'failed', httpStatus: 404, error: '404 NOT_FOUND' },
          ],
        },
      },
    } as unknown as Snapshot;
    const entries = withMissingRoles(snapshot).manifest.collection.entries;
    expect(entries[0]!.error).toBe(`403 ACCESS_FAILED: no access; ${missingRoleReason('users', 'env-1', 'application')}`);
    expect(entries[0]!.error).toContain('missing role: Identity Data Read Only scoped to environment env-1 (held by the worker application)');
    expect(entries[1]!.error).toContain('Configuration Read Only scoped to any environment of the organization');
    expect(entries[2]!.error).toBe('404 NOT_FOUND');
  });
});
