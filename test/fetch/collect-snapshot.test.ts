import { afterEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors.js';
import { createApiClient } from '../../src/fetch/api-client.js';
import { collectSnapshot } from '../../src/fetch/collect-snapshot.js';
import type { CollectProgress } from '../../src/fetch/collect-context.js';
import { COUNT_MISMATCH_NOTE } from '../../src/snapshot/count-mismatch-note.js';
import { resolveConnectionSettings } from '../../src/fetch/settings.js';
import type { CollectionEntry } from '../../src/snapshot/model.js';
import { clientSecret, fakeClock, ids, startStub, tokenReply, type StubReply, type StubServer } from './stub-server.js';

const servers: StubServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const admin = `/environments/${ids.adminEnv}`;
const audited = `/environments/${ids.env}`;
const link = { self: { href: 'https://api.pingone.com/v1/whatever' } };
const assignment = (id: string, role: string, scope: string) => ({ id, role: { id: role }, scope: { id: scope, type: 'ENVIRONMENT' }, _links: link });
const list = (key: string, items: unknown[]): StubReply => ({ body: { _links: link, _embedded: { [key]: items }, size: items.length } });
const forbidden: StubReply = {
  status: 403,
  body: { id: 'err-1', code: 'ACCESS_FAILED', message: 'You do not have access to this resource.', details: [{ code: 'INSUFFICIENT_PERMISSIONS', message: 'Actor lacks the role' }] },
};

/** A small organization: administrators in one environment, the audited configuration in another. */
const routes: Record<string, StubReply> = {
  '/environments': list('environments', [
    { id: ids.adminEnv, name: 'Administrators', organization: { id: ids.org }, _links: link },
    { id: ids.env, name: 'Production', organization: { id: ids.org }, _links: link },
  ]),
  [admin]: { body: { id: ids.adminEnv, name: 'Administrators', organization: { id: ids.org }, _links: link } },
  [audited]: { body: { id: ids.env, name: 'Production', organization: { id: ids.org }, _links: link } },
  '/roles': list('roles', [{ id: 'role-env-admin', name: 'Environment Admin', _links: link }]),
  [`${admin}/applications`]: list('applications', [
    { id: 'app-worker', name: 'Auditor', type: 'WORKER', protocol: 'OPENID_CONNECT', enabled: true, _links: link },
    { id: 'app-console', name: 'Console', type: 'PING_ONE_ADMIN_CONSOLE', protocol: 'OPENID_CONNECT', enabled: true },
  ]),
  [`${admin}/applications/app-worker/roleAssignments`]: list('roleAssignments', [assignment('ra-worker', 'role-env-admin', ids.env)]),
  [`${admin}/users`]: list('users', [
    { id: 'user-direct', username: 'alice', _links: link },
    { id: 'user-member', username: 'bob' },
    { id: 'user-plain', username: 'carol' },
  ]),
  [`${admin}/users/user-direct/roleAssignments`]: list('roleAssignments', [assignment('ra-alice', 'role-env-admin', ids.env)]),
  [`${admin}/groups`]: list('groups', [
    { id: 'group-admins', name: 'Admins' },
    { id: 'group-staff', name: 'Staff' },
  ]),
  [`${admin}/groups/group-admins/roleAssignments`]: list('roleAssignments', [assignment('ra-group', 'role-env-admin', ids.env)]),
  [`${audited}/applications`]: list('applications', [{ id: 'app-web', name: 'Portal', type: 'WEB_APP', protocol: 'OPENID_CONNECT', enabled: true }]),
  [`${audited}/applications/app-web/grants`]: list('grants', [{ id: 'grant-1', resource: { id: 'res-1' }, scopes: [] }]),
  [`${audited}/signOnPolicies`]: forbidden,
  [`${audited}/roles`]: list('roles', [
    { id: 'role-custom', name: 'Reader', type: 'CUSTOM' },
    { id: 'role-env-admin', name: 'Environment Admin', type: 'PLATFORM' },
  ]),
  [`${audited}/gateways`]: list('gateways', [{ id: 'gw-1', name: 'PingFederate', type: 'PING_FEDERATE' }]),
  [`${audited}/gateways/gw-1/roleAssignments`]: list('roleAssignments', [assignment('ra-gw', 'role-env-admin', ids.env)]),
};

async function stubPingOne(override: (path: string) => StubReply | Promise<StubReply> | undefined = () => undefined) {
  const server = await startStub((request) => {
    const token = tokenReply(request);
    if (token !== undefined) return token;
    const url = new URL(request.url, 'http://stub');
    const path = url.pathname.replace(/^\/v1/, '');
    const overridden = override(path);
    if (overridden !== undefined) return overridden;
    if (path === `${admin}/users` && url.searchParams.get('filter') === 'memberOfGroups[id eq "group-admins"]') {
      return list('users', [{ id: 'user-member', username: 'bob', _links: link }]);
    }
    if (path.endsWith('/users') && url.searchParams.has('filter')) return list('users', []);
    return routes[path] ?? list(path.split('/').at(-1)!, []);
  });
  servers.push(server);
  return server;
}

function clientFor(server: StubServer) {
  const clock = fakeClock();
  const settings = resolveConnectionSettings(
    { apiUrl: `${server.origin}/v1`, authUrl: server.origin },
    { PINGONE_CLIENT_ID: ids.client, PINGONE_CLIENT_SECRET: clientSecret, PINGONE_ENVIRONMENT_ID: ids.adminEnv },
  );
  return createApiClient(settings, { maxRps: 1000, now: clock.now, sleep: clock.sleep, retry: { maxAttempts: 2, baseDelayMs: 1 } });
}

const entry = (entries: CollectionEntry[], kind: string, environmentId?: string) => entries.find((e) => e.kind === kind && e.environmentId === environmentId);

describe('collectSnapshot', () => {
  it('collects every environment named, records a 403 as a failed entry and goes on', async () => {
    const server = await stubPingOne();
    const progress: CollectProgress[] = [];
    const snapshot = await collectSnapshot(clientFor(server), { environmentIds: [ids.adminEnv, ids.env], progress: (event) => progress.push(event) });
    const { collection } = snapshot.manifest;

    expect(collection.complete).toBe(false);
    expect(entry(collection.entries, 'signOnPolicies', ids.env)).toEqual({
      kind: 'signOnPolicies',
      environmentId: ids.env,
      status: 'failed',
      path: `${audited}/signOnPolicies`,
      httpStatus: 403,
      error: '403 ACCESS_FAILED: You do not have access to this resource. (Actor lacks the role) [PingOne error id err-1]',
    });
    expect(entry(collection.entries, 'signOnPolicyActions', ids.env)).toMatchObject({ status: 'failed', error: expect.stringContaining('not collected') });
    expect(
      collection.entries
        .filter((e) => e.status === 'failed')
        .map((e) => e.kind)
        .sort(),
    ).toEqual(['signOnPolicies', 'signOnPolicyActions']);
    expect(entry(collection.entries, 'roles')).toEqual({ kind: 'roles', status: 'complete' });

    const [adminEnv, auditedEnv] = snapshot.environments;
    expect(auditedEnv?.environment.name).toBe('Production');
    expect(auditedEnv?.applications[0]?._embedded).toEqual({
      grants: [{ id: 'grant-1', resource: { id: 'res-1' }, scopes: [] }],
      signOnPolicyAssignments: [],
      flowPolicyAssignments: [],
    });
    expect(auditedEnv?.roles.map((role) => role.id)).toEqual(['role-custom']);
    expect(auditedEnv?.gateways[0]?._embedded?.roleAssignments?.map((a) => a.id)).toEqual(['ra-gw']);
    expect(auditedEnv?.signOnPolicies).toEqual([]);
    expect(snapshot.roles.map((role) => role.name)).toEqual(['Environment Admin']);

    const worker = adminEnv?.applications.find((app) => app.id === 'app-worker');
    const console = adminEnv?.applications.find((app) => app.id === 'app-console');
    expect(worker?._embedded?.roleAssignments?.map((a) => a.id)).toEqual(['ra-worker']);
    expect(console?._embedded?.roleAssignments).toBeUndefined();
    expect(server.requests.some((request) => request.url.includes('app-console/roleAssignments'))).toBe(false);

    expect(adminEnv?.users).toEqual([
      { id: 'user-direct', username: 'alice', _embedded: { roleAssignments: [{ id: 'ra-alice', role: { id: 'role-env-admin' }, scope: { id: ids.env, type: 'ENVIRONMENT' } }] } },
      { id: 'user-member', username: 'bob', memberOfGroupIDs: ['group-admins'], _embedded: { roleAssignments: [] } },
    ]);
    expect(adminEnv?.groups.find((group) => group.id === 'group-admins')?._embedded?.roleAssignments).toHaveLength(1);
    expect(server.requests.some((request) => decodeURIComponent(request.url).includes('memberOfGroups[id eq "group-staff"]'))).toBe(false);

    expect(JSON.stringify(snapshot)).not.toContain('_links');
    expect(collection.notes).toContain(`Environment ${ids.adminEnv}: 3 users scanned for direct role assignments; 2 admin users kept.`);
    expect(collection.requestsByEndpoint?.['GET /environments/{id}/users/{id}/roleAssignments']).toBe(3);
    expect(collection.requestsByEndpoint?.['GET /roles']).toBe(1);
    expect(snapshot.manifest).toMatchObject({
      schemaVersion: 2,
      environmentIds: [ids.adminEnv, ids.env],
      organization: { id: ids.org },
      collectedBy: { clientId: ids.client, authorizationModel: 'application', grantType: 'client_credentials', environmentId: ids.adminEnv },
    });
    expect(server.requests.every((request) => request.method === 'GET' || request.url.endsWith('/as/token'))).toBe(true);
    expect(progress.some((event) => event.phase === 'users' && event.environmentId === ids.adminEnv && event.done === 3)).toBe(true);
  });

  it('lists all environments when asked to', async () => {
    const server = await stubPingOne();
    const snapshot = await collectSnapshot(clientFor(server), { allEnvironments: true });
    expect(snapshot.manifest.environmentIds).toEqual([ids.adminEnv, ids.env]);
    expect(entry(snapshot.manifest.collection.entries, 'environments')).toEqual({ kind: 'environments', status: 'complete' });
  });

  it('marks direct role assignments failed, with a note, when maxUsers cuts the scan', async () => {
    const server = await stubPingOne();
    const snapshot = await collectSnapshot(clientFor(server), { environmentIds: [ids.adminEnv], maxUsers: 1 });
    const { entries, notes } = snapshot.manifest.collection;
    expect(entry(entries, 'userRoleAssignments', ids.adminEnv)).toMatchObject({ status: 'failed', error: expect.stringContaining('only the first 1 users') });
    expect(entry(entries, 'users', ids.adminEnv)?.status).toBe('complete');
    expect(notes?.some((note) => note.includes('maxUsers'))).toBe(true);
    // bob was not scanned: his direct assignments are "not collected", not "none".
    const bob = snapshot.environments[0]?.users.find((user) => user.id === 'user-member');
    expect(bob).toEqual({ id: 'user-member', username: 'bob', memberOfGroupIDs: ['group-admins'] });
    expect(server.requests.filter((request) => /\/users\/[^/?]+\/roleAssignments/.test(request.url))).toHaveLength(1);
  });

  // The scan walks the users list a page at a time; before, its ids grew past --max-list-items without a word.
  it('fails the users scan past maxListItems as a named read, and the direct role assignments with it', async () => {
    const server = await stubPingOne();
    const snapshot = await collectSnapshot(clientFor(server), { environmentIds: [ids.adminEnv], limits: { maxListItems: 2 } });
    const { entries, complete } = snapshot.manifest.collection;
    expect(complete).toBe(false);
    expect(entry(entries, 'users', ids.adminEnv)).toMatchObject({ status: 'failed', path: `${admin}/users`, error: expect.stringContaining('more than 2 items (--max-list-items)') });
    expect(entry(entries, 'userRoleAssignments', ids.adminEnv)).toMatchObject({ status: 'failed', error: expect.stringContaining('could not be read to the end') });
    // The lists within the cap are read as before.
    expect(entry(entries, 'groups', ids.adminEnv)?.status).toBe('complete');
  });

  it('keeps a list that ended short of its own count, and notes it (deletions while paging are legitimate)', async () => {
    const groups = [{ id: 'group-admins', name: 'Admins' }];
    const server = await stubPingOne((path) => (path === `${admin}/groups` ? { body: { _links: link, _embedded: { groups }, size: 1, count: 2 } } : undefined));
    const snapshot = await collectSnapshot(clientFor(server), { environmentIds: [ids.adminEnv] });
    expect(entry(snapshot.manifest.collection.entries, 'groups', ids.adminEnv)?.status).toBe('complete');
    expect(snapshot.environments[0]?.groups.map((group) => group.id)).toEqual(['group-admins']);
    expect(snapshot.manifest.collection.notes).toContain(`${COUNT_MISMATCH_NOTE}: ${admin}/groups returned 1 and counted 2 (changed while read, or cut short by the server); collect again to check.`);
  });

  it('records timeouts and exhausted retries per endpoint too', async () => {
    const server = await stubPingOne((path) => (path === `${audited}/populations` ? { status: 503, body: { code: 'UNAVAILABLE' } } : undefined));
    const snapshot = await collectSnapshot(clientFor(server), { environmentIds: [ids.env] });
    expect(entry(snapshot.manifest.collection.entries, 'populations', ids.env)).toMatchObject({ status: 'failed', httpStatus: 503 });
    expect(entry(snapshot.manifest.collection.entries, 'applications', ids.env)?.status).toBe('complete');
  });

  it('reads DaVinci flow policy assignments, and marks only the app whose sub-read failed as unknown', async () => {
    const web = `${audited}/applications/app-web`;
    const server = await stubPingOne((path) => {
      if (path === `${audited}/applications`) {
        return list('applications', [
          { id: 'app-web', name: 'Portal', type: 'WEB_APP', protocol: 'OPENID_CONNECT', enabled: true },
          { id: 'app-flow', name: 'Shop', type: 'WEB_APP', protocol: 'OPENID_CONNECT', enabled: true },
        ]);
      }
      if (path === `${web}/signOnPolicyAssignments`) return forbidden;
      if (path === `${audited}/applications/app-flow/flowPolicyAssignments`) {
        return list('flowPolicyAssignments', [{ id: 'fpa-1', flowPolicy: { id: 'fp-davinci' }, priority: 1, application: { id: 'app-flow' }, _links: link }]);
      }
      return undefined;
    });
    const snapshot = await collectSnapshot(clientFor(server), { environmentIds: [ids.env] });
    expect(entry(snapshot.manifest.collection.entries, 'applicationSignOnPolicyAssignments', ids.env)).toMatchObject({
      status: 'failed',
      httpStatus: 403,
      failedResources: [{ type: 'application', id: 'app-web' }],
    });
    expect(entry(snapshot.manifest.collection.entries, 'applicationFlowPolicyAssignments', ids.env)).toEqual({
      kind: 'applicationFlowPolicyAssignments',
      environmentId: ids.env,
      status: 'complete',
    });
    const [portal, shop] = snapshot.environments[0]!.applications;
    expect(portal?._embedded?.signOnPolicyAssignments).toBeUndefined();
    expect(shop?._embedded).toMatchObject({ signOnPolicyAssignments: [], flowPolicyAssignments: [{ id: 'fpa-1', flowPolicy: { id: 'fp-davinci' }, priority: 1 }] });
    expect(snapshot.manifest.collection.complete).toBe(false);
  });

  it("starts the environments' reads while the built-in roles are still being read: they gate none of them", async () => {
    let fanOutStarted: () => void = () => undefined;
    const fanOut = new Promise<boolean>((resolve) => {
      fanOutStarted = () => resolve(true);
    });
    let rolesAnsweredAfterFanOut: boolean | undefined;
    const server = await stubPingOne((path) => {
      if (path.startsWith(`${admin}/`)) fanOutStarted();
      if (path !== '/roles') return undefined;
      // A collector that waits for the roles before the fan-out would wait here for ever: the fallback lets the test fail.
      return Promise.race([fanOut, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000))]).then((afterFanOut) => {
        rolesAnsweredAfterFanOut = afterFanOut;
        return routes['/roles']!;
      });
    });
    const snapshot = await collectSnapshot(clientFor(server), { allEnvironments: true });
    expect(rolesAnsweredAfterFanOut).toBe(true);
    expect(snapshot.roles.map((role) => role.name)).toEqual(['Environment Admin']);
    expect(entry(snapshot.manifest.collection.entries, 'roles')).toEqual({ kind: 'roles', status: 'complete' });
  });

  // The roles read runs beside the environments' now, and is awaited only at the end: its failure must still be recorded.
  it('records a GET /roles refused after the fan-out began as a failed read, and collects the environments', async () => {
    let fanOutStarted: () => void = () => undefined;
    const fanOut = new Promise<void>((resolve) => {
      fanOutStarted = resolve;
    });
    const server = await stubPingOne((path) => {
      if (path.startsWith(`${audited}/`)) fanOutStarted();
      return path === '/roles' ? fanOut.then(() => forbidden) : undefined;
    });
    const snapshot = await collectSnapshot(clientFor(server), { environmentIds: [ids.env] });
    expect(entry(snapshot.manifest.collection.entries, 'roles')).toMatchObject({ kind: 'roles', status: 'failed', httpStatus: 403, path: '/roles' });
    expect(snapshot.manifest.collection.complete).toBe(false);
    expect(snapshot.roles).toEqual([]);
    expect(snapshot.environments[0]?.applications).toHaveLength(1);
  });

  // A 404 there means the id is wrong: bounded-reads.test.ts shows the run stop and say so.
  it('keeps collecting an environment whose own record is forbidden', async () => {
    const server = await stubPingOne((path) => (path === audited ? forbidden : undefined));
    const snapshot = await collectSnapshot(clientFor(server), { environmentIds: [ids.env] });
    expect(snapshot.environments[0]?.environment).toEqual({ id: ids.env, name: ids.env });
    expect(entry(snapshot.manifest.collection.entries, 'environments', ids.env)).toMatchObject({ status: 'failed', httpStatus: 403 });
    expect(snapshot.environments[0]?.applications).toHaveLength(1);
  });

  // A hostile or broken API must not make the collector read `/environments/undefined/…` or write a folder of that name.
  it.each([
    ['no id', { name: 'Production' }, 'has no environment id'],
    ['another id', { id: ids.adminEnv, name: 'Administrators' }, `is environment ${ids.adminEnv}, not the one asked for`],
    ['null', 'null', 'is not an environment record'],
  ])('keeps collecting an environment whose own record has %s, under the id asked for', async (_case, body, named) => {
    const server = await stubPingOne((path) => (path === audited ? { body } : undefined));
    const snapshot = await collectSnapshot(clientFor(server), { environmentIds: [ids.env] });
    expect(snapshot.manifest.environmentIds).toEqual([ids.env]);
    expect(snapshot.environments[0]?.environment).toEqual({ id: ids.env, name: ids.env });
    expect(entry(snapshot.manifest.collection.entries, 'environments', ids.env)).toMatchObject({ status: 'failed', error: `the answer ${named}; the environment's own record was left out` });
    expect(snapshot.manifest.collection.complete).toBe(false);
    expect(snapshot.environments[0]?.applications).toHaveLength(1);
    expect(server.requests.filter((request) => request.url.includes('/environments/') && !request.url.includes(ids.env))).toEqual([]);
  });

  it('takes an environment record whose id differs only in case as the one asked for', async () => {
    const lettered = 'abcdef01-2345-4678-89ab-cdef01234567';
    const server = await stubPingOne((path) => (path === `/environments/${lettered}` ? { body: { id: lettered.toUpperCase(), name: 'Lettered' } } : undefined));
    const snapshot = await collectSnapshot(clientFor(server), { environmentIds: [lettered] });
    expect(snapshot.environments[0]?.environment).toEqual({ id: lettered, name: 'Lettered' });
    expect(entry(snapshot.manifest.collection.entries, 'environments', lettered)).toEqual({ kind: 'environments', environmentId: lettered, status: 'complete' });
  });

  it('leaves out listed environments without a string id, and says the list failed', async () => {
    const listed = list('environments', [{ name: 'No id' }, { id: ids.env, name: 'Production' }, { id: 7, name: 'Number' }]);
    const server = await stubPingOne((path) => (path === '/environments' ? listed : undefined));
    const snapshot = await collectSnapshot(clientFor(server), { allEnvironments: true });
    expect(snapshot.manifest.environmentIds).toEqual([ids.env]);
    expect(snapshot.environments.map((environment) => environment.environment.name)).toEqual(['Production']);
    expect(entry(snapshot.manifest.collection.entries, 'environments')).toMatchObject({ status: 'failed', error: expect.stringContaining('2 listed environment(s)') });
    expect(server.requests.some((request) => /environments\/(undefined|7)\b/.test(request.url))).toBe(false);
  });

  it('ends the run on a 401 that survives a token renewal', async () => {
    const server = await stubPingOne((path) => (path === `${audited}/applications` ? { status: 401, body: { code: 'ACCESS_FAILED' } } : undefined));
    await expect(collectSnapshot(clientFor(server), { environmentIds: [ids.env] })).rejects.toMatchObject({ status: 401 });
  });

  it('stops with the API URL when the API cannot be reached at all', async () => {
    const auth = await stubPingOne();
    const clock = fakeClock();
    const settings = resolveConnectionSettings(
      { apiUrl: 'http://127.0.0.1:9/v1', authUrl: auth.origin },
      { PINGONE_CLIENT_ID: ids.client, PINGONE_CLIENT_SECRET: clientSecret, PINGONE_ENVIRONMENT_ID: ids.adminEnv },
    );
    const client = createApiClient(settings, { now: clock.now, sleep: clock.sleep, retry: { maxAttempts: 2 } });
    await expect(collectSnapshot(client, { environmentIds: [ids.env] })).rejects.toThrow('Cannot reach the PingOne Management API at http://127.0.0.1:9/v1.');
  });

  it('asks which environments to collect, and refuses ids that are not UUIDs', async () => {
    const server = await stubPingOne();
    await expect(collectSnapshot(clientFor(server), {})).rejects.toThrow(UserFacingError);
    await expect(collectSnapshot(clientFor(server), { environmentIds: ['production'] })).rejects.toThrow(/not a PingOne id/);
    expect(server.requests).toEqual([]);
  });
});
