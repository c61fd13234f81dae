import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/fetch/api-client.js';
import { ApiError } from '../../src/fetch/api-error.js';
import { forEachPage, getAll } from '../../src/fetch/paging.js';
import { resolveConnectionSettings } from '../../src/fetch/settings.js';
import { clientSecret, fakeClock, ids, startStub, tokenReply, type StubReply, type StubRequest, type StubServer } from './stub-server.js';

const servers: StubServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Pages of users; `next(origin, page)` decides the next link of each page. */
async function pagedUsers(pages: number, next: (origin: string, page: number, request: StubRequest) => string | undefined, size = 2) {
  const server = await startStub((request): StubReply => {
    const token = tokenReply(request);
    if (token !== undefined) return token;
    const page = Number(new URL(request.url, 'http://x').searchParams.get('cursor') ?? '0');
    const users = Array.from({ length: size }, (_, index) => ({ id: `user-${page}-${index}`, _links: { self: { href: 'x' } } }));
    const href = page + 1 < pages ? next(server.origin, page + 1, request) : undefined;
    return { body: { _embedded: { users }, size, ...(href === undefined ? {} : { _links: { next: { href } } }) } };
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
  return createApiClient(settings, { maxRps: 1000, now: clock.now, sleep: clock.sleep });
}

const apiUrls = (server: StubServer) => server.requests.filter((request) => request.method === 'GET').map((request) => request.url);
const usersPath = `/environments/${ids.env}/users`;

describe('paging', () => {
  it('follows next links until there are none, asking for the largest page', async () => {
    const server = await pagedUsers(3, (origin, page) => `${origin}/v1${usersPath}?limit=1000&cursor=${page}`);
    const users = await getAll<{ id: string }>(clientFor(server), usersPath, 'users', { limit: 1000 });
    expect(users.map((user) => user.id)).toEqual(['user-0-0', 'user-0-1', 'user-1-0', 'user-1-1', 'user-2-0', 'user-2-1']);
    expect(apiUrls(server)).toEqual([`/v1${usersPath}?limit=1000`, `/v1${usersPath}?limit=1000&cursor=1`, `/v1${usersPath}?limit=1000&cursor=2`]);
  });

  it('keeps going when a page is smaller than the limit: only the next link says it is the last', async () => {
    const server = await pagedUsers(2, (origin, page) => `${origin}/v1${usersPath}?cursor=${page}`, 1);
    expect(await getAll(clientFor(server), usersPath, 'users', { limit: 1000 })).toHaveLength(2);
  });

  it('does not follow a next link to another host, and that host receives nothing', async () => {
    const other = await startStub(() => ({ body: {} }));
    servers.push(other);
    const server = await pagedUsers(3, (_, page) => `${other.origin}/v1${usersPath}?cursor=${page}`);
    const error = await getAll(clientFor(server), usersPath, 'users').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toContain('next link points to another host');
    expect((error as ApiError).kind).toBe('paging');
    expect(other.requests).toEqual([]);
  });

  // Same host, another scheme: an https API whose next link drops to http would send the token in clear.
  it.each([
    ['https://127.0.0.1', 'next link uses another scheme (https): not followed'],
    ['javascript:alert(1)//', 'next link uses another scheme (javascript): not followed'],
    ['file:///etc/passwd?', 'next link uses another scheme (file): not followed'],
  ])('does not follow a next link with another scheme (%s), naming it, and sends nothing there', async (prefix, reason) => {
    const server = await pagedUsers(3, (origin, page) => `${prefix.startsWith('https') ? origin.replace('http:', 'https:') : prefix}/v1${usersPath}?cursor=${page}`);
    await expect(getAll(clientFor(server), usersPath, 'users')).rejects.toMatchObject({ kind: 'paging', reason });
    expect(apiUrls(server)).toHaveLength(1);
  });

  it('does not follow a next link outside the API base path', async () => {
    const server = await pagedUsers(3, (origin, page) => `${origin}/admin${usersPath}?cursor=${page}`);
    await expect(getAll(clientFor(server), usersPath, 'users')).rejects.toThrow(/leaves the API/);
    expect(apiUrls(server)).toHaveLength(1);
  });

  it('stops on a cycle of next links', async () => {
    const server = await pagedUsers(5, (origin, page) => `${origin}/v1${usersPath}?cursor=${page > 2 ? 1 : page}`);
    await expect(getAll(clientFor(server), usersPath, 'users')).rejects.toThrow(/paging cycle/);
    expect(apiUrls(server)).toHaveLength(3);
  });

  it('stops when the caller says so, telling it whether more pages exist', async () => {
    const server = await pagedUsers(3, (origin, page) => `${origin}/v1${usersPath}?cursor=${page}`);
    const seen: boolean[] = [];
    await forEachPage(clientFor(server), usersPath, 'users', (_, { hasNext }) => {
      seen.push(hasNext);
      return 'stop';
    });
    expect(seen).toEqual([true]);
    expect(apiUrls(server)).toHaveLength(1);
  });

  it('treats a missing list as empty only when the page says it is empty', async () => {
    const empty = await startStub((request) => tokenReply(request) ?? { body: { size: 0 } });
    const counted = await startStub((request) => tokenReply(request) ?? { body: { _embedded: {}, count: 0 } });
    const broken = await startStub((request) => tokenReply(request) ?? { body: { size: 3 } });
    servers.push(empty, counted, broken);
    expect(await getAll(clientFor(empty), '/roles', 'roles')).toEqual([]);
    expect(await getAll(clientFor(counted), '/roles', 'roles')).toEqual([]);
    await expect(getAll(clientFor(broken), '/roles', 'roles')).rejects.toMatchObject({ kind: 'malformed' });
  });

  // PingOne's `count` is the whole list's size: one answer that counts items it neither holds nor links to was cut short.
  it.each([
    { size: 0, count: 3 },
    { _embedded: { roles: [] }, size: 0, count: 3 },
  ])('refuses a first and only page with no items that counts some (%j) as malformed', async (body) => {
    const server = await startStub((request) => tokenReply(request) ?? { body });
    servers.push(server);
    await expect(getAll(clientFor(server), '/roles', 'roles')).rejects.toMatchObject({ kind: 'malformed', reason: 'the answer holds no items and no next link, yet counts 3: truncated' });
  });

  // A `count` or `size` that is no whole number used to be ignored: `{"_embedded":{"roles":[]},"count":"5"}` read as an empty list.
  it.each([
    [{ _embedded: { roles: [] }, count: '5' }, 'count is a string'],
    [{ _embedded: { roles: [{ id: 'role-0' }] }, count: 'lots' }, 'count is a string'],
    [{ _embedded: { roles: [] }, count: -3 }, 'count is -3'],
    [{ _embedded: { roles: [{ id: 'role-0' }] }, count: -1 }, 'count is -1'],
    [{ _embedded: { roles: [] }, count: 5.5 }, 'count is 5.5'],
    [{ _embedded: { roles: [{ id: 'role-0' }] }, count: 1e300 }, 'count is 1e+300'],
    [{ _embedded: { roles: [{ id: 'role-0' }] }, count: 1, size: null }, 'size is null'],
    [{ _embedded: { roles: [{ id: 'role-0' }] }, size: -5 }, 'size is -5'],
    [{ _embedded: { roles: [] }, size: [0] }, 'size is a list'],
    [{ count: '0' }, 'count is a string'],
  ])('refuses a page whose count or size is no whole number (%j) as malformed, without quoting it', async (body, said) => {
    const server = await startStub((request) => tokenReply(request) ?? { body });
    servers.push(server);
    await expect(getAll(clientFor(server), '/roles', 'roles')).rejects.toMatchObject({ kind: 'malformed', reason: `the page's ${said}, not a plausible number of items: not read` });
  });

  it('refuses a first and only page with no items whose size says it holds some as malformed', async () => {
    const server = await startStub((request) => tokenReply(request) ?? { body: { _embedded: { roles: [] }, size: 7 } });
    servers.push(server);
    await expect(getAll(clientFor(server), '/roles', 'roles')).rejects.toMatchObject({ kind: 'malformed', reason: 'the page holds 0 items, yet its size is 7: not read' });
  });

  it('cuts off a page that holds items yet counts none', async () => {
    const server = await startStub((request) => tokenReply(request) ?? { body: { _embedded: { roles: [{ id: 'role-0' }] }, size: 1, count: 0 } });
    servers.push(server);
    await expect(getAll(clientFor(server), '/roles', 'roles')).rejects.toMatchObject({ kind: 'paging', reason: 'the list returned 1 items, more than its own count of 0: cut off' });
  });

  /** Two pages of two users, each page with its own `count`. */
  async function countedUsers(counts: [number | undefined, number | undefined]) {
    const server = await startStub((request) => {
      const token = tokenReply(request);
      if (token !== undefined) return token;
      const page = Number(new URL(request.url, 'http://x').searchParams.get('cursor') ?? '0');
      const count = counts[page];
      const next = page === 0 ? { _links: { next: { href: `${server.origin}/v1${usersPath}?cursor=1` } } } : {};
      return { body: { _embedded: { users: [{ id: `user-${page}-0` }, { id: `user-${page}-1` }] }, size: 2, ...(count === undefined ? {} : { count }), ...next } };
    });
    servers.push(server);
    return server;
  }

  // Deleted while read (fewer), or deleted behind the cursor (more than the last count): legitimate, so not a failed read; but said.
  it.each([
    [[6, 6], { returned: 4, count: 6 }],
    [[5, 3], { returned: 4, count: 3 }],
    [[6, undefined], { returned: 4, count: 6 }],
  ] as const)('reads a list whose pages count %j to the end and tells the caller it returned another number', async (counts, mismatch) => {
    const server = await countedUsers([...counts]);
    const told: unknown[] = [];
    const users = await getAll(clientFor(server), usersPath, 'users', { onCountMismatch: (what) => told.push(what) });
    expect(users).toHaveLength(4);
    expect(told).toEqual([{ path: usersPath, ...mismatch }]);
  });

  it('tells nothing when the list numbers what it counts, or when the caller stopped it early', async () => {
    const told: unknown[] = [];
    expect(await getAll(clientFor(await countedUsers([4, 4])), usersPath, 'users', { onCountMismatch: (what) => told.push(what) })).toHaveLength(4);
    await forEachPage(clientFor(await countedUsers([9, 9])), usersPath, 'users', () => 'stop', { onCountMismatch: (what) => told.push(what) });
    expect(told).toEqual([]);
  });

  // The users scan walks its list page by page, but holds every id to tell a repeat: the cap bounds that too.
  it('fails a list walked page by page past its items cap, before the caller sees that page', async () => {
    const server = await pagedUsers(5, (origin, page) => `${origin}/v1${usersPath}?cursor=${page}`);
    const seen: number[] = [];
    const error = await forEachPage(clientFor(server), usersPath, 'users', (page) => void seen.push(page.length), { maxListItems: 3 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'limit', reason: 'the list holds more than 3 items (--max-list-items); not read to the end' });
    expect(seen).toEqual([2]);
    expect(apiUrls(server)).toHaveLength(2);
  });

  /** 2,500 users in pages of at most 1,000; `honoursLimit` false answers whole pages whatever `limit` asks. */
  async function manyUsers(honoursLimit: boolean) {
    const total = 2500;
    const server = await startStub((request) => {
      const token = tokenReply(request);
      if (token !== undefined) return token;
      const query = new URL(request.url, 'http://x').searchParams;
      const offset = Number(query.get('cursor') ?? '0');
      const size = Math.min(honoursLimit ? Number(query.get('limit') ?? '1000') : 1000, 1000, total - offset);
      const users = Array.from({ length: size }, (_, index) => ({ id: `user-${offset + index}` }));
      const more = offset + size < total ? { _links: { next: { href: `${server.origin}/v1${usersPath}?cursor=${offset + size}&limit=1000` } } } : {};
      return { body: { _embedded: { users }, size, count: total, ...more } };
    });
    servers.push(server);
    return server;
  }

  // A --max-users over one page of 1,000 asked the next page for 1,000 too: it read past the cap, and failed the
  // scan when --max-list-items was the same number.
  it('asks the page that reaches maxItems for only the items left, and says the list was cut there', async () => {
    const server = await manyUsers(true);
    const seen: number[] = [];
    const result = await forEachPage(clientFor(server), usersPath, 'users', (page) => void seen.push(page.length), { limit: 1000, maxItems: 1500, maxListItems: 1500 });
    expect(result).toEqual({ pages: 2, cut: true });
    expect(seen).toEqual([1000, 500]);
    expect(apiUrls(server)).toEqual([`/v1${usersPath}?limit=1000`, `/v1${usersPath}?cursor=1000&limit=500`]);
  });

  it('keeps no more than maxItems of a page that ignored the limit it was asked, so the list cap still holds', async () => {
    const server = await manyUsers(false);
    const seen: string[][] = [];
    const result = await forEachPage<{ id: string }>(clientFor(server), usersPath, 'users', (page) => void seen.push(page.map((user) => user.id)), { limit: 1000, maxItems: 1500, maxListItems: 1500 });
    expect(result).toEqual({ pages: 2, cut: true });
    expect(seen.map((page) => page.length)).toEqual([1000, 500]);
    expect(seen[1]!.at(-1)).toBe('user-1499');
  });

  it('says a list that ends exactly at maxItems was not cut, and follows next links as sent while a whole page is left', async () => {
    const server = await manyUsers(true);
    const result = await forEachPage(clientFor(server), usersPath, 'users', () => undefined, { limit: 1000, maxItems: 2500 });
    expect(result).toEqual({ pages: 3, cut: false });
    expect(apiUrls(server)).toEqual([`/v1${usersPath}?limit=1000`, `/v1${usersPath}?cursor=1000&limit=1000`, `/v1${usersPath}?cursor=2000&limit=500`]);
  });

  // `size` is "the number of items on this page" (developer.pingidentity.com "Paging and ordering collections").
  it.each([
    [{ _embedded: { roles: [{ id: 'role-0' }, { id: 'role-1' }] }, size: 5 }, 'the page holds 2 items, yet its size is 5: not read'],
    [{ _embedded: { roles: [{ id: 'role-0' }, { id: 'role-1' }] }, size: 1, count: 2 }, 'the page holds 2 items, yet its size is 1: not read'],
  ])('refuses a page whose size is not the number of items it holds (%j) as malformed', async (body, reason) => {
    const server = await startStub((request) => tokenReply(request) ?? { body });
    servers.push(server);
    await expect(getAll(clientFor(server), '/roles', 'roles')).rejects.toMatchObject({ kind: 'malformed', reason });
  });

  it('refuses a page of a list past its size on the second page, naming the list', async () => {
    const server = await startStub((request) => {
      const token = tokenReply(request);
      if (token !== undefined) return token;
      const second = request.url.includes('cursor=1');
      const next = second ? {} : { _links: { next: { href: `${server.origin}/v1${usersPath}?cursor=1` } } };
      return { body: { _embedded: { users: [{ id: second ? 'user-1' : 'user-0' }] }, size: second ? 200 : 1, ...next } };
    });
    servers.push(server);
    await expect(getAll(clientFor(server), usersPath, 'users')).rejects.toMatchObject({ kind: 'malformed', path: usersPath, reason: 'the page holds 1 items, yet its size is 200: not read' });
  });

  // An empty page that links on is no proof of a broken list (the cursor may have passed deleted users): it is
  // followed, and a chain of them that never ends stops at the page cap like any other.
  it('follows an empty page that has a next link, and stops an endless chain of them at the page cap', async () => {
    const handler = await startStub((request) => {
      const token = tokenReply(request);
      if (token !== undefined) return token;
      const page = Number(new URL(request.url, 'http://x').searchParams.get('cursor') ?? '0');
      const users = page === 1 ? [] : [{ id: `user-${page}` }];
      const next = page < 2 ? { _links: { next: { href: `${handler.origin}/v1${usersPath}?cursor=${page + 1}` } } } : {};
      return { body: { _embedded: { users }, size: users.length, ...next } };
    });
    servers.push(handler);
    expect(await getAll<{ id: string }>(clientFor(handler), usersPath, 'users')).toEqual([{ id: 'user-0' }, { id: 'user-2' }]);
    const endless = await startStub((request) => {
      const token = tokenReply(request);
      if (token !== undefined) return token;
      const page = Number(new URL(request.url, 'http://x').searchParams.get('cursor') ?? '0');
      return { body: { _embedded: { users: [] }, size: 0, _links: { next: { href: `${endless.origin}/v1${usersPath}?cursor=${page + 1}` } } } };
    });
    servers.push(endless);
    await expect(getAll(clientFor(endless), usersPath, 'users', { maxPages: 4 })).rejects.toMatchObject({ kind: 'limit', reason: 'the list goes on past 4 pages (--max-pages); not read to the end' });
    expect(apiUrls(endless)).toHaveLength(4);
  });

  it('fails a single answer that holds more items than the list cap, before the caller sees any of it', async () => {
    const server = await startStub((request) => tokenReply(request) ?? { body: { _embedded: { users: Array.from({ length: 50 }, (_, index) => ({ id: `user-${index}` })) }, size: 50 } });
    servers.push(server);
    const seen: number[] = [];
    const error = await forEachPage(clientFor(server), usersPath, 'users', (page) => void seen.push(page.length), { maxListItems: 10 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'limit', path: usersPath, reason: 'the list holds more than 10 items (--max-list-items); not read to the end' });
    expect(seen).toEqual([]);
  });

  // A proxy or captive portal answering `{}` 200 to everything would otherwise yield a clean, empty snapshot.
  it.each([{}, { _links: { self: { href: 'x' } } }, { _embedded: {} }])('refuses a page with no list that does not say it is empty (%j) as malformed', async (body) => {
    const server = await startStub((request) => tokenReply(request) ?? { body });
    servers.push(server);
    await expect(getAll(clientFor(server), '/roles', 'roles')).rejects.toMatchObject({ kind: 'malformed', reason: 'the answer has no _embedded.roles list' });
  });

  // Every caller reads each item as a resource (its id, its links): one null would otherwise end the whole run as a bug.
  it.each([null, 'role-1', 7, ['role-1']])('refuses a list whose items are not all resources (%j) as malformed', async (item) => {
    const server = await startStub((request) => tokenReply(request) ?? { body: { _embedded: { roles: [{ id: 'role-0' }, item] }, size: 2 } });
    servers.push(server);
    await expect(getAll(clientFor(server), '/roles', 'roles')).rejects.toMatchObject({ kind: 'malformed', reason: 'item 2 of the page is not a resource (an object)' });
  });
});
