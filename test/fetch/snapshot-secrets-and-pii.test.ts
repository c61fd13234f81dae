import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/simulator/index.js';
import { createHostileScans, demo } from '../helpers/hostile-scan.js';

const scans = createHostileScans();
afterEach(() => scans.cleanup());

const appSecret = 'app-secret-the-api-should-never-have-sent-0123456789';
const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';

/** The demo organization, with an application list that carries secrets. */
function leakyDemo(): Dataset {
  const dataset = structuredClone(demo);
  const [first, second] = dataset.environments[1]!.applications as unknown as Array<Record<string, unknown>>;
  Object.assign(first!, { clientSecret: appSecret, previous: { secret: `${appSecret}-old`, expiresAt: '2030-01-01T00:00:00Z' } });
  Object.assign(second!, { signingMaterial: pem, passwordPolicy: { id: 'kept-because-not-a-string' } });
  return dataset;
}

// The demo's Google identity provider carries its client secret, as PingOne's IdentityProvider model does.
const idpSecrets = demo.environments.flatMap((env) => env.identityProviders.flatMap((idp) => (typeof idp.clientSecret === 'string' ? [idp.clientSecret] : [])));

const demoEmails = demo.environments.flatMap((env) => env.users.flatMap((user) => (user.email === undefined ? [] : [user.email])));
const demoIps = demo.environments.flatMap((env) => env.users.flatMap((user) => (user.lastSignOn?.remoteIp === undefined ? [] : [user.lastSignOn.remoteIp])));

describe('what the snapshot never keeps', () => {
  it('drops secret-like fields whatever the API returns, and says so once without the value', async () => {
    const { run, outputs, out } = await scans.scan({ dataset: leakyDemo() });
    expect([0, 1]).toContain(run.code);
    expect(idpSecrets).toHaveLength(1);
    expect(outputs.filter((text) => text.includes(appSecret) || text.includes('BEGIN PRIVATE KEY') || idpSecrets.some((secret) => text.includes(secret)))).toEqual([]);
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('warning: Secret-like fields dropped'));
    expect(warnings).toEqual(['warning: Secret-like fields dropped before writing (pingone-audit never stores a secret): clientSecret ×2, secret ×1, signingMaterial ×1.']);
    const manifest = JSON.parse(await readFile(path.join(out, 'snapshot', 'manifest.json'), 'utf8')) as { collection: { notes: string[] } };
    expect(manifest.collection.notes).toContain(warnings[0]!.slice('warning: '.length));
    expect(outputs.some((text) => text.includes('kept-because-not-a-string'))).toBe(true);
  });

  it('--redact-pii replaces admin emails and sign-on IPs with stable pseudonyms', async () => {
    expect(demoEmails.length).toBeGreaterThan(0);
    expect(demoIps.length).toBeGreaterThan(0);
    const { run, outputs } = await scans.scan({}, ['--redact-pii']);
    expect([0, 1]).toContain(run.code);
    const leaked = outputs.filter((text) => demoEmails.some((email) => text.includes(email)) || demoIps.some((ip) => text.includes(ip)));
    expect(leaked).toEqual([]);
    const pseudonyms = outputs.join('\n').match(/"email": "user-[0-9a-f]{16}@redacted\.invalid"/g) ?? [];
    expect(pseudonyms.length).toBeGreaterThan(0);
    expect(outputs.join('\n')).toMatch(/"remoteIp": "2(4\d|5[0-5])\.\d+\.\d+\.\d+"/);
  });

  it('without --redact-pii the emails stay: the flag is what removes them', async () => {
    const { outputs } = await scans.scan({});
    expect(outputs.some((text) => demoEmails.some((email) => text.includes(email)))).toBe(true);
  });
});
