import { afterEach, describe, expect, it } from 'vitest';
import { minimumRequests } from '../../bench/minimum-requests.js';
import { createApiClient } from '../../src/fetch/api-client.js';
import { collectSnapshot } from '../../src/fetch/collect-snapshot.js';
import { resolveConnectionSettings } from '../../src/fetch/settings.js';
import { generateDataset, generatedAuditorSecret, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

const running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

const dataset = () => generateDataset({ environments: 2, appsPerEnvironment: 7, usersPerEnvironment: 23, groupsPerEnvironment: 3, adminShare: 0.2, seed: 5 });

describe('minimumRequests', () => {
  it('counts one token, every list page and one read per parent', () => {
    const organization = dataset();
    const { byEndpoint, total } = minimumRequests(organization, { pageSizes: { users: 10 } });
    const [first] = organization.environments;
    expect(byEndpoint['POST /{id}/as/token']).toBe(1);
    expect(byEndpoint['GET /environments']).toBe(1);
    expect(byEndpoint['GET /environments/{id}/applications/{id}/grants']).toBe(organization.environments.reduce((sum, env) => sum + env.applications.length, 0));
    expect(byEndpoint['GET /environments/{id}/users/{id}/roleAssignments']).toBe(46);
    // 23 users in pages of 10 is 3 pages an environment, plus one members list for each environment's admin group.
    expect(byEndpoint['GET /environments/{id}/users']).toBe(2 * (3 + 1));
    // Password, MFA and FIDO policies, identity providers and resources: one list each per environment, even empty.
    for (const list of ['passwordPolicies', 'deviceAuthenticationPolicies', 'fido2Policies', 'identityProviders', 'resources']) {
      expect(byEndpoint[`GET /environments/{id}/${list}`], list).toBe(2);
    }
    expect(byEndpoint['GET /environments/{id}/resources/{id}/scopes']).toBeUndefined();
    expect(first!.applications.some((app) => app.type !== 'WORKER')).toBe(true);
    expect(total).toBe(Object.values(byEndpoint).reduce((sum, count) => sum + count, 0));
  });

  it('caps the per-user reads at maxUsers, and reads named environments one by one', () => {
    const organization = dataset();
    const ids = [organization.environments[0]!.environment.id];
    const { byEndpoint } = minimumRequests(organization, { environmentIds: ids, maxUsers: 5 });
    expect(byEndpoint['GET /environments/{id}']).toBe(1);
    expect(byEndpoint['GET /environments']).toBeUndefined();
    expect(byEndpoint['GET /environments/{id}/users/{id}/roleAssignments']).toBe(5);
  });

  it('is exactly what the collector asks of the simulator, endpoint by endpoint', async () => {
    const organization = dataset();
    const simulator = await startSimulator({ dataset: organization, pageSize: { users: 10, applications: 4 } });
    running.push(simulator);
    const auditor = organization.credentials[0]!;
    const settings = resolveConnectionSettings(
      { apiUrl: simulator.apiUrl, authUrl: simulator.authUrl },
      { PINGONE_CLIENT_ID: auditor.clientId, PINGONE_CLIENT_SECRET: generatedAuditorSecret, PINGONE_ENVIRONMENT_ID: auditor.environmentId },
    );
    const client = createApiClient(settings, { maxRps: 10_000 });
    try {
      const snapshot = await collectSnapshot(client, { allEnvironments: true });
      expect(snapshot.manifest.collection.complete).toBe(true);
      expect(snapshot.manifest.collection.requestsByEndpoint).toEqual(minimumRequests(organization, { pageSizes: { users: 10, applications: 4 } }).byEndpoint);
    } finally {
      await client.close();
    }
  });
});
