import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import type { ApiApplication } from '../../src/simulator/api-types.js';
import { apiGet, applicationNamed, demoDataset } from './simulator-client.js';
import { datasetWithReviewerApp, REVIEWER_APP_ID, reviewerIds } from './reviewer-app.js';

const REDIRECT = 'http://127.0.0.1:7464/callback';
const verifier = 'a-verifier-of-at-least-forty-three-characters-0123456789';
const challenge = createHash('sha256').update(verifier).digest('base64url');

let simulator: RunningSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function start({ app, ...options }: { now?: () => number; app?: Partial<ApiApplication> } = {}) {
  const dataset = datasetWithReviewerApp(7464, app);
  simulator = await startSimulator({ dataset, ...options });
  return { simulator, ids: reviewerIds(dataset), dataset };
}

function authorizeUrl(sim: RunningSimulator, env: string, params: Record<string, string>): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: REVIEWER_APP_ID,
    redirect_uri: REDIRECT,
    scope: 'openid',
    state: 'st-1',
    nonce: 'n-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...params,
  });
  return `${sim.authUrl}/${env}/as/authorize?${query}`;
}

async function authorize(url: string): Promise<{ status: number; location: URL | undefined; body: string }> {
  const response = await fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  return { status: response.status, location: location === null ? undefined : new URL(location), body: await response.text() };
}

