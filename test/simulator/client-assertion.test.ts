import { createHmac, randomUUID, sign, type KeyObject } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Dataset, type RunningSimulator } from '../../src/simulator/index.js';
import { applicationNamed, demoDataset, requestToken } from './simulator-client.js';
import { testRsaKeys } from '../helpers/test-keys.js';

// Written here from RFC 7515/7523 rather than imported from src/fetch: the simulator must be checked by a second reading.
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
function rs256(claims: object, key: KeyObject, kid = 'scanner'): string {
  const input = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}
function hs256(claims: object, secret: string): string {
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const keys = testRsaKeys();
const otherKeys = testRsaKeys('other');

let simulator: RunningSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

/** The demo's auditor worker switched to PRIVATE_KEY_JWT with our public key, and its secret gone from the dataset. */
function keyedDataset(): { dataset: Dataset; clientId: string; environmentId: string; secret: string } {
  const dataset = demoDataset();
  const app = applicationNamed(dataset, 'pingone-audit');
  app.tokenEndpointAuthMethod = 'PRIVATE_KEY_JWT';
  app.jwks = JSON.stringify({ keys: [{ ...keys.publicKey.export({ format: 'jwk' }), kid: 'scanner', use: 'sig', alg: 'RS256' }] });
  const credential = dataset.credentials.find((candidate) => candidate.clientId === app.id)!;
  return { dataset, clientId: app.id, environmentId: credential.environmentId, secret: credential.clientSecret };
}

async function postAssertion(sim: RunningSimulator, environmentId: string, assertion: string, extra: Record<string, string> = {}) {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
    ...extra,
  });
  const response = await fetch(`${sim.authUrl}/${environmentId}/as/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function claimsFor(sim: RunningSimulator, clientId: string, environmentId: string, change: Record<string, unknown> = {}) {
  const iat = Math.floor(Date.now() / 1000);
  return { iss: clientId, sub: clientId, aud: `${sim.authUrl}/${environmentId}/as/token`, iat, exp: iat + 60, jti: randomUUID(), ...change };
}

describe('the token endpoint with client assertions', () => {
  it('issues a token for a PRIVATE_KEY_JWT assertion signed with the registered key (token endpoint or issuer as aud)', async () => {
    const { dataset, clientId, environmentId } = keyedDataset();
    simulator = await startSimulator({ dataset });
    const accepted = await postAssertion(simulator, environmentId, rs256(claimsFor(simulator, clientId, environmentId), keys.privateKey), { client_id: clientId });
    expect(accepted.status).toBe(200);
    expect(typeof accepted.body.access_token).toBe('string');
    const issuer = await postAssertion(simulator, environmentId, rs256(claimsFor(simulator, clientId, environmentId, { aud: `${simulator.authUrl}/${environmentId}/as` }), keys.privateKey));
    expect(issuer.status).toBe(200);
  });

  it.each([
    ['a wrong audience', (sim: RunningSimulator, env: string) => ({ aud: `${sim.authUrl}/${env}/as/introspect-elsewhere` }), 'audience'],
    ['another environment as audience', (sim: RunningSimulator) => ({ aud: `${sim.authUrl}/00000000-0000-4000-8000-000000000000/as/token` }), 'audience'],
    ['an expired assertion', () => ({ exp: Math.floor(Date.now() / 1000) - 5 }), 'expired'],
    ['one that expires more than an hour ahead', () => ({ exp: Math.floor(Date.now() / 1000) + 7200 }), 'more than an hour'],
    ['a subject other than the client', () => ({ sub: '00000000-0000-4000-8000-000000000000' }), 'iss and sub'],
  ])('refuses %s', async (_name, change, said) => {
    const { dataset, clientId, environmentId } = keyedDataset();
    simulator = await startSimulator({ dataset });
    const refused = await postAssertion(simulator, environmentId, rs256(claimsFor(simulator, clientId, environmentId, change(simulator, environmentId)), keys.privateKey));
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe('invalid_client');
    expect(refused.body.error_description).toContain(said);
  });

  it('refuses an assertion signed by another key, or carrying no kid match', async () => {
    const { dataset, clientId, environmentId } = keyedDataset();
    simulator = await startSimulator({ dataset });
    const other = await postAssertion(simulator, environmentId, rs256(claimsFor(simulator, clientId, environmentId), otherKeys.privateKey));
    expect(other).toMatchObject({ status: 401, body: { error: 'invalid_client', error_description: 'The client assertion signature is invalid.' } });
    const wrongKid = await postAssertion(simulator, environmentId, rs256(claimsFor(simulator, clientId, environmentId), keys.privateKey, 'another-kid'));
    expect(wrongKid.status).toBe(401);
  });

  it('refuses an unsigned assertion (alg none) and one whose alg does not match the key type', async () => {
    const { dataset, clientId, environmentId } = keyedDataset();
    simulator = await startSimulator({ dataset });
    const claims = claimsFor(simulator, clientId, environmentId);
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    expect((await postAssertion(simulator, environmentId, unsigned)).status).toBe(401);
    const signed = rs256(claimsFor(simulator, clientId, environmentId), keys.privateKey).split('.');
    const relabelled = `${b64({ alg: 'ES256', typ: 'JWT', kid: 'scanner' })}.${signed[1]}.${signed[2]}`;
    expect((await postAssertion(simulator, environmentId, relabelled)).body.error_description).toBe('The client assertion signature is invalid.');
  });

  it('refuses a replayed assertion (same jti)', async () => {
    const { dataset, clientId, environmentId } = keyedDataset();
    simulator = await startSimulator({ dataset });
    const assertion = rs256(claimsFor(simulator, clientId, environmentId), keys.privateKey);
    expect((await postAssertion(simulator, environmentId, assertion)).status).toBe(200);
    const replayed = await postAssertion(simulator, environmentId, assertion);
    expect(replayed).toMatchObject({ status: 401, body: { error_description: 'The client assertion was already used.' } });
  });

  it('refuses any secret for an app configured for PRIVATE_KEY_JWT, and an HS256 assertion made with it', async () => {
    const { dataset, clientId, environmentId, secret } = keyedDataset();
    simulator = await startSimulator({ dataset });
    for (const method of ['basic', 'post'] as const) {
      const response = await requestToken(simulator, { clientId, clientSecret: secret, environmentId }, method);
      expect(response.status).toBe(401);
    }
    const hmac = await postAssertion(simulator, environmentId, hs256(claimsFor(simulator, clientId, environmentId), secret));
    expect(hmac.status).toBe(401);
    expect(hmac.body.error_description).toContain('does not fit');
  });

  it('refuses an assertion sent together with a secret', async () => {
    const { dataset, clientId, environmentId, secret } = keyedDataset();
    simulator = await startSimulator({ dataset });
    const both = await postAssertion(simulator, environmentId, rs256(claimsFor(simulator, clientId, environmentId), keys.privateKey), { client_id: clientId, client_secret: secret });
    expect(both).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });

  it('accepts CLIENT_SECRET_JWT signed with the secret, refuses one signed with another secret and plain secrets', async () => {
    const dataset = demoDataset();
    const app = applicationNamed(dataset, 'pingone-audit');
    app.tokenEndpointAuthMethod = 'CLIENT_SECRET_JWT';
    const credential = dataset.credentials.find((candidate) => candidate.clientId === app.id)!;
    simulator = await startSimulator({ dataset });
    const claims = () => claimsFor(simulator!, app.id, credential.environmentId);
    expect((await postAssertion(simulator, credential.environmentId, hs256(claims(), credential.clientSecret))).status).toBe(200);
    expect((await postAssertion(simulator, credential.environmentId, hs256(claims(), 'not-the-secret'))).status).toBe(401);
    expect((await requestToken(simulator, credential, 'basic')).status).toBe(401);
  });
});
