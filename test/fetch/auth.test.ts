import { afterEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors.js';
import { createApiClient } from '../../src/fetch/api-client.js';
import { resolveConnectionSettings, type ConnectionFlags } from '../../src/fetch/settings.js';
import { decodeTokenClaims } from '../../src/fetch/token-claims.js';
import { clientSecret, fakeClock, fakeJwt, ids, startStub, type StubReply, type StubRequest, type StubServer } from './stub-server.js';

const servers: StubServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const credentialsEnv = { PINGONE_CLIENT_ID: ids.client, PINGONE_CLIENT_SECRET: clientSecret, PINGONE_ENVIRONMENT_ID: ids.adminEnv };

async function stub(handler: (request: StubRequest) => StubReply) {
  const server = await startStub(handler);
  servers.push(server);
  return server;
}

function clientFor(server: StubServer, flags: ConnectionFlags = {}, env: NodeJS.ProcessEnv = credentialsEnv) {
  const clock = fakeClock();
  const settings = resolveConnectionSettings({ apiUrl: `${server.origin}/v1`, authUrl: server.origin, ...flags }, env);
  return createApiClient(settings, { maxRps: 1000, now: clock.now, sleep: clock.sleep, retry: { baseDelayMs: 1, maxAttempts: 2 } });
}

const tokenRequests = (server: StubServer) => server.requests.filter((request) => request.url.endsWith('/as/token'));

function issuingServer(validTokens: Set<string>) {
  let issued = 0;
  return stub((request) => {
    if (request.url === `/${ids.adminEnv}/as/token`) {
      const token = fakeJwt({ client_id: ids.client, env: ids.adminEnv, org: ids.org, exp: 4_000_000_000, n: ++issued });
      validTokens.add(token);
      return { body: { access_token: token, token_type: 'Bearer', expires_in: 3600 } };
    }
    const token = request.headers.authorization?.slice('Bearer '.length) ?? '';
    return validTokens.has(token) ? { body: { ok: true } } : { status: 401, body: { code: 'ACCESS_FAILED', message: 'The access token is invalid.' } };
  });
}

describe('client credentials', () => {
  it('POSTs grant_type=client_credentials with HTTP Basic by default', async () => {
    const server = await issuingServer(new Set());
    await clientFor(server).get('/roles');
    const [request] = tokenRequests(server);
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.body).toBe('grant_type=client_credentials');
    expect(Buffer.from(request!.headers.authorization!.slice('Basic '.length), 'base64').toString()).toBe(`${ids.client}:${clientSecret}`);
  });

  it('sends the credentials in the form with CLIENT_SECRET_POST', async () => {
    const server = await issuingServer(new Set());
    await clientFor(server, { tokenAuthMethod: 'CLIENT_SECRET_POST' }).get('/roles');
    const [request] = tokenRequests(server);
    expect(request?.headers.authorization).toBeUndefined();
    expect(new URLSearchParams(request!.body).get('client_secret')).toBe(clientSecret);
  });

  it('reuses the token, and renews it once on a 401 before retrying', async () => {
    const valid = new Set<string>();
    const server = await issuingServer(valid);
    const client = clientFor(server);
    await Promise.all([client.get('/roles'), client.get('/environments')]);
    expect(tokenRequests(server)).toHaveLength(1);
    valid.clear(); // every token issued so far is now refused
    await expect(client.get('/roles')).resolves.toEqual({ ok: true });
    expect(tokenRequests(server)).toHaveLength(2);
    expect(server.requests.at(-1)?.url).toBe('/v1/roles');
  });

  // undici refuses such a header value before sending: the run said it could not reach the Management API.
  it.each([`${fakeJwt({ client_id: ids.client })}\r\nX-Injected: 1`, 'tök€n', 'two words'])('refuses an access token that cannot be a bearer token (%j), and sends it nowhere', async (token) => {
    const server = await stub((request) => (request.url.endsWith('/as/token') ? { body: { access_token: token, token_type: 'Bearer', expires_in: 3600 } } : { body: { ok: true } }));
    const refusal = await clientFor(server)
      .get('/roles')
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UserFacingError);
    expect(refusal).toMatchObject({ errorCode: 'token-endpoint-error', message: expect.stringContaining('is not a bearer token (RFC 6750 §2.1 b64token)') });
    expect(String((refusal as Error).message)).not.toContain(token);
    expect(server.requests.filter((request) => !request.url.endsWith('/as/token'))).toEqual([]);
  });

  it('gives up with a 401 when the renewed token is refused too', async () => {
    const server = await stub((request) =>
      request.url.endsWith('/as/token') ? { body: { access_token: fakeJwt({ client_id: ids.client }), expires_in: 3600 } } : { status: 401, body: { code: 'ACCESS_FAILED' } },
    );
    await expect(clientFor(server).get('/roles')).rejects.toMatchObject({ status: 401, hint: expect.stringContaining('freshly issued') });
    expect(tokenRequests(server)).toHaveLength(2);
  });

  it('says what to check when PingOne rejects the client credentials, without the secret', async () => {
    const server = await stub(() => ({ status: 401, body: { error: 'invalid_client', error_description: 'Request denied: Invalid client credentials' } }));
    const error = (await clientFor(server)
      .get('/roles')
      .catch((caught: unknown) => caught)) as UserFacingError;
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.message).toContain("PingOne rejected the client credentials: check client id / secret / environment id (the worker app's environment) and the token endpoint auth method");
    expect(`${error.message} ${error.hint}`).not.toContain(clientSecret);
    expect(server.requests.filter((request) => request.url.startsWith('/v1/'))).toEqual([]);
  });

  it('names the token URL, not the secret, when the auth host cannot be reached', async () => {
    const server = await stub(() => ({ body: {} }));
    const settings = resolveConnectionSettings({ apiUrl: `${server.origin}/v1`, authUrl: 'http://127.0.0.1:9' }, credentialsEnv);
    const client = createApiClient(settings, { retry: { maxAttempts: 1 } });
    const error = (await client.get('/roles').catch((caught: unknown) => caught)) as UserFacingError;
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.message).toContain(`Cannot reach the PingOne token endpoint http://127.0.0.1:9/${ids.adminEnv}/as/token`);
    expect(`${error.message} ${error.hint}`).not.toContain(clientSecret);
  });
});

