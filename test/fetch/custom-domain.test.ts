import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, resolveConnectionSettings } from '../../src/fetch/index.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { applicationNamed, demoDataset } from '../simulator/simulator-client.js';
import { testRsaKeys } from '../helpers/test-keys.js';
import { temporaryFolder } from '../helpers/temporary-folder.js';

let simulator: RunningSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

describe('signing in through a custom domain (the simulator standing in for it)', () => {
  it('gets a token at <domain>/as/token with a secret and with a private key whose assertion names that URL', async () => {
    const dataset = demoDataset();
    const auditor = applicationNamed(dataset, 'pingone-audit');
    const credential = dataset.credentials.find((candidate) => candidate.clientId === auditor.id)!;
    const keyed = applicationNamed(dataset, 'Nightly Export');
    const keys = testRsaKeys();
    keyed.tokenEndpointAuthMethod = 'PRIVATE_KEY_JWT';
    keyed.jwks = JSON.stringify({ keys: [keys.publicKey.export({ format: 'jwk' })] });
    const keyFile = path.join(temporaryFolder('pingone-audit-domain-'), 'key.pem');
    writeFileSync(keyFile, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, { mode: 0o600 });
    const keyedEnvironment = dataset.credentials.find((candidate) => candidate.clientId === keyed.id)!.environmentId;

    simulator = await startSimulator({ dataset, customDomainEnvironmentId: credential.environmentId });
    const withSecret = resolveConnectionSettings(
      { apiUrl: simulator.apiUrl, customDomain: simulator.authUrl, clientId: credential.clientId, environmentId: credential.environmentId },
      { PINGONE_CLIENT_SECRET: credential.clientSecret },
    );
    const client = createApiClient(withSecret, { maxRps: 1000 });
    await client.get('/roles');
    await client.close();
    expect(simulator.requestLog.filter((entry) => entry.method === 'POST').map((entry) => [entry.path, entry.status])).toEqual([['/as/token', 200]]);

    // The custom domain belongs to one environment: a worker of another one is not known there.
    const other = resolveConnectionSettings({ apiUrl: simulator.apiUrl, customDomain: simulator.authUrl, clientId: keyed.id, environmentId: keyedEnvironment, privateKeyFile: keyFile }, {});
    const otherClient = createApiClient(other, { maxRps: 1000 });
    await expect(otherClient.get('/roles')).rejects.toThrow(/rejected the client credentials/);
    await otherClient.close();
  });

  it('accepts a PRIVATE_KEY_JWT assertion whose aud is the custom domain token URL', async () => {
    const dataset = demoDataset();
    const auditor = applicationNamed(dataset, 'pingone-audit');
    const credential = dataset.credentials.find((candidate) => candidate.clientId === auditor.id)!;
    const keys = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    auditor.tokenEndpointAuthMethod = 'PRIVATE_KEY_JWT';
    auditor.jwks = JSON.stringify({ keys: [keys.publicKey.export({ format: 'jwk' })] });
    const keyFile = path.join(temporaryFolder('pingone-audit-domain-'), 'key.pem');
    writeFileSync(keyFile, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, { mode: 0o600 });
    simulator = await startSimulator({ dataset, customDomainEnvironmentId: credential.environmentId });
    const settings = resolveConnectionSettings(
      { apiUrl: simulator.apiUrl, customDomain: simulator.authUrl, clientId: auditor.id, environmentId: credential.environmentId, privateKeyFile: keyFile },
      {},
    );
    const client = createApiClient(settings, { maxRps: 1000 });
    expect(await client.get('/roles')).toBeDefined();
    await client.close();
    expect(simulator.requestLog.find((entry) => entry.method === 'POST')).toMatchObject({ path: '/as/token', status: 200 });
  });
});
