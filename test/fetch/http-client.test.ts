import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClientOptions } from '../../src/fetch/api-client.js';
import { ApiError } from '../../src/fetch/api-error.js';
import { RefusedRequestError } from '../../src/fetch/request-guard.js';
import { resolveConnectionSettings } from '../../src/fetch/settings.js';
import { clientSecret, fakeClock, ids, startStub, tokenReply, type StubReply, type StubRequest, type StubServer } from './stub-server.js';

const servers: StubServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function stubApi(answer: (request: StubRequest, apiCalls: number) => StubReply) {
  let apiCalls = 0;
  const server = await startStub((request) => tokenReply(request) ?? answer(request, ++apiCalls));
  servers.push(server);
  return server;
}

function clientFor(server: StubServer, options: ApiClientOptions = {}) {
  const clock = fakeClock();
  const settings = resolveConnectionSettings(
    { apiUrl: `${server.origin}/v1`, authUrl: server.origin },
    { PINGONE_CLIENT_ID: ids.client, PINGONE_CLIENT_SECRET: clientSecret, PINGONE_ENVIRONMENT_ID: ids.adminEnv },
  );
  const client = createApiClient(settings, { maxRps: 1000, now: clock.now, sleep: clock.sleep, random: () => 0, retry: { baseDelayMs: 100 }, ...options });
  return { client, clock };
}

const apiRequests = (server: StubServer) => server.requests.filter((request) => request.url.startsWith('/v1/'));

