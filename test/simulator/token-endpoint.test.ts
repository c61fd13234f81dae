import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../src/simulator/index.js';
import { apiGet, applicationNamed, demoDataset, environmentNamed, requestToken } from './simulator-client.js';
import { startSimulator } from '../../src/simulator/index.js';

let simulator: RunningSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

function decodeClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('POST /{envId}/as/token', () => {
  it('issues a worker token with CLIENT_SECRET_BASIC, carrying PingOne claims', async () => {
    const dataset = demoDataset();
    simulator = await startSimulator({ dataset });
    const credential = dataset.credentials.find((c) => c.clientId === applicationNamed(dataset, 'pingone-audit').id)!;
    const response = await requestToken(simulator, credential, 'basic');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(3600);
    const claims = decodeClaims(body.access_token);
    expect(claims).toMatchObject({
      client_id: credential.clientId,
      iss: `${simulator.authUrl}/${credential.environmentId}/as`,
      aud: ['https://api.pingone.com'],
      env: credential.environmentId,
      org: dataset.organization.id,
    });
    expect(claims.exp).toBe((claims.iat as number) + 3600);
    expect(typeof claims.jti).toBe('string');
    expect(claims.sub).toBeUndefined();
    expect(simulator.requestLog.at(-1)).toMatchObject({ method: 'POST', status: 200, actor: `application:${credential.clientId}` });
  });

  it('issues a token with CLIENT_SECRET_POST to an app configured for it', async () => {
    const dataset = demoDataset();
    simulator = await startSimulator({ dataset });
    const app = applicationNamed(dataset, 'PingDataSync');
    expect(app.tokenEndpointAuthMethod).toBe('CLIENT_SECRET_POST');
    const credential = dataset.credentials.find((c) => c.clientId === app.id)!;
    expect((await requestToken(simulator, credential, 'post')).status).toBe(200);
  });

  it('refuses the auth method the app is not configured for', async () => {
    const dataset = demoDataset();
    simulator = await startSimulator({ dataset });
    const credential = dataset.credentials.find((c) => c.clientId === applicationNamed(dataset, 'PingDataSync').id)!;
    const response = await requestToken(simulator, credential, 'basic');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses a wrong secret and an unknown client with invalid_client', async () => {
    const dataset = demoDataset();
    simulator = await startSimulator({ dataset });
    const credential = dataset.credentials[0]!;
    const wrong = await requestToken(simulator, { ...credential, clientSecret: 'not-the-secret' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
    const unknown = await requestToken(simulator, { ...credential, clientId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(401);
  });

  it('refuses a token for the right client asked at another environment', async () => {
    const dataset = demoDataset();
    simulator = await startSimulator({ dataset });
    const credential = dataset.credentials[0]!;
    const other = environmentNamed(dataset, 'Production').environment.id;
    expect((await requestToken(simulator, { ...credential, environmentId: other })).status).toBe(401);
  });

  it('refuses a disabled app', async () => {
    const dataset = demoDataset();
    const app = applicationNamed(dataset, 'pingone-audit');
    app.enabled = false;
    simulator = await startSimulator({ dataset });
    const response = await requestToken(simulator, dataset.credentials.find((c) => c.clientId === app.id)!);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client', error_description: 'The application is disabled.' });
  });

  it('answers unauthorized_client to an app without the client_credentials grant', async () => {
    const dataset = demoDataset();
    const app = applicationNamed(dataset, 'pingone-audit');
    app.grantTypes = ['AUTHORIZATION_CODE'];
    simulator = await startSimulator({ dataset });
    const response = await requestToken(simulator, dataset.credentials.find((c) => c.clientId === app.id)!);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unauthorized_client' });
  });

  it('answers unsupported_grant_type and refuses GET with 405', async () => {
    const dataset = demoDataset();
    simulator = await startSimulator({ dataset });
    const credential = dataset.credentials[0]!;
    const password = await fetch(`${simulator.authUrl}/${credential.environmentId}/as/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=a&password=b',
    });
    expect(password.status).toBe(400);
    expect(await password.json()).toMatchObject({ error: 'unsupported_grant_type' });
    const get = await fetch(`${simulator.authUrl}/${credential.environmentId}/as/token`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('rejects expired and tampered tokens on the API with 401 INVALID_TOKEN', async () => {
    const dataset = demoDataset();
    let clock = Date.parse('2026-01-01T00:00:00Z');
    simulator = await startSimulator({ dataset, tokenLifetimeSeconds: 60, now: () => clock });
    const credential = dataset.credentials.find((c) => c.clientId === applicationNamed(dataset, 'pingone-audit').id)!;
    const token = ((await (await requestToken(simulator, credential)).json()) as { access_token: string }).access_token;
    expect((await apiGet(simulator, token, '/environments')).status).toBe(200);

    const [header, , signature] = token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...decodeClaims(token), org: 'other' })).toString('base64url')}.${signature}`;
    const tampered = await apiGet(simulator, forged, '/environments');
    expect(tampered.status).toBe(401);
    expect(tampered.body).toMatchObject({ code: 'ACCESS_FAILED', details: [{ code: 'INVALID_TOKEN' }] });

    clock += 61_000;
    const expired = await apiGet(simulator, token, '/environments');
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ code: 'ACCESS_FAILED', details: [{ code: 'INVALID_TOKEN' }] });
    expect(typeof expired.body.id).toBe('string');
  });

  it('issues user tokens for tests, with sub', async () => {
    const dataset = demoDataset();
    simulator = await startSimulator({ dataset });
    const user = dataset.environments[1]!.users[0]!;
    const app = applicationNamed(dataset, 'StackOne');
    const claims = decodeClaims(simulator.issueUserToken(user.id, app.id));
    expect(claims).toMatchObject({ sub: user.id, client_id: app.id, env: dataset.environments[1]!.environment.id });
    expect(() => simulator!.issueUserToken('nobody', app.id)).toThrow();
  });
});
