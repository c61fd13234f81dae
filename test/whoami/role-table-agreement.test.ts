import { afterAll, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, resolveConnectionSettings } from '../../src/fetch/index.js';
import { BUILT_IN_ROLE_READS } from '../../src/pingone/built-in-role-reads.js';
import { loadDataset, startSimulator, type Dataset, type RunningSimulator } from '../../src/simulator/index.js';
import type { ScopeType, SnapshotKind } from '../../src/snapshot/model.js';
import { runWhoami, type EndpointPrediction } from '../../src/whoami/index.js';
import { applicationNamed, environmentNamed, roleId } from '../simulator/simulator-client.js';

// whoami predicts from Ping's role documentation (src/pingone), the simulator enforces its own table
// (src/simulator/permissions.ts): two independent readings that must agree wherever whoami commits itself.

const demo = loadDataset('demo');
const production = environmentNamed(demo, 'Production');
const prodId = production.environment.id;
const adminId = environmentNamed(demo, 'Administrators').environment.id;
const sample = {
  app: production.applications[0]!.id,
  policy: production.signOnPolicies[0]!.id,
  gateway: production.gateways[0]!.id,
  group: production.groups[0]!.id,
  user: production.users[0]!.id,
  resource: production.resources[0]!.id,
};

/** A concrete path for each collector read in Production, as the collector forms it. */
const pathOf: Readonly<Record<string, string>> = {
  roles: '/roles',
  environments: `/environments/${prodId}`,
  applications: `/environments/${prodId}/applications`,
  applicationGrants: `/environments/${prodId}/applications/${sample.app}/grants`,
  applicationSignOnPolicyAssignments: `/environments/${prodId}/applications/${sample.app}/signOnPolicyAssignments`,
  applicationFlowPolicyAssignments: `/environments/${prodId}/applications/${sample.app}/flowPolicyAssignments`,
  applicationRoleAssignments: `/environments/${prodId}/applications/${sample.app}/roleAssignments`,
  signOnPolicies: `/environments/${prodId}/signOnPolicies`,
  signOnPolicyActions: `/environments/${prodId}/signOnPolicies/${sample.policy}/actions`,
  populations: `/environments/${prodId}/populations`,
  customRoles: `/environments/${prodId}/roles`,
  gateways: `/environments/${prodId}/gateways`,
  gatewayRoleAssignments: `/environments/${prodId}/gateways/${sample.gateway}/roleAssignments`,
  groups: `/environments/${prodId}/groups`,
  groupRoleAssignments: `/environments/${prodId}/groups/${sample.group}/roleAssignments`,
  groupMembers: `/environments/${prodId}/users?filter=${encodeURIComponent(`memberOfGroups[id eq "${sample.group}"]`)}`,
  users: `/environments/${prodId}/users`,
  userRoleAssignments: `/environments/${prodId}/users/${sample.user}/roleAssignments`,
  passwordPolicies: `/environments/${prodId}/passwordPolicies`,
  deviceAuthenticationPolicies: `/environments/${prodId}/deviceAuthenticationPolicies`,
  fido2Policies: `/environments/${prodId}/fido2Policies`,
  identityProviders: `/environments/${prodId}/identityProviders`,
  resources: `/environments/${prodId}/resources`,
  resourceScopes: `/environments/${prodId}/resources/${sample.resource}/scopes`,
  keys: `/environments/${prodId}/keys`,
  certificates: `/environments/${prodId}/certificates`,
  subscriptions: `/environments/${prodId}/subscriptions`,
  customDomains: `/environments/${prodId}/customDomains`,
};

/**
 * The auditor worker holding only `roleName` over Production (or the organization, or one Production
 * application, as the role allows), plus Configuration Read Only over its own environment so that
 * whoami can read its own assignments there; that helper reaches nothing in Production.
 */
function datasetWith(roleName: string): Dataset {
  const dataset = structuredClone(demo);
  const auditor = applicationNamed(dataset, 'pingone-audit');
  const role = dataset.roles.find((candidate) => candidate.name === roleName)!;
  const applicable = (role.applicableTo ?? []) as ScopeType[];
  const scope = applicable.includes('ENVIRONMENT')
    ? { type: 'ENVIRONMENT' as const, id: prodId }
    : applicable.includes('APPLICATION')
      ? { type: 'APPLICATION' as const, id: sample.app }
      : { type: 'ORGANIZATION' as const, id: dataset.organization.id };
  const admin = environmentNamed(dataset, 'Administrators');
  admin.roleAssignments = admin.roleAssignments.filter((assignment) => assignment.application?.id !== auditor.id);
  const held = (id: string, roleId: string, heldScope: { type: ScopeType; id: string }) => ({
    id,
    role: { id: roleId },
    scope: heldScope,
    environment: { id: adminId },
    application: { id: auditor.id },
  });
  admin.roleAssignments.push(
    held('7a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a50', roleId(dataset, 'Configuration Read Only'), { type: 'ENVIRONMENT', id: adminId }),
    held('7a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a51', role.id, scope),
  );
  return dataset;
}

async function actualStatus(get: (path: string) => Promise<unknown>, path: string): Promise<number> {
  try {
    await get(path);
    return 200;
  } catch (error) {
    if (error instanceof ApiError && error.status !== undefined) return error.status;
    throw error;
  }
}

const running: RunningSimulator[] = [];
afterAll(async () => {
  await Promise.all(running.map((simulator) => simulator.close()));
});

describe('whoami predictions against the simulator, for every built-in role', () => {
  it.each(demo.roles.map((role) => role.name))('%s: every readable / will 403 prediction meets the same answer', async (roleName) => {
    const dataset = datasetWith(roleName);
    const simulator = await startSimulator({ dataset });
    running.push(simulator);
    const credential = dataset.credentials.find((candidate) => candidate.clientId === applicationNamed(dataset, 'pingone-audit').id)!;
    const settings = resolveConnectionSettings(
      { apiUrl: simulator.apiUrl, authUrl: simulator.authUrl, clientId: credential.clientId, environmentId: credential.environmentId },
      { PINGONE_CLIENT_SECRET: credential.clientSecret },
    );
    const client = createApiClient(settings, { maxRps: 1000, retry: { propagationRetries: 0 } });
    try {
      const report = await runWhoami(client, { environmentIds: [prodId] });
      expect(report.rolesRead).toBe(true);
      expect(report.roles.map((role) => role.roleName)).toContain(roleName);
      const rows = report.endpoints.filter((row) => row.environmentId === undefined || row.environmentId === prodId);
      expect(rows.map((row) => row.kind).sort()).toEqual(Object.keys(pathOf).sort());
      const disagreements: string[] = [];
      const committed: EndpointPrediction[] = rows.filter((row) => row.prediction !== 'unknown');
      for (const row of committed) {
        const status = await actualStatus((path) => client.get(path), pathOf[row.kind as SnapshotKind]!);
        const expected = row.prediction === 'readable' ? 200 : 403;
        if (status !== expected) disagreements.push(`${row.kind}: whoami said ${row.prediction}, the simulator answered ${status}`);
      }
      expect(disagreements).toEqual([]);
      // A role the documentation table knows commits itself on every read it does not leave open.
      const documented = BUILT_IN_ROLE_READS[roleName];
      if (documented !== undefined && roleName !== 'Application Owner') {
        const open = rows.filter((row) => row.prediction === 'unknown').map((row) => row.kind);
        expect(committed.length + open.length).toBe(rows.length);
        expect(committed.length).toBeGreaterThan(open.length);
      }
    } finally {
      await client.close();
    }
  });
});