describe('http client', () => {
  it('sends GETs with the bearer token, a per-run correlation id and counts them by endpoint', async () => {
    const server = await stubApi(() => ({ body: { ok: true } }));
    const { client } = clientFor(server);
    await client.get(`/environments/${ids.env}/applications`);
    await client.get(`/environments/${ids.adminEnv}/applications`);
    const [first, second] = apiRequests(server);
    expect(first?.method).toBe('GET');
    expect(first?.headers.authorization).toMatch(/^Bearer ey/);
    expect(first?.headers['x-ping-external-transaction-id']).toBe(`${client.runId}-2`);
    expect(second?.headers['x-ping-external-transaction-id']).toBe(`${client.runId}-3`);
    expect(client.requestsByEndpoint()).toEqual({ 'GET /environments/{id}/applications': 2, 'POST /{id}/as/token': 1 });
    expect(server.requests.every((request) => request.method === 'GET' || request.url.endsWith('/as/token'))).toBe(true);
  });

  it('runs work after sending only once every request begun has gone out, not while one waits for its turn', async () => {
    const server = await stubApi(() => ({ body: { ok: true } }));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held: () => void = () => undefined;
    const heldByLimiter = new Promise<void>((resolve) => {
      held = resolve;
    });
    let advance: (ms: number) => Promise<void> = async () => undefined;
    // At 1/s the GET waits a second behind the token request: this sleep holds it there until released.
    const { client, clock } = clientFor(server, {
      maxRps: 1,
      sleep: async (ms) => {
        held();
        await gate;
        await advance(ms);
      },
    });
    advance = clock.sleep;
    const reading = client.get(`/environments/${ids.env}/applications`);
    await heldByLimiter;
    let ran = false;
    const after = client.afterSending(() => {
      ran = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ran).toBe(false);
    release();
    await Promise.all([after, reading]);
    expect(ran).toBe(true);
    expect(apiRequests(server)).toHaveLength(1);
  });

  it('refuses to send the token to another origin: that host receives nothing', async () => {
    const api = await stubApi(() => ({ body: {} }));
    const other = await startStub(() => ({ body: {} }));
    servers.push(other);
    const { client } = clientFor(api);
    await expect(client.get(`${other.origin}/v1/environments`)).rejects.toBeInstanceOf(RefusedRequestError);
    expect(other.requests).toEqual([]);
  });

  it('refuses secret paths before sending anything', async () => {
    const server = await stubApi(() => ({ body: {} }));
    const { client } = clientFor(server);
    await expect(client.get(`/environments/${ids.env}/applications/${ids.client}/secret`)).rejects.toThrow(/never reads/);
    expect(apiRequests(server)).toEqual([]);
  });

  it('honours Retry-After in seconds on a 429 and lowers the shared rate', async () => {
    const server = await stubApi((_, calls) => (calls === 1 ? { status: 429, headers: { 'retry-after': '4' }, body: { code: 'REQUEST_LIMITED' } } : { body: { ok: 1 } }));
    const { client, clock } = clientFor(server);
    await expect(client.get('/environments')).resolves.toEqual({ ok: 1 });
    expect(clock.waits).toContain(4000);
    expect(apiRequests(server)).toHaveLength(2);
  });

  it('retries a refused request in the next free slot, not behind the queue of its environment (a 1-s Retry-After once became 11 s)', async () => {
    const first = `/v1/environments/${ids.env}/applications?limit=1`;
    const server = await stubApi((request, calls) =>
      calls === 1 && request.url === first ? { status: 429, headers: { 'retry-after': '1' }, body: { code: 'REQUEST_LIMITED' } } : { body: {}, delayMs: 20 },
    );
    const { client } = clientFor(server, { concurrency: 1 });
    await client.tokenClaims();
    await Promise.all(['1', '2', '3', '4', '5'].map((limit) => client.get(`/environments/${ids.env}/applications?limit=${limit}`)));
    expect(apiRequests(server).map((request) => request.url.slice(-1))).toEqual(['1', '2', '1', '3', '4', '5']);
  });

  it("waits out a QUOTA_EXCEEDED refusal for that request alone and keeps the rate: the licence's quota is not this client's rate", async () => {
    const quota = {
      code: 'REQUEST_LIMITED',
      message: 'Too many requests.',
      details: [{ code: 'QUOTA_EXCEEDED', message: 'Quota exceeded.', innerError: { quotaLimit: 1000, quotaResetTime: '2026-12-01T00:00:00Z' } }],
    };
    const server = await stubApi((_, calls) => (calls <= 3 ? { status: 429, headers: { 'retry-after': '2' }, body: quota } : { body: { ok: 4 } }));
    const lines: string[] = [];
    const { client, clock } = clientFor(server, { maxRps: 10, log: (line) => lines.push(line) });
    await expect(client.get('/environments')).resolves.toEqual({ ok: 4 });
    expect(clock.waits.filter((wait) => wait === 2000)).toHaveLength(3);
    expect(lines.filter((line) => line.includes('QUOTA_EXCEEDED'))).toHaveLength(3);
    expect(lines.some((line) => line.includes('client rate now'))).toBe(false);
  });

  it('says the client rate only when a refusal changed it', async () => {
    const limited = { status: 429, headers: { 'retry-after': '1' }, body: { code: 'REQUEST_LIMITED' } };
    const server = await stubApi((request, calls) => (calls === 1 && request.url.startsWith('/v1/') ? limited : { body: { ok: 1 } }));
    const lines: string[] = [];
    // One refusal at the known limit is no storm and no trial: the rate stays, and nothing says it changed.
    await clientFor(server, { maxRps: 10, log: (line) => lines.push(line) }).client.get('/environments');
    expect(lines.some((line) => line.includes('retry 1 of'))).toBe(true);
    expect(lines.some((line) => line.includes('client rate now'))).toBe(false);
    // With the limit unknown, the probe's first refusal cuts the rate: that is said.
    const probing = await stubApi((request, calls) => (calls === 1 && request.url.startsWith('/v1/') ? limited : { body: { ok: 1 } }));
    await clientFor(probing, { maxRps: 1000, adaptiveRate: true, log: (line) => lines.push(line) }).client.get('/environments');
    expect(lines.filter((line) => line.includes('client rate now'))).toHaveLength(1);
  });

  it('honours Retry-After as an HTTP-date on a 503', async () => {
    const clockStart = fakeClock().now();
    const date = new Date(clockStart + 9000).toUTCString();
    const server = await stubApi((_, calls) => (calls === 1 ? { status: 503, headers: { 'retry-after': date } } : { body: { ok: 2 } }));
    const { client, clock } = clientFor(server);
    await expect(client.get('/environments')).resolves.toEqual({ ok: 2 });
    expect(clock.waits.some((wait) => wait >= 8000 && wait <= 9000)).toBe(true);
  });

  it('caps a single wait', async () => {
    const server = await stubApi((_, calls) => (calls === 1 ? { status: 429, headers: { 'retry-after': '3600' } } : { body: {} }));
    const { client, clock } = clientFor(server, { retry: { maxDelayMs: 5000 } });
    await client.get('/environments');
    expect(Math.max(...clock.waits)).toBe(5000);
  });

  it('retries 5xx with exponential back-off, then succeeds', async () => {
    const server = await stubApi((_, calls) => (calls <= 3 ? { status: calls === 2 ? 502 : 500, body: { code: 'UNEXPECTED_ERROR' } } : { body: { ok: 3 } }));
    const { client, clock } = clientFor(server);
    await expect(client.get('/roles')).resolves.toEqual({ ok: 3 });
    expect(clock.waits).toEqual([100, 200, 400]);
  });

  it('gives up after the bounded number of attempts with the last error', async () => {
    const server = await stubApi(() => ({ status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: 'Try later' } }));
    const { client } = clientFor(server, { retry: { maxAttempts: 3 } });
    await expect(client.get('/roles')).rejects.toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(apiRequests(server)).toHaveLength(3);
  });

  it('retries a reset connection', async () => {
    const server = await stubApi((_, calls) => (calls === 1 ? { destroy: true } : { body: { ok: 4 } }));
    const { client } = clientFor(server);
    await expect(client.get('/roles')).resolves.toEqual({ ok: 4 });
    expect(apiRequests(server)).toHaveLength(2);
  });

  it('times out a slow answer, retries, and reports a timeout when it stays slow', async () => {
    // Far apart, so that on a loaded machine the token's own round trip stays inside the limit and the answer never does.
    const server = await stubApi(() => ({ delayMs: 3_000, body: {} }));
    const log: string[] = [];
    const { client } = clientFor(server, { timeoutMs: 500, retry: { maxAttempts: 2 }, log: (line) => log.push(line) });
    const error = await client.get('/roles').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'timeout', status: undefined, path: '/roles' });
    // The attempts are counted on the client's side: on a loaded machine an attempt can time out before the
    // stub has read its request, so the stub may see fewer than were sent, never more.
    expect(log.filter((line) => line.includes('retry'))).toEqual([expect.stringContaining('retry 1 of 1')]);
    expect(apiRequests(server).length).toBeLessThanOrEqual(2);
  });

  it('counts the body in the time limit: an answer whose body stalls after the headers times out', async () => {
    const server = await stubApi(() => ({ stallBody: true, body: { _embedded: { roles: [] } } }));
    const { client } = clientFor(server, { timeoutMs: 500, retry: { maxAttempts: 1 } });
    await expect(client.get('/roles')).rejects.toMatchObject({ kind: 'timeout', path: '/roles' });
  });

  it('sends the token form with its length, not chunked', async () => {
    const server = await stubApi(() => ({ body: { ok: true } }));
    await clientFor(server).client.get('/roles');
    const tokenRequest = server.requests.find((request) => request.method === 'POST');
    expect(tokenRequest?.headers['content-length']).toBe(String(Buffer.byteLength(tokenRequest?.body ?? '')));
    expect(tokenRequest?.headers['transfer-encoding']).toBeUndefined();
  });

  it('retries a malformed JSON body a bounded number of times', async () => {
    const truncated = await stubApi((_, calls) => (calls === 1 ? { body: '{"_embedded": {"roles": [' } : { body: { ok: 5 } }));
    await expect(clientFor(truncated).client.get('/roles')).resolves.toEqual({ ok: 5 });

    const broken = await stubApi(() => ({ body: '{"_embedded"' }));
    await expect(clientFor(broken).client.get('/roles')).rejects.toMatchObject({ kind: 'malformed' });
    expect(apiRequests(broken)).toHaveLength(3);
  });

  it('retries a 403 that says the actor is not authorized yet, for a bounded time', async () => {
    const propagation = { status: 403, body: { code: 'ACCESS_FAILED', message: 'The actor attempting to perform the request is not authorized.' } };
    const server = await stubApi((_, calls) => (calls <= 2 ? propagation : { body: { ok: 6 } }));
    const { client, clock } = clientFor(server, { retry: { propagationDelayMs: 1500 } });
    await expect(client.get('/roles')).resolves.toEqual({ ok: 6 });
    expect(clock.waits).toEqual([1500, 1500]);

    const stuck = await stubApi(() => propagation);
    const stuckClient = clientFor(stuck).client;
    await expect(stuckClient.get('/roles')).rejects.toMatchObject({ status: 403 });
    expect(apiRequests(stuck)).toHaveLength(3);
    // After one 403 outlasted its retries, the wording means a missing role: no more waiting on it.
    await expect(stuckClient.get('/environments')).rejects.toMatchObject({ status: 403 });
    expect(apiRequests(stuck)).toHaveLength(4);
  });

  it('surfaces the PingOne error body, and never a header or token', async () => {
    const server = await stubApi(() => ({
      status: 403,
      body: {
        id: 'e7d6c5b4',
        code: 'ACCESS_FAILED',
        message: 'The request could not be completed. You do not have access to this resource.',
        details: [{ code: 'INSUFFICIENT_PERMISSIONS', message: 'Actor does not have permissions to access users' }],
      },
    }));
    const { client } = clientFor(server);
    const error = (await client.get(`/environments/${ids.env}/users`).catch((caught: unknown) => caught)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: 'ACCESS_FAILED', path: `/environments/${ids.env}/users`, errorId: 'e7d6c5b4' });
    expect(error.detailMessages).toEqual(['Actor does not have permissions to access users']);
    expect(error.message).toContain('You do not have access');
    expect(error.message).toContain('Actor does not have permissions to access users');
    expect(apiRequests(server)).toHaveLength(1);
    const token = apiRequests(server)[0]!.headers.authorization!.slice('Bearer '.length);
    const shown = JSON.stringify([error.message, error.summary, error.hint, { ...error }]);
    expect(shown).not.toContain(token);
    expect(shown).not.toContain(clientSecret);
    expect(shown.toLowerCase()).not.toContain('authorization');
  });
});
