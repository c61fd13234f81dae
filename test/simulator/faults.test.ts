import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSimulator, SimulatorOptions } from '../../src/simulator/index.js';
import { matchesPattern } from '../../src/simulator/faults.js';
import { apiGet, demoDataset, environmentNamed, workerToken } from './simulator-client.js';
import { startSimulator } from '../../src/simulator/index.js';

let simulator: RunningSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function start(options: Partial<SimulatorOptions>) {
  const dataset = demoDataset();
  simulator = await startSimulator({ dataset, ...options });
  const token = await workerToken(simulator, dataset, 'pingone-audit');
  const production = environmentNamed(dataset, 'Production').environment.id;
  return { simulator, token, production, dataset };
}

describe('path patterns', () => {
  it('match one segment with * and any number with **', () => {
    expect(matchesPattern('/environments/*/users', '/environments/abc/users')).toBe(true);
    expect(matchesPattern('/environments/*/users', '/environments/abc/users/u1')).toBe(false);
    expect(matchesPattern('/environments/**/roleAssignments', '/environments/e/users/u/roleAssignments')).toBe(true);
    expect(matchesPattern('**', '/environments')).toBe(true);
    expect(matchesPattern('/environments/*/users', '/environments/abc/users?limit=2')).toBe(true);
  });
});

describe('rate limit', () => {
  it('answers 429 REQUEST_LIMITED with Retry-After once the bucket is empty', async () => {
    let clock = 1_000_000;
    const { simulator, token } = await start({ rateLimit: { requestsPerSecond: 1, burst: 3 }, now: () => clock });
    // The token request took one token from the bucket.
    expect((await apiGet(simulator, token, '/environments')).status).toBe(200);
    expect((await apiGet(simulator, token, '/environments')).status).toBe(200);
    const limited = await apiGet(simulator, token, '/environments');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.body).toMatchObject({ code: 'REQUEST_LIMITED', details: [{ code: 'LIMIT_EXCEEDED' }] });
    clock += 1000;
    expect((await apiGet(simulator, token, '/environments')).status).toBe(200);
  });

  it('random: rateLimited and quotaExceeded refuse with a room in the bucket, each body in its own code', async () => {
    const { simulator, token } = await start({ rateLimit: { requestsPerSecond: 1000 }, faults: { random: { rate: 1, kinds: ['rateLimited', 'quotaExceeded'] } } });
    const codes = new Set<string>();
    for (let i = 0; i < 12; i += 1) {
      const refused = await apiGet(simulator, token, '/environments');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('1');
      const [detail] = refused.body.details;
      codes.add(detail.code);
      if (detail.code === 'QUOTA_EXCEEDED') expect(Object.keys(detail.innerError).sort()).toEqual(['quotaLimit', 'quotaResetTime', 'retryAfter']);
    }
    expect([...codes].sort()).toEqual(['LIMIT_EXCEEDED', 'QUOTA_EXCEEDED']);
    expect(simulator.requestLog.filter((entry) => entry.status === 429).map((entry) => entry.fault)).toContain('quotaExceeded');
  });
});

