import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, RunningSimulator } from '../../src/simulator/index.js';
import { startSimulator } from '../../src/simulator/index.js';
import { datasetViolations, resourceViolations, schemaNames, violations } from './api-schemas.js';
import { apiGet, demoDataset, userNamed, applicationNamed } from './simulator-client.js';

describe('derived PingOne schemas', () => {
  it('cover every shape the simulator serves', () => {
    expect(schemaNames()).toEqual(expect.arrayContaining(['ApplicationOIDC', 'ApplicationSAML', 'RoleAssignment', 'User', 'EntityArray', 'P1Error']));
  });

  it('reject a resource missing a required field', () => {
    expect(violations('RoleAssignment', { id: 'x', role: { id: 'r' } })).not.toEqual([]);
    expect(violations('ApplicationOIDC', { name: 'a', enabled: true, type: 'WORKER', protocol: 'OPENID_CONNECT' })).not.toEqual([]);
  });

  it('accept every resource of the demo dataset', () => {
    expect(datasetViolations(demoDataset())).toEqual([]);
  });
});

describe('simulator responses', () => {
  let dataset: Dataset;
  let simulator: RunningSimulator;
  let token: string;
  const checked = new Set<string>();

  beforeAll(async () => {
    dataset = demoDataset();
    simulator = await startSimulator({ dataset });
    // An Organization Admin sees everything, so the crawl reaches every route.
    token = simulator.issueUserToken(userNamed(dataset, 'alice.nakamura').id, applicationNamed(dataset, 'PingOne Admin Console').id);
  });
  afterAll(() => simulator.close());

  /** GETs a list, checks the envelope and each item (and the item's own GET), returns the items. */
  async function crawlList(path: string): Promise<Array<Record<string, any>>> {
    const { status, body } = await apiGet(simulator, token, path);
    expect(status, path).toBe(200);
    expect(violations('EntityArray', body), path).toEqual([]);
    const [key, items] = Object.entries(body._embedded as Record<string, Array<Record<string, any>>>)[0]!;
    checked.add(key);
    for (const item of items) {
      expect(resourceViolations(key, item), `${path} ${String(item.id)}`).toEqual([]);
      const single = await apiGet(simulator, token, item._links.self.href);
      expect(single.status, item._links.self.href).toBe(200);
      expect(resourceViolations(key, single.body), item._links.self.href).toEqual([]);
    }
    return items;
  }

  it('validate on every list and item route of the demo', async () => {
    await crawlList('/environments');
    await crawlList('/organizations');
    await crawlList('/roles');
    for (const { environment } of dataset.environments) {
      const base = `/environments/${environment.id}`;
      expect(resourceViolations('environments', (await apiGet(simulator, token, base)).body)).toEqual([]);
      for (const app of await crawlList(`${base}/applications`)) {
        for (const sub of ['grants', 'signOnPolicyAssignments', 'flowPolicyAssignments', 'attributes', 'roleAssignments']) await crawlList(`${base}/applications/${app.id}/${sub}`);
      }
      for (const user of await crawlList(`${base}/users`)) {
        await crawlList(`${base}/users/${user.id}/roleAssignments?expand=role`);
        await crawlList(`${base}/users/${user.id}/memberOfGroups`);
      }
      for (const group of await crawlList(`${base}/groups`)) await crawlList(`${base}/groups/${group.id}/roleAssignments`);
      for (const policy of await crawlList(`${base}/signOnPolicies`)) await crawlList(`${base}/signOnPolicies/${policy.id}/actions`);
      for (const gateway of await crawlList(`${base}/gateways`)) await crawlList(`${base}/gateways/${gateway.id}/roleAssignments`);
      for (const resource of await crawlList(`${base}/resources`)) await crawlList(`${base}/resources/${resource.id}/scopes`);
      for (const list of ['keys', 'certificates', 'subscriptions', 'customDomains']) await crawlList(`${base}/${list}`);
      await crawlList(`${base}/populations`);
      await crawlList(`${base}/roles`);
      for (const list of ['passwordPolicies', 'deviceAuthenticationPolicies', 'fido2Policies', 'identityProviders']) await crawlList(`${base}/${list}`);
    }
    expect([...checked].sort()).toEqual(
      [
        'actions',
        'applications',
        'attributes',
        'environments',
        'gateways',
        'grants',
        'groupMemberships',
        'groups',
        'organizations',
        'populations',
        'resources',
        'roleAssignments',
        'roles',
        'scopes',
        'signOnPolicies',
        'signOnPolicyAssignments',
        'flowPolicyAssignments',
        'users',
        'passwordPolicies',
        'deviceAuthenticationPolicies',
        'fido2Policies',
        'identityProviders',
        'keys',
        'certificates',
        'subscriptions',
        'customDomains',
      ].sort(),
    );
  });

  it('validate for errors and the secret body', async () => {
    const missing = await apiGet(simulator, token, `/environments/${dataset.environments[1]!.environment.id}/users/nobody`);
    expect(missing.status).toBe(404);
    expect(violations('P1Error', missing.body)).toEqual([]);
    const unauthorized = await apiGet(simulator, 'not-a-token', '/environments');
    expect(violations('P1Error', unauthorized.body)).toEqual([]);
    const app = applicationNamed(dataset, 'PingDataSync');
    const secret = await apiGet(simulator, token, `/environments/${dataset.environments[1]!.environment.id}/applications/${app.id}/secret`);
    expect(violations('ApplicationSecret', secret.body)).toEqual([]);
  });
});
