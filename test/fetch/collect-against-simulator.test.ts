import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/fetch/api-client.js';
import { collectSnapshot, type CollectOptions } from '../../src/fetch/collect-snapshot.js';
import { resolveConnectionSettings } from '../../src/fetch/settings.js';
import { loadDataset, startSimulator, type Dataset, type RunningSimulator, type SimulatorOptions } from '../../src/simulator/index.js';
import type { Snapshot } from '../../src/snapshot/model.js';
import { fakeClock } from './stub-server.js';

const running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

/** Collects every environment of the demo organization as the demo's auditor worker app. */
async function collectDemo(options: Omit<SimulatorOptions, 'dataset' | 'now'> = {}, maxAttempts = 6, collect: Pick<CollectOptions, 'maxUsers' | 'limits'> = {}) {
  const dataset = loadDataset('demo');
  // One fake clock for both sides: Retry-After and back-off waits advance it instead of taking real time.
  const clock = fakeClock();
  const simulator = await startSimulator({ dataset, now: clock.now, ...options });
  running.push(simulator);
  const auditor = dataset.credentials[0]!;
  const settings = resolveConnectionSettings(
    { apiUrl: simulator.apiUrl, authUrl: simulator.authUrl },
    { PINGONE_CLIENT_ID: auditor.clientId, PINGONE_CLIENT_SECRET: auditor.clientSecret, PINGONE_ENVIRONMENT_ID: auditor.environmentId },
  );
  const client = createApiClient(settings, { maxRps: 500, timeoutMs: 2000, now: clock.now, sleep: clock.sleep, retry: { maxAttempts } });
  try {
    const snapshot = await collectSnapshot(client, { allEnvironments: true, ...collect });
    return { snapshot, simulator, dataset, client };
  } finally {
    await client.close();
  }
}

/** Users the dataset says hold a role directly or through a group, per environment. */
function expectedAdminUsers(dataset: Dataset): Record<string, string[]> {
  return Object.fromEntries(
    dataset.environments.map((env) => {
      const roleGroups = new Set(env.roleAssignments.flatMap((assignment) => (assignment.group ? [assignment.group.id] : [])));
      const direct = new Set(env.roleAssignments.flatMap((assignment) => (assignment.user ? [assignment.user.id] : [])));
      const admins = env.users.filter((user) => direct.has(user.id) || (user.memberOfGroupIDs ?? []).some((id) => roleGroups.has(id)));
      return [env.environment.id, admins.map((user) => user.id).sort()];
    }),
  );
}

const adminUsers = (snapshot: Snapshot) => Object.fromEntries(snapshot.environments.map((env) => [env.environment.id, env.users.map((user) => user.id)]));
const failedKinds = (snapshot: Snapshot) => snapshot.manifest.collection.entries.filter((entry) => entry.status === 'failed').map((entry) => `${entry.kind}:${entry.error}`);