async function token(sim: RunningSimulator, env: string, form: Record<string, string>) {
  const response = await fetch(`${sim.authUrl}/${env}/as/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: REVIEWER_APP_ID, ...form }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string | number> };
}

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('GET /{envId}/as/authorize and the authorization code grant', () => {
  it('signs the login_hint user in, echoes state, and redeems the code once, with the PKCE verifier, for a user token', async () => {
    const { simulator: sim, ids } = await start();
    const answer = await authorize(authorizeUrl(sim, ids.adminEnv, { login_hint: 'bruno.costa' }));
    expect(answer.status).toBe(302);
    expect(`${answer.location!.origin}${answer.location!.pathname}`).toBe(REDIRECT);
    expect(answer.location!.searchParams.get('state')).toBe('st-1');
    const code = answer.location!.searchParams.get('code')!;
    const redeemed = await token(sim, ids.adminEnv, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier });
    expect(redeemed.status).toBe(200);
    expect(claimsOf(String(redeemed.body.access_token))).toMatchObject({ sub: ids.bruno, client_id: REVIEWER_APP_ID, env: ids.adminEnv });
    expect(claimsOf(String(redeemed.body.id_token))).toMatchObject({ sub: ids.bruno, nonce: 'n-1', aud: REVIEWER_APP_ID });
    expect(typeof redeemed.body.refresh_token).toBe('string');
    expect(sim.requestLog.at(-1)?.actor).toBe(`user:${ids.bruno}`);
    const again = await token(sim, ids.adminEnv, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier });
    expect(again.body.error).toBe('invalid_grant');
  });

  it('refuses a missing or wrong PKCE verifier with invalid_grant', async () => {
    const { simulator: sim, ids } = await start();
    sim.signInAs('gabriel.reyes');
    for (const form of [{}, { code_verifier: `${verifier}x` }] as Array<Record<string, string>>) {
      const code = (await authorize(authorizeUrl(sim, ids.adminEnv, {}))).location!.searchParams.get('code');
      expect(code).toMatch(/^[\w-]{43}$/);
      const redeemed = await token(sim, ids.adminEnv, { grant_type: 'authorization_code', code: code!, redirect_uri: REDIRECT, ...form });
      expect(redeemed.status).toBe(400);
      expect(redeemed.body.error).toBe('invalid_grant');
    }
  });

  it('answers a redirect URI that is not an exact match itself, and sends PKCE and sign-in refusals back with state', async () => {
    const { simulator: sim, ids } = await start();
    for (const redirect of [`${REDIRECT}/`, 'http://127.0.0.1:7465/callback', 'http://localhost:7464/callback']) {
      const answer = await authorize(authorizeUrl(sim, ids.adminEnv, { redirect_uri: redirect, login_hint: ids.alice }));
      expect(answer.status, redirect).toBe(400);
      expect(answer.location).toBeUndefined();
    }
    const plain = await authorize(authorizeUrl(sim, ids.adminEnv, { code_challenge_method: 'plain', code_challenge: verifier, login_hint: ids.alice }));
    expect(plain.location!.searchParams.get('error')).toBe('invalid_request');
    expect(plain.location!.searchParams.get('state')).toBe('st-1');
    // No user signed in: prompt=none forbids the sign-in page (OpenID Connect Core §3.1.2.6).
    const nobody = await authorize(authorizeUrl(sim, ids.adminEnv, { prompt: 'none' }));
    expect(nobody.location!.searchParams.get('error')).toBe('login_required');
    const disabled = await authorize(authorizeUrl(sim, ids.adminEnv, { login_hint: 'farah.haddad' }));
    expect(disabled.location!.searchParams.get('error_description')).toBe('The user is disabled.');
  });

  it('applies the app’s access control: ADMIN_USERS_ONLY keeps out a user with no admin role', async () => {
    const dataset = demoDataset();
    const stackOne = applicationNamed(dataset, 'StackOne');
    stackOne.tokenEndpointAuthMethod = 'NONE';
    stackOne.redirectUris = [REDIRECT];
    simulator = await startSimulator({ dataset });
    const prod = dataset.environments[1]!.environment.id;
    const query = new URLSearchParams({ response_type: 'code', client_id: stackOne.id, redirect_uri: REDIRECT, state: 's', login_hint: 'olivia.brown' });
    const refused = await authorize(`${simulator.authUrl}/${prod}/as/authorize?${query}`);
    expect(refused.location!.searchParams.get('error')).toBe('access_denied');
    query.set('login_hint', 'priya.raman');
    expect((await authorize(`${simulator.authUrl}/${prod}/as/authorize?${query}`)).location!.searchParams.get('code')).toBeTruthy();
  });

  it('rotates refresh tokens: the new one works, the old one is dead', async () => {
    const { simulator: sim, ids } = await start();
    const code = (await authorize(authorizeUrl(sim, ids.adminEnv, { login_hint: ids.alice }))).location!.searchParams.get('code')!;
    const first = await token(sim, ids.adminEnv, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier });
    const refreshed = await token(sim, ids.adminEnv, { grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token) });
    expect(refreshed.status).toBe(200);
    expect(claimsOf(String(refreshed.body.access_token)).sub).toBe(ids.alice);
    expect((await token(sim, ids.adminEnv, { grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token) })).body.error).toBe('invalid_grant');
  });

  it('ends a refresh token after the app’s refreshTokenDuration, and a rotated one at refreshTokenRollingDuration after the sign-in', async () => {
    let clock = Date.now();
    const { simulator: sim, ids } = await start({ now: () => clock, app: { refreshTokenDuration: 60, refreshTokenRollingDuration: 100 } });
    const signIn = async () => {
      const code = (await authorize(authorizeUrl(sim, ids.adminEnv, { login_hint: ids.alice }))).location!.searchParams.get('code')!;
      const redeemed = await token(sim, ids.adminEnv, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier });
      return { signedInAt: Math.floor(clock / 1000), refreshToken: String(redeemed.body.refresh_token) };
    };
    const refresh = (refreshToken: string) => token(sim, ids.adminEnv, { grant_type: 'refresh_token', refresh_token: refreshToken });

    const unused = await signIn();
    clock += 60_000;
    expect((await refresh(unused.refreshToken)).body).toMatchObject({ error: 'invalid_grant', error_description: 'The refresh token is invalid, expired or already used.' });

    const first = await signIn();
    clock += 59_000;
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(claimsOf(String(second.body.id_token)).auth_time).toBe(first.signedInAt);
    // 59 s in, the rotated token gets 60 s more, but the rolling duration ends the chain 100 s after the sign-in.
    clock += 40_000;
    const third = await refresh(String(second.body.refresh_token));
    expect(third.status).toBe(200);
    clock += 1000;
    expect((await refresh(String(third.body.refresh_token))).body.error).toBe('invalid_grant');
  });
});

describe('POST /{envId}/as/device_authorization and the device code grant', () => {
  it('answers authorization_pending, slow_down (+5 s) when polled too fast, then the approved user’s token', async () => {
    let clock = Date.now();
    const { simulator: sim, ids } = await start({ now: () => clock });
    const response = await fetch(`${sim.authUrl}/${ids.adminEnv}/as/device_authorization`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `client_id=${REVIEWER_APP_ID}&scope=openid`,
    });
    const started = (await response.json()) as { device_code: string; user_code: string; interval: number; verification_uri: string };
    expect(started).toMatchObject({ interval: 5, verification_uri: `${sim.authUrl}/${ids.adminEnv}/device` });
    expect(started.user_code).toMatch(/^[B-Z]{4}-[B-Z]{4}$/);
    const poll = () => token(sim, ids.adminEnv, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: started.device_code });

    clock += 5000;
    expect((await poll()).body.error).toBe('authorization_pending');
    clock += 1000;
    expect((await poll()).body.error).toBe('slow_down');
    clock += 5000; // the interval is now 10 s
    expect((await poll()).body.error).toBe('slow_down');
    clock += 15_000;
    sim.approveDevice(started.user_code, 'dana.okafor');
    const approved = await poll();
    expect(approved.status).toBe(200);
    expect(claimsOf(String(approved.body.access_token)).sub).toBe(ids.dana);
    expect((await apiGet(sim, String(approved.body.access_token), `/environments/${ids.prodEnv}/signOnPolicies`)).status).toBe(200);
    expect((await poll()).body.error).toBe('invalid_grant');
  });

  it('answers access_denied and expired_token', async () => {
    let clock = Date.now();
    const { simulator: sim, ids } = await start({ now: () => clock });
    const begin = async () =>
      (await (
        await fetch(`${sim.authUrl}/${ids.adminEnv}/as/device_authorization`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `client_id=${REVIEWER_APP_ID}`,
        })
      ).json()) as { device_code: string; user_code: string };
    const poll = (deviceCode: string) => token(sim, ids.adminEnv, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: deviceCode });
    const denied = await begin();
    sim.denyDevice(denied.user_code);
    clock += 5000;
    expect((await poll(denied.device_code)).body.error).toBe('access_denied');
    const expired = await begin();
    clock += 601_000;
    expect((await poll(expired.device_code)).body.error).toBe('expired_token');
    expect(() => sim.approveDevice('NOPE-NOPE', 'alice.nakamura')).toThrow(/no device authorization/);
  });
});
