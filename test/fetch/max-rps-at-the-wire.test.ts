import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/fetch/api-client.js';
import { collectSnapshot } from '../../src/fetch/collect-snapshot.js';
import { resolveConnectionSettings } from '../../src/fetch/settings.js';
import { generateDataset, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { mostInASecond } from './stub-server.js';

const running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

describe('--max-rps at the wire (real time, the simulator)', () => {
  // b22 counted 104-107 Management API requests created by undici in one real second at --max-rps 100 (26-27 at 25): the
  // limiter read whole milliseconds, and counted a start from when it allowed it, while undici may hold a request in its
  // pool for milliseconds before it writes it. Counted here as undici writes each request's headers, and as it creates it.
  it('writes no more than --max-rps 100 requests in any real second', async () => {
    const dataset = generateDataset({ environments: 1, appsPerEnvironment: 10, usersPerEnvironment: 80, groupsPerEnvironment: 4, adminShare: 0.1, seed: 1 });
    const simulator = await startSimulator({ dataset });
    running.push(simulator);
    const auditor = dataset.credentials[0]!;
    const settings = resolveConnectionSettings(
      { apiUrl: simulator.apiUrl, authUrl: simulator.authUrl },
      { PINGONE_CLIENT_ID: auditor.clientId, PINGONE_CLIENT_SECRET: auditor.clientSecret, PINGONE_ENVIRONMENT_ID: auditor.environmentId },
    );
    const created: number[] = [];
    const written: number[] = [];
    const isApi = (request: unknown) => String((request as { path?: unknown }).path).startsWith('/v1/');
    const onCreate = ({ request }: { request: unknown }) => void (isApi(request) && created.push(performance.now()));
    const onHeaders = ({ request }: { request: unknown }) => void (isApi(request) && written.push(performance.now()));
    subscribe('undici:request:create', onCreate as (message: unknown) => void);
    subscribe('undici:client:sendHeaders', onHeaders as (message: unknown) => void);
    const client = createApiClient(settings, { maxRps: 100 });
    try {
      const snapshot = await collectSnapshot(client, { allEnvironments: true });
      expect(snapshot.manifest.collection.complete).toBe(true);
    } finally {
      unsubscribe('undici:request:create', onCreate as (message: unknown) => void);
      unsubscribe('undici:client:sendHeaders', onHeaders as (message: unknown) => void);
      await client.close();
    }
    // More than a second of requests at the limit, so that a second's first and last bursts meet.
    expect(written.length).toBeGreaterThan(120);
    expect(mostInASecond(written)).toBeLessThanOrEqual(100);
    expect(mostInASecond(created)).toBeLessThanOrEqual(100);
  });
});