describe('collectSnapshot against the simulator', () => {
  it('collects the demo organization completely, keeping only admin users, GETs only, no secret read', async () => {
    const { snapshot, simulator, dataset } = await collectDemo();
    expect(failedKinds(snapshot)).toEqual([]);
    expect(snapshot.manifest.collection.complete).toBe(true);
    expect(snapshot.environments.map((env) => env.environment.name)).toEqual(dataset.environments.map((env) => env.environment.name));
    expect(adminUsers(snapshot)).toEqual(expectedAdminUsers(dataset));
    expect(snapshot.environments.flatMap((env) => env.applications)).toHaveLength(dataset.environments.flatMap((env) => env.applications).length);
    expect(simulator.requestLog.filter((entry) => entry.secretRead)).toEqual([]);
    expect(simulator.requestLog.every((entry) => entry.method === 'GET' || entry.path.endsWith('/as/token'))).toBe(true);
    expect(simulator.requestLog.every((entry) => entry.status === 200)).toBe(true);
  });

  it('gets the same snapshot through 5xx, resets, malformed bodies, rate limiting and an expiring token', async () => {
    const { snapshot: clean } = await collectDemo();
    const { snapshot, simulator } = await collectDemo(
      {
        rateLimit: { requestsPerSecond: 2, burst: 3 },
        faults: {
          serverErrors: { count: 4 },
          resets: { count: 3 },
          malformed: { pattern: '/environments/*/applications', count: 1 },
          tokenExpiresAfterRequests: 10,
        },
        // A client starting at 500 requests/s against a bucket of 2/s: every read in flight meets each storm until the rate
        // has come down, so the attempts a read needs grow with the reads an environment starts at once (issue 16 added nine).
      },
      12,
    );
    expect(failedKinds(snapshot)).toEqual([]);
    expect(snapshot.environments).toEqual(clean.environments);
    expect(snapshot.roles).toEqual(clean.roles);
    const faults = new Set(simulator.requestLog.map((entry) => entry.fault).filter(Boolean));
    expect([...faults].sort()).toEqual(['malformed', 'reset', 'serverError', 'tokenExpired']);
    expect(simulator.requestLog.some((entry) => entry.status === 429)).toBe(true);
    expect(simulator.requestLog.filter((entry) => entry.path.endsWith('/as/token') && entry.status === 200)).toHaveLength(2);
  });

  it('records forbidden endpoints, foreign next links and paging cycles as failed entries and collects the rest', async () => {
    const { snapshot: clean } = await collectDemo();
    const { snapshot, simulator } = await collectDemo({
      faults: { forbidden: ['/environments/*/signOnPolicies'], foreignNextLink: '/environments/*/groups', pagingCycle: '/environments/*/populations' },
    });
    const entries = snapshot.manifest.collection.entries.filter((entry) => entry.status === 'failed');
    const envCount = clean.environments.length;
    expect(entries.filter((entry) => entry.kind === 'signOnPolicies' && entry.httpStatus === 403)).toHaveLength(envCount);
    expect(entries.filter((entry) => entry.kind === 'groups' && entry.error?.includes('next link points to another host'))).toHaveLength(envCount);
    // The cycle returns the first page again, which cuts the list off (ids repeated, more than its count) before its next link repeats.
    expect(entries.filter((entry) => entry.kind === 'populations' && /paging cycle|cut off/.test(entry.error ?? ''))).toHaveLength(envCount);
    expect(simulator.requestLog.some((entry) => entry.path.includes('evil'))).toBe(false);
    expect(snapshot.manifest.collection.complete).toBe(false);
    expect(snapshot.environments.map((env) => env.applications)).toEqual(clean.environments.map((env) => env.applications));
  });

  it('reads keys, certificates, webhooks and custom domains once per environment, without the headers a webhook sends', async () => {
    const { snapshot, simulator, dataset } = await collectDemo();
    for (const list of ['keys', 'certificates', 'subscriptions', 'customDomains'] as const) {
      expect(
        snapshot.environments.map((env) => env[list].map((item) => item.id)),
        list,
      ).toEqual(dataset.environments.map((env) => env[list].map((item) => item.id)));
      const reads = simulator.requestLog.filter((entry) => new RegExp(`/environments/[^/]+/${list}$`).test(entry.path.split('?')[0]!));
      expect(reads, list).toHaveLength(dataset.environments.length);
    }
    const sent = dataset.environments.flatMap((env) => env.subscriptions).filter((subscription) => subscription.httpEndpoint?.headers !== undefined);
    expect(sent.length).toBeGreaterThan(0);
    const webhooks = snapshot.environments.flatMap((env) => env.subscriptions);
    expect(webhooks.map((webhook) => webhook.httpEndpoint)).toEqual(dataset.environments.flatMap((env) => env.subscriptions).map((webhook) => ({ url: webhook.httpEndpoint!.url })));
    expect(JSON.stringify(snapshot)).not.toContain(Object.values(sent[0]!.httpEndpoint!.headers!)[0]);
    expect(snapshot.manifest.collection.notes?.some((note) => note.includes(`request headers of ${sent.length} webhook endpoints were not stored`))).toBe(true);
  });

  it("a 403 on one user's or one group's role assignments fails that resource alone, never the kind", async () => {
    const demo = loadDataset('demo');
    const entry = demo.environments.find((candidate) => candidate.roleAssignments.some((assignment) => assignment.group !== undefined))!;
    const groupId = entry.roleAssignments.find((assignment) => assignment.group !== undefined)!.group!.id;
    const userId = entry.users[0]!.id;
    const envId = entry.environment.id;
    const { snapshot } = await collectDemo({ faults: { forbidden: [`/environments/${envId}/users/${userId}/roleAssignments`, `/environments/${envId}/groups/${groupId}/roleAssignments`] } });
    const failed = snapshot.manifest.collection.entries.filter((item) => item.status === 'failed');
    expect(failed.map(({ kind, environmentId, failedResources }) => ({ kind, environmentId, failedResources }))).toEqual([
      { kind: 'groupMembers', environmentId: envId, failedResources: [{ type: 'group', id: groupId }] },
      { kind: 'groupRoleAssignments', environmentId: envId, failedResources: [{ type: 'group', id: groupId }] },
      { kind: 'userRoleAssignments', environmentId: envId, failedResources: [{ type: 'user', id: userId }] },
    ]);
    const group = snapshot.environments.find((env) => env.environment.id === envId)!.groups.find((candidate) => candidate.id === groupId)!;
    expect(group._embedded?.roleAssignments).toBeUndefined();
  });

  // Before, the scan asked for pages of 1,000 users whatever the cap, so the first page of an environment with more
  // users than --max-list-items failed the whole scan, though it would have read only --max-users of them.
  it('a --max-users cap under a page reads no more users than it scans, so a --max-list-items above it holds', async () => {
    const { snapshot, simulator } = await collectDemo({}, 6, { maxUsers: 1, limits: { maxListItems: 3 } });
    const entries = snapshot.manifest.collection.entries;
    const scanned = snapshot.manifest.environmentIds;
    expect(entries.filter((entry) => entry.kind === 'users').map((entry) => entry.status)).toEqual(scanned.map(() => 'complete'));
    // Production and Administrators hold more users than the cap: cut there, said, never a pass.
    const cut = entries.filter((entry) => entry.kind === 'userRoleAssignments' && entry.status === 'failed');
    expect(cut.map((entry) => entry.error)).toEqual(expect.arrayContaining([expect.stringContaining('only the first 1 users were scanned')]));
    const listReads = simulator.requestLog.filter((entry) => /\/environments\/[^/]+\/users$/.test(entry.path.split('?')[0]!) && !entry.path.includes('filter='));
    expect(listReads.length).toBeGreaterThan(0);
    for (const read of listReads) expect(new URL(read.path, 'http://simulator').searchParams.get('limit')).toBe('1');
  });

  // PingOne may answer fewer users than asked (its users page is "200 … may be smaller"): the scan asked every page for
  // the whole cap, so the page that crossed it read past --max-users, and failed the scan when --max-list-items equals it.
  it('asks the page that reaches --max-users for only the users left, so a --max-list-items equal to it holds', async () => {
    const { snapshot, simulator, dataset } = await collectDemo({ pageSize: { users: 4 } }, 6, { maxUsers: 10, limits: { maxListItems: 10 } });
    const production = dataset.environments.find((entry) => entry.environment.name === 'Production')!.environment.id;
    const entries = snapshot.manifest.collection.entries.filter((entry) => entry.environmentId === production);
    expect(entries.find((entry) => entry.kind === 'users')?.status).toBe('complete');
    expect(entries.filter((entry) => entry.kind === 'userRoleAssignments').map((entry) => entry.error)).toEqual([
      'only the first 10 users were scanned for direct role assignments (maxUsers); the others were not read: raise or remove the cap',
    ]);
    const listed = simulator.requestLog.filter((entry) => entry.path.split('?')[0] === `/v1/environments/${production}/users` && !entry.path.includes('filter='));
    const limits = listed.map((entry) => new URL(entry.path, 'http://simulator').searchParams.get('limit'));
    expect(limits).toEqual(['10', '6', '2']);
    const rolesRead = simulator.requestLog.filter((entry) => entry.path.startsWith(`/v1/environments/${production}/users/`) && entry.path.endsWith('/roleAssignments'));
    expect(rolesRead).toHaveLength(10);
  });

  it('fails only the webhooks when their endpoint answers 403', async () => {
    const { snapshot } = await collectDemo({ faults: { forbidden: ['/environments/*/subscriptions'] } });
    const failed = snapshot.manifest.collection.entries.filter((entry) => entry.status === 'failed');
    expect(new Set(failed.map((entry) => `${entry.kind} ${entry.httpStatus}`))).toEqual(new Set(['subscriptions 403']));
    expect(snapshot.environments.every((env) => env.subscriptions.length === 0)).toBe(true);
    expect(snapshot.environments.flatMap((env) => env.keys).length).toBeGreaterThan(0);
  });
});