describe('ready access token', () => {
  it('is sent as is, and a 401 says it cannot be renewed', async () => {
    const token = fakeJwt({ client_id: ids.client, exp: 1 });
    const server = await stub(() => ({ status: 401, body: { code: 'ACCESS_FAILED' } }));
    const client = clientFor(server, {}, { PINGONE_API_ACCESS_TOKEN: token });
    await expect(client.get('/roles')).rejects.toThrow(/cannot be renewed/);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
  });
});

describe('decodeTokenClaims', () => {
  it('reads a client-credentials token as the application model', () => {
    const claims = decodeTokenClaims(fakeJwt({ client_id: ids.client, env: ids.adminEnv, org: ids.org, exp: 1_800_000_000 }));
    expect(claims).toEqual({
      clientId: ids.client,
      environmentId: ids.adminEnv,
      organizationId: ids.org,
      expiresAt: '2027-01-15T08:00:00.000Z',
      authorizationModel: 'application',
    });
  });

  it('reads a user grant (sub differs from the client, or user-only claims) as the user model', () => {
    const userId = '55555555-5555-4555-8555-555555555555';
    expect(decodeTokenClaims(fakeJwt({ client_id: ids.client, sub: userId, iss: `https://auth.pingone.com/${ids.adminEnv}/as` }))).toMatchObject({
      authorizationModel: 'user',
      subject: userId,
      environmentId: ids.adminEnv,
    });
    expect(decodeTokenClaims(fakeJwt({ client_id: ids.client, sub: ids.client, auth_time: 1 })).authorizationModel).toBe('user');
    expect(decodeTokenClaims(fakeJwt({ client_id: ids.client, sub: ids.client })).authorizationModel).toBe('application');
  });

  it('refuses something that is not a JWT', () => {
    expect(() => decodeTokenClaims('opaque-token')).toThrow(UserFacingError);
    // The token may come from the token endpoint as well as from PINGONE_API_ACCESS_TOKEN: the hint speaks of both.
    expect(() => decodeTokenClaims('opaque-token')).toThrow(expect.objectContaining({ hint: expect.stringContaining('PINGONE_AUTH_URL') }));
  });
});
