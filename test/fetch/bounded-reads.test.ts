import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors.js';
import { createApiClient, type ApiClientOptions } from '../../src/fetch/api-client.js';
import { ApiError } from '../../src/fetch/api-error.js';
import { collectSnapshot } from '../../src/fetch/collect-snapshot.js';
import { getAll } from '../../src/fetch/paging.js';
import { resolveConnectionSettings } from '../../src/fetch/settings.js';
import { clientSecret, fakeClock, ids, startStub, tokenReply, type StubReply, type StubRequest, type StubServer } from './stub-server.js';

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function stubApi(answer: (request: StubRequest, url: URL) => StubReply) {
  const server = await startStub((request) => tokenReply(request) ?? answer(request, new URL(request.url, 'http://stub')));
  servers.push(server);
  return server;
}

function clientFor(origin: string, options: ApiClientOptions = {}) {
  const clock = fakeClock();
  const settings = resolveConnectionSettings({ apiUrl: `${origin}/v1`, authUrl: origin }, { PINGONE_CLIENT_ID: ids.client, PINGONE_CLIENT_SECRET: clientSecret, PINGONE_ENVIRONMENT_ID: ids.adminEnv });
  const client = createApiClient(settings, { maxRps: 1000, now: clock.now, sleep: clock.sleep, random: () => 0, ...options });
  servers.push(client);
  return { client, clock };
}

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );
const usersPath = `/environments/${ids.env}/users`;
const apiGets = (server: StubServer) => server.requests.filter((request) => request.method === 'GET').map((request) => request.url);
const users = (from: number, count: number) => Array.from({ length: count }, (_, index) => ({ id: `user-${from + index}` }));

describe('bytes per answer', () => {
  it('refuses an answer over the cap while it streams, without reading the rest', async () => {
    let written = 0;
    let closedEarly = false;
    const server = createServer((request, response) => {
      const token = request.url?.endsWith('/as/token') ? tokenReply({ method: 'POST', url: request.url, headers: {}, body: '' }) : undefined;
      if (token !== undefined) {
        response.end(JSON.stringify(token.body));
        return;
      }
      // No content-length: only counting while reading can catch it.
      response.writeHead(200, { 'content-type': 'application/json' });
      response.on('close', () => (closedEarly = !response.writableFinished));
      const chunk = `"${'x'.repeat(64 * 1024)}",`;
      response.write('{"items":[');
      const pump = () => {
        while (written < 200 * 1024 * 1024 && !response.destroyed) {
          written += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end('"end"]}');
      };
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve()) && server.closeAllConnections()) });
    const { client } = clientFor(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { maxAnswerBytes: 1024 * 1024 });
    const error = await caught(client.get('/environments'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'limit', message: expect.stringContaining('larger than 1 MiB') });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closedEarly).toBe(true);
    expect(written).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses an answer whose content-length is over the cap before reading it', async () => {
    const server = await stubApi(() => ({ body: { padding: 'x'.repeat(4096) } }));
    const { client } = clientFor(server.origin, { maxAnswerBytes: 1000 });
    expect(await caught(client.get('/environments'))).toMatchObject({ kind: 'limit' });
    expect(apiGets(server)).toHaveLength(1);
  });
});

/** A users list that never ends: page n holds `pageItems(n)` and links to page n + 1, with `extra` fields on each page. */
async function endlessUsers(pageItems: (page: number) => Array<{ id: string }>, extra: Record<string, unknown> = {}) {
  const server = await stubApi((_, url) => {
    const page = Number(url.searchParams.get('cursor') ?? '0');
    return { body: { ...extra, _embedded: { users: pageItems(page) }, _links: { next: { href: `${server.origin}/v1${usersPath}?cursor=${page + 1}` } } } };
  });
  return server;
}

describe('lists that do not end', () => {
  it('stops at the page cap when every page has a fresh cursor and fresh ids', async () => {
    const server = await endlessUsers((page) => users(page * 2, 2));
    const { client } = clientFor(server.origin);
    expect(await caught(getAll(client, usersPath, 'users', { maxPages: 5 }))).toMatchObject({ kind: 'limit', message: expect.stringContaining('past 5 pages (--max-pages)') });
    expect(apiGets(server)).toHaveLength(5);
  });

  it('cuts a list off at once when it returns ids it already returned', async () => {
    const server = await endlessUsers(() => users(0, 2));
    const { client } = clientFor(server.origin);
    expect(await caught(getAll(client, usersPath, 'users'))).toMatchObject({ kind: 'paging', message: expect.stringContaining('user-0 a second time') });
    expect(apiGets(server)).toHaveLength(2);
  });

  it('cuts a list off at once when it returns more items than its own count', async () => {
    const server = await endlessUsers((page) => users(page * 3, 3), { count: 5 });
    const { client } = clientFor(server.origin);
    expect(await caught(getAll(client, usersPath, 'users'))).toMatchObject({ kind: 'paging', message: expect.stringContaining('more than its own count of 5') });
    expect(apiGets(server)).toHaveLength(2);
  });

  // A hostile server's endless pages of fresh ids would otherwise fill memory long before 10,000 pages.
  it('fails a list read whole once it would hold more than its items cap, before keeping that page', async () => {
    const server = await endlessUsers((page) => users(page * 2, 2));
    const { client } = clientFor(server.origin);
    const error = await caught(getAll(client, usersPath, 'users', { maxListItems: 5 }));
    expect(error).toMatchObject({ kind: 'limit', message: expect.stringContaining('more than 5 items (--max-list-items); not read to the end') });
    expect(apiGets(server)).toHaveLength(3);
  });

  it('caps a list read whole at 1,000,000 items by default, well before the page cap', async () => {
    const server = await endlessUsers((page) => users(page * 10_000, 10_000));
    const { client } = clientFor(server.origin);
    expect(await caught(getAll(client, usersPath, 'users'))).toMatchObject({ kind: 'limit', message: expect.stringContaining('more than 1000000 items') });
    expect(apiGets(server)).toHaveLength(101);
  });

  it('refuses a page over the items cap', async () => {
    const server = await stubApi(() => ({ body: { _embedded: { users: users(0, 50) } } }));
    const { client } = clientFor(server.origin);
    expect(await caught(getAll(client, usersPath, 'users', { maxPageItems: 10 }))).toMatchObject({ kind: 'limit', message: expect.stringContaining('--max-page-items') });
  });

  it('reads a page of 300,000 items without overflowing the stack', async () => {
    const body = JSON.stringify({ _embedded: { users: users(0, 300_000) } });
    const server = await stubApi(() => ({ body }));
    const { client } = clientFor(server.origin);
    const read = await getAll(client, usersPath, 'users', { maxPageItems: 500_000 });
    expect(read).toHaveLength(300_000);
  });
});

