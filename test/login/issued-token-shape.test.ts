import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors.js';
import { resolveConnectionSettings, signIn, type ConnectionFlags } from '../../src/fetch/index.js';
import { cacheIdentity, writeTokenCache } from '../../src/fetch/login/token-cache.js';
import { Secret } from '../../src/fetch/secret.js';
import { clientSecret, fakeJwt, ids, startStub, type StubReply, type StubRequest, type StubServer } from '../fetch/stub-server.js';
import { temporaryFolder } from '../helpers/temporary-folder.js';
import { freePort } from './login-fixture.js';

const servers: StubServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

// A token endpoint (or a proxy before it) answering this made undici refuse the Authorization header: "cannot reach the API".
const brokenToken = `${clientSecret}\r\nX-Injected: 1`;
const goodToken = fakeJwt({ sub: 'reviewer', env: ids.adminEnv, org: ids.org, exp: 4_000_000_000 });
const tokenPath = `/${ids.adminEnv}/as/token`;

/** A PingOne auth server that starts device sign-ins and answers every token request with `accessToken`. */
async function authServer(accessToken: string) {
  const server = await startStub((request: StubRequest): StubReply => {
    if (request.url === `/${ids.adminEnv}/as/device_authorization`) {
      return { body: { device_code: 'device-code', user_code: 'BCDF-GHJK', verification_uri: 'https://auth.example/activate', expires_in: 600, interval: 1 } };
    }
    if (request.url === tokenPath) return { body: { access_token: accessToken, refresh_token: 'refresh-token', token_type: 'Bearer', expires_in: 3600 } };
    return { status: 404, body: {} };
  });
  servers.push(server);
  return server;
}

function settingsFor(server: StubServer, flags: ConnectionFlags) {
  return resolveConnectionSettings({ clientId: ids.client, environmentId: ids.adminEnv, apiUrl: `${server.origin}/v1`, authUrl: server.origin, ...flags }, {});
}

/** Settings for a device sign-in whose token cache already holds `accessToken` (with a refresh token) until `expiresAt`. */
function deviceSignInWithCache(server: StubServer, accessToken: string, expiresAt: number) {
  const settings = settingsFor(server, { auth: 'device-code', tokenCache: path.join(temporaryFolder('pingone-audit-token-shape-'), 'tokens.json') });
  if (settings.credentials.kind !== 'userSignIn' || settings.credentials.tokenCache === undefined) throw new Error('expected a device sign-in with a token cache');
  writeTokenCache(settings.credentials.tokenCache, cacheIdentity(settings.authUrl, settings.credentials), {
    accessToken: new Secret(accessToken),
    refreshToken: new Secret('refresh-token'),
    expiresAt,
  });
  return settings;
}

/** Plays the browser: follows the authorize URL straight to the loopback redirect with a code and the state sent. */
async function approveInBrowser(url: string): Promise<boolean> {
  const authorize = new URL(url);
  const callback = new URL(authorize.searchParams.get('redirect_uri') ?? '');
  callback.searchParams.set('code', 'authorization-code');
  callback.searchParams.set('state', authorize.searchParams.get('state') ?? '');
  await (await fetch(callback)).text();
  return true;
}

function expectTokenEndpointFault(failure: unknown, server: StubServer, said: string[]) {
  expect(failure).toBeInstanceOf(UserFacingError);
  expect(failure).toMatchObject({
    errorCode: 'token-endpoint-error',
    message: `The PingOne token endpoint ${server.origin}${tokenPath} answered with an access token that is not a bearer token (RFC 6750 §2.1 b64token): it holds a line break at character ${clientSecret.length + 1}.`,
  });
  const error = failure as UserFacingError;
  expect(`${error.message} ${error.hint} ${said.join('')}`).not.toContain(clientSecret);
}

describe('an access token a sign-in receives that cannot be a bearer token', () => {
  it('is the token endpoint’s fault in a device sign-in', async () => {
    const server = await authServer(brokenToken);
    const said: string[] = [];
    const failure = await signIn(settingsFor(server, { auth: 'device-code' }), { write: (text) => said.push(text), sleep: async () => undefined }).catch((error: unknown) => error);
    expectTokenEndpointFault(failure, server, said);
  });

  it('is the token endpoint’s fault in an authorization code sign-in', async () => {
    const server = await authServer(brokenToken);
    const said: string[] = [];
    const settings = settingsFor(server, { auth: 'authorization-code', redirectPort: await freePort() });
    const failure = await signIn(settings, { openBrowser: approveInBrowser, write: (text) => said.push(text) }).catch((error: unknown) => error);
    expectTokenEndpointFault(failure, server, said);
  });

  it('is the token endpoint’s fault when a refresh token renews the sign-in', async () => {
    const server = await authServer(brokenToken);
    // An expired cached sign-in with a refresh token: signIn renews it first, and signs in afresh only if that fails.
    const settings = deviceSignInWithCache(server, goodToken, 0);
    const said: string[] = [];
    const failure = await signIn(settings, { write: (text) => said.push(text), sleep: async () => undefined }).catch((error: unknown) => error);
    expectTokenEndpointFault(failure, server, said);
    expect(said.join('')).toContain('The cached sign-in could not be renewed; signing in again.');
    expect(server.requests.filter((request) => request.url === tokenPath).map((request) => new URLSearchParams(request.body).get('grant_type'))).toEqual([
      'refresh_token',
      'urn:ietf:params:oauth:grant-type:device_code',
    ]);
  });

  it('in the token cache is renewed with the refresh token, not sent', async () => {
    const server = await authServer(goodToken);
    const settings = deviceSignInWithCache(server, brokenToken, 4_000_000_000_000);
    const session = await signIn(settings, { write: () => undefined, sleep: async () => undefined });
    expect(session.accessToken.reveal()).toBe(goodToken);
    expect(server.requests.map((request) => new URLSearchParams(request.body).get('grant_type'))).toEqual(['refresh_token']);
  });
});
