import { createHmac, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { catchUserFacingError as userError } from '../engine/engine-fixtures.js';
import { createApiClient } from '../../src/fetch/api-client.js';
import { readCredentialFile } from '../../src/fetch/read-credential-file.js';
import { resolveConnectionSettings } from '../../src/fetch/settings.js';
import { clientSecret, fakeClock, fakeJwt, ids, startStub, type StubRequest, type StubServer } from './stub-server.js';
import { testRsaKeys } from '../helpers/test-keys.js';

const servers: StubServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const folder = mkdtempSync(path.join(tmpdir(), 'pingone-audit-key-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
function pemFile(name: string, pem: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, pem, { mode: 0o600 });
  return file;
}
const rsa = testRsaKeys();
const rsaFile = pemFile('rsa.pem', rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
const keyEnv = { PINGONE_CLIENT_ID: ids.client, PINGONE_ENVIRONMENT_ID: ids.adminEnv, PINGONE_CLIENT_PRIVATE_KEY_FILE: rsaFile };

function decode(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function tokenRequestsOf(
  env: NodeJS.ProcessEnv,
  flags: Parameters<typeof resolveConnectionSettings>[0] = {},
  requests = 1,
): Promise<{ server: StubServer; forms: URLSearchParams[]; seen: StubRequest[] }> {
  const server = await startStub((request) =>
    request.url.endsWith('/as/token')
      ? { body: { access_token: fakeJwt({ client_id: ids.client, exp: 4_000_000_000, n: Math.random() }), token_type: 'Bearer', expires_in: 1 } }
      : { body: { ok: true } },
  );
  servers.push(server);
  const clock = fakeClock();
  const settings = resolveConnectionSettings({ apiUrl: `${server.origin}/v1`, authUrl: server.origin, ...flags }, env);
  const client = createApiClient(settings, { maxRps: 1000, now: clock.now, sleep: clock.sleep });
  // A token lifetime of one second is inside the renewal margin: every GET asks for a new token.
  for (let n = 0; n < requests; n += 1) await client.get('/roles');
  const seen = server.requests.filter((request) => request.url.endsWith('/as/token'));
  return { server, forms: seen.map((request) => new URLSearchParams(request.body)), seen };
}

function verifies(assertion: string, key: KeyObject, options: { hash: string; ec?: boolean }): boolean {
  const [header, payload, signature] = assertion.split('.') as [string, string, string];
  return verify(options.hash, Buffer.from(`${header}.${payload}`), options.ec === true ? { key, dsaEncoding: 'ieee-p1363' } : key, Buffer.from(signature, 'base64url'));
}

describe('PRIVATE_KEY_JWT', () => {
  it('is chosen when only a private key is given, and signs an RFC 7523 assertion instead of sending a secret', async () => {
    const { server, forms, seen } = await tokenRequestsOf(keyEnv, { keyId: 'scanner-key-1' });
    const form = forms[0]!;
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(form.get('client_secret')).toBeNull();
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const assertion = form.get('client_assertion')!;
    const [header, payload] = assertion.split('.') as [string, string];
    expect(decode(header)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'scanner-key-1' });
    const claims = decode(payload);
    expect(claims).toMatchObject({ iss: ids.client, sub: ids.client, aud: `${server.origin}/${ids.adminEnv}/as/token` });
    expect((claims.exp as number) - (claims.iat as number)).toBe(60);
    expect(verifies(assertion, rsa.publicKey, { hash: 'sha256' })).toBe(true);
  });

  it('uses a fresh jti for every token request', async () => {
    const { forms } = await tokenRequestsOf(keyEnv, {}, 3);
    const jtis = forms.map((form) => decode(form.get('client_assertion')!.split('.')[1]!).jti);
    expect(forms).toHaveLength(3);
    expect(new Set(jtis).size).toBe(3);
  });

  it('signs ES256 with an EC P-256 key in JWS (r||s) form', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const file = pemFile('ec.pem', ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string);
    const { forms } = await tokenRequestsOf({ ...keyEnv, PINGONE_CLIENT_PRIVATE_KEY_FILE: file, PINGONE_TOKEN_ENDPOINT_AUTH_METHOD: 'PRIVATE_KEY_JWT' });
    const assertion = forms[0]!.get('client_assertion')!;
    expect(decode(assertion.split('.')[0]!).alg).toBe('ES256');
    expect(Buffer.from(assertion.split('.')[2]!, 'base64url')).toHaveLength(64);
    expect(verifies(assertion, ec.publicKey, { hash: 'sha256', ec: true })).toBe(true);
  });

  it('never sends a secret that is also set, and says it is ignored', async () => {
    const env = { ...keyEnv, PINGONE_CLIENT_SECRET: clientSecret, PINGONE_TOKEN_ENDPOINT_AUTH_METHOD: 'PRIVATE_KEY_JWT' };
    expect(resolveConnectionSettings({}, env).warnings.join('\n')).toContain('client secret is ignored and never sent');
    const { seen } = await tokenRequestsOf(env);
    expect(JSON.stringify(seen)).not.toContain(clientSecret);
    expect(JSON.stringify(seen)).not.toContain(Buffer.from(clientSecret).toString('base64'));
  });

  it('keeps the key out of JSON, inspect and string forms of the settings', () => {
    const settings = resolveConnectionSettings({}, keyEnv);
    const pemBody = (rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string).split('\n')[1]!;
    for (const text of [JSON.stringify(settings), inspect(settings, { depth: 10, showHidden: true }), String(settings.credentials)]) expect(text).not.toContain(pemBody);
  });

  it('never blocks on a key file that is a pipe nobody writes to, a folder, a device or far too large', () => {
    const fifo = path.join(folder, 'nobody-writes.pem');
    execFileSync('mkfifo', [fifo]);
    // The reader itself, with a 0.2 s wait instead of the CLI's 5 s: the refusal is the point, not the length.
    const refusal = userError(() => readCredentialFile(fifo, 'PINGONE_CLIENT_PRIVATE_KEY_FILE', 'hint', undefined, 200));
    expect(refusal.message).toBe(`Cannot read PINGONE_CLIENT_PRIVATE_KEY_FILE ${fifo} (a pipe nothing was written to within 0.2 s).`);
    expect(userError(() => resolveConnectionSettings({}, { ...keyEnv, PINGONE_CLIENT_PRIVATE_KEY_FILE: folder })).message).toContain('EISDIR');
    expect(userError(() => resolveConnectionSettings({}, { ...keyEnv, PINGONE_CLIENT_PRIVATE_KEY_FILE: '/dev/zero' })).message).toContain('not a regular file or a pipe');
    const huge = pemFile('huge.pem', 'A'.repeat(200 * 1024));
    expect(userError(() => resolveConnectionSettings({}, { ...keyEnv, PINGONE_CLIENT_PRIVATE_KEY_FILE: huge })).message).toContain('larger than 64 KiB');
  }, 15_000);

  it('reads a key from a pipe whose writer comes a little later (<(vault read …))', () => {
    const fifo = path.join(folder, 'late-writer.pem');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', 'sleep 0.3; cat "$1" > "$2"', 'sh', rsaFile, fifo], { stdio: 'ignore' });
    try {
      expect(resolveConnectionSettings({}, { ...keyEnv, PINGONE_CLIENT_PRIVATE_KEY_FILE: fifo }).warnings.join('\n')).not.toContain('chmod');
    } finally {
      writer.kill();
    }
  }, 15_000);

  it('refuses, with exit-2 errors naming the file and not its content, what cannot sign', () => {
    const missing = userError(() => resolveConnectionSettings({}, { ...keyEnv, PINGONE_CLIENT_PRIVATE_KEY_FILE: path.join(folder, 'none.pem') }));
    expect(missing.message).toContain('ENOENT');
    const publicFile = pemFile('public.pem', rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string);
    const onlyPublic = userError(() => resolveConnectionSettings({}, { ...keyEnv, PINGONE_CLIENT_PRIVATE_KEY_FILE: publicFile }));
    expect(onlyPublic.message).toContain('holds a public key');
    const encryptedFile = pemFile('encrypted.pem', rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pass' }) as string);
    expect(userError(() => resolveConnectionSettings({}, { ...keyEnv, PINGONE_CLIENT_PRIVATE_KEY_FILE: encryptedFile })).message).toContain('encrypted');
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const smallFile = pemFile('small.pem', small.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    expect(userError(() => resolveConnectionSettings({}, { ...keyEnv, PINGONE_CLIENT_PRIVATE_KEY_FILE: smallFile })).message).toContain('1024 bits');
    const ed = generateKeyPairSync('ed25519');
    const edFile = pemFile('ed.pem', ed.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    expect(userError(() => resolveConnectionSettings({}, { ...keyEnv, PINGONE_CLIENT_PRIVATE_KEY_FILE: edFile })).message).toContain('holds an Ed25519 key (use RSA or EC)');
    const noKey = userError(() => resolveConnectionSettings({}, { ...keyEnv, PINGONE_CLIENT_PRIVATE_KEY_FILE: undefined, PINGONE_TOKEN_ENDPOINT_AUTH_METHOD: 'PRIVATE_KEY_JWT' }));
    expect(noKey.message).toContain('PINGONE_CLIENT_PRIVATE_KEY_FILE');
    const pemBody = (rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string).split('\n')[1]!;
    for (const error of [missing, onlyPublic]) expect(`${error.message} ${error.hint ?? ''}`).not.toContain(pemBody);
  });

  it("registers the key with the run's redactor: a server echoing a line of it does not bring it into an error", async () => {
    const keyLine = (rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string).split('\n')[2]!;
    const server = await startStub(() => ({ status: 401, body: { error: 'invalid_client', error_description: `bad key ${keyLine}` } }));
    servers.push(server);
    const settings = resolveConnectionSettings({ apiUrl: `${server.origin}/v1`, authUrl: server.origin }, keyEnv);
    const client = createApiClient(settings, { maxRps: 1000 });
    const failure = (await client.get('/roles').catch((error: unknown) => error)) as Error & { hint?: string };
    expect(failure.message).toContain('PingOne rejected the client credentials');
    expect(failure.message).toContain('[redacted]');
    expect(`${failure.message} ${failure.hint ?? ''}`).not.toContain(keyLine);
  });

  it('warns when other users may read the key file', () => {
    const file = pemFile('open.pem', rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    chmodSync(file, 0o644);
    expect(resolveConnectionSettings({}, { ...keyEnv, PINGONE_CLIENT_PRIVATE_KEY_FILE: file }).warnings.join('\n')).toContain('chmod 600');
    expect(resolveConnectionSettings({}, keyEnv).warnings).toEqual([]);
  });
});

describe('CLIENT_SECRET_JWT', () => {
  it('signs an HS256 assertion with the secret and never sends the secret itself', async () => {
    const env = { PINGONE_CLIENT_ID: ids.client, PINGONE_ENVIRONMENT_ID: ids.adminEnv, PINGONE_CLIENT_SECRET: clientSecret, PINGONE_TOKEN_ENDPOINT_AUTH_METHOD: 'CLIENT_SECRET_JWT' };
    const { seen, forms } = await tokenRequestsOf(env);
    expect(JSON.stringify(seen)).not.toContain(clientSecret);
    expect(seen[0]!.headers.authorization).toBeUndefined();
    const [header, payload, signature] = forms[0]!.get('client_assertion')!.split('.') as [string, string, string];
    expect(decode(header).alg).toBe('HS256');
    expect(decode(payload)).toMatchObject({ iss: ids.client, sub: ids.client });
    expect(signature).toBe(createHmac('sha256', clientSecret).update(`${header}.${payload}`).digest('base64url'));
  });
});
