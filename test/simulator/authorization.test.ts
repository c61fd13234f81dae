import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, RunningSimulator } from '../../src/simulator/index.js';
import { startSimulator } from '../../src/simulator/index.js';
import { apiGet, applicationNamed, demoDataset, environmentNamed, userNamed, workerToken } from './simulator-client.js';

let dataset: Dataset;
let simulator: RunningSimulator;
let production: string;
let staging: string;

beforeAll(async () => {
  dataset = demoDataset();
  simulator = await startSimulator({ dataset });
  production = environmentNamed(dataset, 'Production').environment.id;
  staging = environmentNamed(dataset, 'Staging').environment.id;
});
afterAll(() => simulator.close());

const userToken = (username: string, appName: string): string => simulator.issueUserToken(userNamed(dataset, username).id, applicationNamed(dataset, appName).id);

describe('authorization by admin role', () => {
  it('gives a worker without role assignments 403 INSUFFICIENT_PERMISSIONS everywhere', async () => {
    const token = await workerToken(simulator, dataset, 'Nightly Export');
    for (const path of ['/environments', `/environments/${production}`, `/environments/${production}/applications`, `/environments/${production}/users`]) {
      const { status, body } = await apiGet(simulator, token, path);
      expect(status, path).toBe(403);
      expect(body).toMatchObject({ code: 'ACCESS_FAILED', details: [{ code: 'INSUFFICIENT_PERMISSIONS' }] });
    }
    expect(simulator.requestLog.at(-1)?.actor).toBe(`application:${applicationNamed(dataset, 'Nightly Export').id}`);
  });

  it('limits a worker to the environment its roles are scoped to', async () => {
    const token = await workerToken(simulator, dataset, 'Staging Sync');
    expect((await apiGet(simulator, token, `/environments/${production}/users`)).status).toBe(403);
    expect((await apiGet(simulator, token, `/environments/${staging}/users`)).status).toBe(200);
    const environments = await apiGet(simulator, token, '/environments');
    expect(environments.body._embedded.environments.map((env: { id: string }) => env.id)).toEqual([staging]);
  });

  it('lets Identity Data Admin read identities but not sign-on policies', async () => {
    const token = await workerToken(simulator, dataset, 'PingDataSync');
    expect((await apiGet(simulator, token, `/environments/${production}/users`)).status).toBe(200);
    expect((await apiGet(simulator, token, `/environments/${production}/groups`)).status).toBe(200);
    expect((await apiGet(simulator, token, `/environments/${production}/signOnPolicies`)).status).toBe(403);
  });

  it('lets the auditor (Configuration + Identity Data Read Only) read every environment', async () => {
    const token = await workerToken(simulator, dataset, 'pingone-audit');
    const environments = await apiGet(simulator, token, '/environments');
    expect(environments.body._embedded.environments).toHaveLength(dataset.environments.length);
    for (const path of ['signOnPolicies', 'users', 'gateways', 'applications', 'populations']) {
      expect((await apiGet(simulator, token, `/environments/${staging}/${path}`)).status, path).toBe(200);
    }
  });

  it('authorizes a user grant by the user’s roles held through a group, ignoring the app’s', async () => {
    const token = userToken('priya.raman', 'StackOne');
    expect((await apiGet(simulator, token, `/environments/${production}/signOnPolicies`)).status).toBe(200);
    expect((await apiGet(simulator, token, `/environments/${production}/users`)).status).toBe(200);
    expect(simulator.requestLog.at(-1)?.actor).toBe(`user:${userNamed(dataset, 'priya.raman').id}`);
    expect((await apiGet(simulator, token, `/environments/${staging}/users`)).status).toBe(403);
  });

  it('gives the legacy StackOne user (Client Application Developer only) 403 on users: the trap', async () => {
    const token = userToken('max.becker', 'StackOne (legacy)');
    expect((await apiGet(simulator, token, `/environments/${production}/users`)).status).toBe(403);
    expect((await apiGet(simulator, token, `/environments/${production}/applications`)).status).toBe(200);
  });

  it('honours organization scope and population scope', async () => {
    const alice = userToken('alice.nakamura', 'PingOne Admin Console');
    expect((await apiGet(simulator, alice, `/environments/${staging}/signOnPolicies`)).status).toBe(200);
    const sam = userToken('sam.ortiz', 'Customer Portal');
    expect((await apiGet(simulator, sam, `/environments/${production}/users`)).status).toBe(200);
    expect((await apiGet(simulator, sam, `/environments/${production}/applications`)).status).toBe(403);
  });

  it('lets an Environment Admin read a secret, still flagged, but never a worker its own', async () => {
    const dataSync = applicationNamed(dataset, 'PingDataSync');
    const admin = userToken('priya.raman', 'StackOne');
    const read = await apiGet(simulator, admin, `/environments/${production}/applications/${dataSync.id}/secret`);
    expect(read.status).toBe(200);
    expect(read.body.secret).not.toBe(dataset.credentials.find((c) => c.clientId === dataSync.id)!.clientSecret);
    expect(simulator.requestLog.filter((entry) => entry.secretRead === true).map((entry) => entry.status)).toEqual([200]);

    const mighty = demoDataset();
    const env = environmentNamed(mighty, 'Production');
    const environmentAdmin = mighty.roles.find((role) => role.name === 'Environment Admin')!;
    env.roleAssignments.push({ id: 'ra-own', role: { id: environmentAdmin.id }, scope: { id: production, type: 'ENVIRONMENT' }, application: { id: dataSync.id } });
    const other = await startSimulator({ dataset: mighty });
    try {
      const own = await apiGet(other, await workerToken(other, mighty, 'PingDataSync'), `/environments/${production}/applications/${dataSync.id}/secret`);
      expect(own.status).toBe(403);
      expect(own.body.details[0].message).toMatch(/own client secret/);
    } finally {
      await other.close();
    }
  });
});