describe('fault plan', () => {
  it('serverErrors: a burst of count 5xx on matching paths, then normal answers', async () => {
    const { simulator, token, production } = await start({ faults: { serverErrors: { pattern: '/environments/*/users', count: 2, status: 503 } } });
    expect((await apiGet(simulator, token, `/environments/${production}/applications`)).status).toBe(200);
    const first = await apiGet(simulator, token, `/environments/${production}/users`);
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('1');
    expect((await apiGet(simulator, token, `/environments/${production}/users`)).status).toBe(503);
    expect((await apiGet(simulator, token, `/environments/${production}/users`)).status).toBe(200);
    expect(simulator.requestLog.filter((entry) => entry.fault === 'serverError')).toHaveLength(2);
  });

  it('resets: destroys the socket without an answer', async () => {
    const { simulator, token } = await start({ faults: { resets: { count: 1 } } });
    await expect(apiGet(simulator, token, '/environments')).rejects.toThrow();
    expect(simulator.requestLog.at(-1)).toMatchObject({ status: 0, fault: 'reset' });
    expect((await apiGet(simulator, token, '/environments')).status).toBe(200);
  });

  it('slow: answers late but correctly, and says so in the log', async () => {
    const { simulator, token } = await start({ faults: { slow: { pattern: '/roles', delayMs: 20, count: 1 } } });
    expect((await apiGet(simulator, token, '/roles')).status).toBe(200);
    expect(simulator.requestLog.at(-1)).toMatchObject({ status: 200, fault: 'slow' });
    expect((await apiGet(simulator, token, '/roles')).status).toBe(200);
    expect(simulator.requestLog.at(-1)?.fault).toBeUndefined();
  });

  it('malformed: a 200 whose JSON is cut short', async () => {
    const { simulator, token, production } = await start({ faults: { malformed: { pattern: '/environments/*/groups', count: 1 } } });
    const broken = await apiGet(simulator, token, `/environments/${production}/groups`);
    expect(broken.status).toBe(200);
    expect(typeof broken.body).toBe('string');
    expect(() => JSON.parse(broken.body as string)).toThrow();
    expect(typeof (await apiGet(simulator, token, `/environments/${production}/groups`)).body).toBe('object');
  });

  it('forbidden: matching paths answer 403 even for a covering role', async () => {
    const { simulator, token, production } = await start({ faults: { forbidden: ['/environments/*/signOnPolicies'] } });
    const response = await apiGet(simulator, token, `/environments/${production}/signOnPolicies`);
    expect(response.status).toBe(403);
    expect(response.body.details[0].code).toBe('INSUFFICIENT_PERMISSIONS');
    expect((await apiGet(simulator, token, `/environments/${production}/gateways`)).status).toBe(200);
  });

  it('pagingCycle: the last page links back to the first', async () => {
    const { simulator, token, production } = await start({ faults: { pagingCycle: '/environments/*/users' }, pageSize: { users: 10 } });
    const first = await apiGet(simulator, token, `/environments/${production}/users`);
    const second = await apiGet(simulator, token, first.body._links.next.href);
    const third = await apiGet(simulator, token, second.body._links.next.href);
    expect(third.body._links.next).toBeDefined();
    const again = await apiGet(simulator, token, third.body._links.next.href);
    expect(again.body._embedded.users).toEqual(first.body._embedded.users);
  });

  it('foreignNextLink: the next link points at another origin, even on a single page', async () => {
    const { simulator, token, production } = await start({ faults: { foreignNextLink: { pattern: '/environments/*/groups', origin: 'http://127.0.0.2:9' } } });
    const page = await apiGet(simulator, token, `/environments/${production}/groups`);
    expect(new URL(page.body._links.next.href).origin).toBe('http://127.0.0.2:9');
    const defaultOrigin = await start({ faults: { foreignNextLink: '/environments/*/populations' } });
    const populations = await apiGet(defaultOrigin.simulator, defaultOrigin.token, `/environments/${production}/populations`);
    expect(populations.body._links.next.href.startsWith('https://evil.example/')).toBe(true);
    await simulator.close();
  });

  it('tokenExpiresAfterRequests: the first token dies after n calls, a new one works', async () => {
    const { simulator, token, dataset } = await start({ faults: { tokenExpiresAfterRequests: 2 } });
    expect((await apiGet(simulator, token, '/environments')).status).toBe(200);
    expect((await apiGet(simulator, token, '/environments')).status).toBe(200);
    const dead = await apiGet(simulator, token, '/environments');
    expect(dead.status).toBe(401);
    expect(dead.body.details[0].code).toBe('INVALID_TOKEN');
    expect((await apiGet(simulator, token, '/environments')).status).toBe(401);
    const fresh = await workerToken(simulator, dataset, 'pingone-audit');
    for (let i = 0; i < 3; i += 1) expect((await apiGet(simulator, fresh, '/environments')).status).toBe(200);
  });

  it('random: the same seed injects the same faults in the same places', async () => {
    const run = async (seed: number) => {
      const { simulator, token } = await start({ faults: { seed, random: { rate: 0.5, kinds: ['serverError', 'rateLimited', 'malformed'] } } });
      const statuses: string[] = [];
      for (let i = 0; i < 24; i += 1) {
        const response = await apiGet(simulator, token, '/roles');
        statuses.push(`${response.status}${typeof response.body === 'string' ? '!' : ''}`);
      }
      await simulator.close();
      return statuses;
    };
    const first = await run(7);
    expect(await run(7)).toEqual(first);
    expect(first.some((status) => status === '200')).toBe(true);
    expect(first.some((status) => status !== '200')).toBe(true);
  });
});
