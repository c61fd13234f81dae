import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { runCli } from '../helpers/run-cli.js';

let work: string;
let simulator: RunningSimulator;
let env: Record<string, string>;
let pem: string;
let secrets: string[];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-pkjwt-'));
  const dataset = structuredClone(loadDataset('demo'));
  const auditor = dataset.credentials[0]!;
  const app = dataset.environments.flatMap((entry) => entry.applications).find((candidate) => candidate.id === auditor.clientId)!;
  const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  app.tokenEndpointAuthMethod = 'PRIVATE_KEY_JWT';
  app.jwks = JSON.stringify({ keys: [{ ...keys.publicKey.export({ format: 'jwk' }), kid: 'ci', use: 'sig' }] });
  secrets = dataset.credentials.map((credential) => credential.clientSecret);
  // The worker has no secret any more: the token endpoint could not accept one even if it were sent.
  dataset.credentials = dataset.credentials.filter((credential) => credential !== auditor);
  simulator = await startSimulator({ dataset });
  pem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const keyFile = path.join(work, 'scanner.pem');
  await writeFile(keyFile, pem, { mode: 0o600 });
  env = {
    PINGONE_CLIENT_ID: auditor.clientId,
    PINGONE_ENVIRONMENT_ID: auditor.environmentId,
    PINGONE_TOKEN_ENDPOINT_AUTH_METHOD: 'PRIVATE_KEY_JWT',
    PINGONE_CLIENT_PRIVATE_KEY_FILE: keyFile,
    PINGONE_CLIENT_KEY_ID: 'ci',
    PINGONE_API_URL: simulator.apiUrl,
    PINGONE_AUTH_URL: simulator.authUrl,
  };
});
afterAll(async () => {
  await simulator.close();
  await rm(work, { recursive: true, force: true });
});

describe('scan signing in with PRIVATE_KEY_JWT', () => {
  it('collects and audits with a PEM key and no secret in the environment, and writes the key nowhere', async () => {
    const out = path.join(work, 'snapshot');
    const run = await runCli(['scan', '--max-rps', '500', '--all-environments', '--out', out, '-f', 'json', '-o', path.join(work, 'result.json')], { env });
    expect(run.stderr).toContain('wrote snapshot to');
    expect([0, 1]).toContain(run.code);
    expect(Object.keys(env).some((name) => name.includes('SECRET'))).toBe(false);
    const tokenRequests = simulator.requestLog.filter((entry) => entry.method === 'POST');
    expect(tokenRequests.length).toBeGreaterThan(0);
    expect(tokenRequests.every((entry) => entry.status === 200)).toBe(true);
    const keyLine = pem.split('\n')[1]!;
    const files = (await readdir(work, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile() && entry.name !== 'scanner.pem');
    const texts = [run.stdout, run.stderr, ...(await Promise.all(files.map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8'))))];
    for (const text of texts) {
      expect(text).not.toContain(keyLine);
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });

  it('fails with exit 2 and the fix when the app holds another public key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyFile = path.join(work, 'other.pem');
    await writeFile(keyFile, other.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, { mode: 0o600 });
    const run = await runCli(['scan', '--all-environments', '--out', path.join(work, 'refused')], { env: { ...env, PINGONE_CLIENT_PRIVATE_KEY_FILE: keyFile, PINGONE_CLIENT_KEY_ID: '' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('PingOne rejected the client credentials');
    expect(run.stderr).toContain('matching public key');
  });
});