describe('next links stay on their collection', () => {
  it('refuses a next link to another collection under /v1: nothing from there is merged', async () => {
    const other = `/environments/${ids.adminEnv}/users`;
    const server = await stubApi((_, url) =>
      url.pathname === `/v1${usersPath}`
        ? { body: { _embedded: { users: users(0, 1) }, _links: { next: { href: `${server.origin}/v1${other}?cursor=1` } } } }
        : { body: { _embedded: { users: users(1, 1) } } },
    );
    const { client } = clientFor(server.origin);
    expect(await caught(getAll(client, usersPath, 'users'))).toMatchObject({ kind: 'paging', message: expect.stringContaining('leaves the collection') });
    expect(apiGets(server)).toEqual([`/v1${usersPath}`]);
  });

  it('refuses a next link that drops the filter (every user would read as a group member)', async () => {
    const filtered = `${usersPath}?filter=${encodeURIComponent('memberOfGroups[id eq "g"]')}`;
    const server = await stubApi(() => ({ body: { _embedded: { users: users(0, 1) }, _links: { next: { href: `${server.origin}/v1${usersPath}?cursor=1` } } } }));
    const { client } = clientFor(server.origin);
    expect(await caught(getAll(client, filtered, 'users'))).toMatchObject({ kind: 'paging', message: expect.stringContaining('changes the filter') });
    expect(apiGets(server)).toHaveLength(1);
  });
});

describe('connecting', () => {
  it('gives up on a refused connection after one quick retry', async () => {
    const server = await stubApi(() => ({ body: {} }));
    const origin = server.origin;
    await server.close();
    servers.pop();
    const { client, clock } = clientFor(origin);
    const error = await caught(client.get('/environments'));
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toContain('Cannot reach the PingOne token endpoint');
    expect(clock.waits.reduce((sum, wait) => sum + wait, 0)).toBeLessThanOrEqual(250);
    expect(client.requestsByEndpoint()).toEqual({ 'POST /{id}/as/token': 2 });
  });
});

describe('collecting with hostile ids', () => {
  const app = (id: string) => ({ id, name: id, type: 'WORKER', protocol: 'OPENID_CONNECT', enabled: true });

  it('URL-encodes ids into paths, and refuses an id of ".."', async () => {
    const server = await stubApi((_, url) => {
      const path = url.pathname.replace(/^\/v1/, '');
      if (path === `/environments/${ids.env}`) return { body: { id: ids.env, name: 'Production' } };
      if (path === `/environments/${ids.env}/applications`) return { body: { _embedded: { applications: [app('a/b'), app('..')] } } };
      return { body: { _embedded: { [path.split('/').at(-1)!]: [] } } };
    });
    const { client } = clientFor(server.origin);
    const snapshot = await collectSnapshot(client, { environmentIds: [ids.env] });
    const gets = apiGets(server);
    expect(gets).toContain(`/v1/environments/${ids.env}/applications/a%2Fb/grants`);
    expect(gets.filter((url) => url.includes('/a/b/') || url.includes('/../') || /%2e%2e/i.test(url))).toEqual([]);
    const grants = snapshot.manifest.collection.entries.find((entry) => entry.kind === 'applicationGrants');
    expect(grants).toMatchObject({ status: 'failed', error: expect.stringContaining('".."') });
  });

  it('says an environment that does not exist (404) was not found, instead of collecting it', async () => {
    const server = await stubApi((_, url) =>
      url.pathname === `/v1/environments/${ids.env}` ? { status: 404, body: { code: 'NOT_FOUND', message: 'The requested resource was not found.' } } : { body: { _embedded: { roles: [] } } },
    );
    const { client } = clientFor(server.origin);
    const error = await caught(collectSnapshot(client, { environmentIds: [ids.env] }));
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toBe(`Environment ${ids.env} not found at ${server.origin}/v1; check the id.`);
    expect(apiGets(server).filter((url) => url.includes('/applications'))).toEqual([]);
  });
});
