import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors.js';
import { regionBaseUrls } from '../../src/fetch/regions.js';
import { Secret } from '../../src/fetch/secret.js';
import { resolveConnectionSettings } from '../../src/fetch/settings.js';
import { clientSecret, ids } from './stub-server.js';
import { temporaryFolder } from '../helpers/temporary-folder.js';

const credentialsEnv = { PINGONE_CLIENT_ID: ids.client, PINGONE_CLIENT_SECRET: clientSecret, PINGONE_ENVIRONMENT_ID: ids.adminEnv };

function userError(run: () => unknown): UserFacingError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserFacingError);
    return error as UserFacingError;
  }
  throw new Error('expected a UserFacingError');
}

describe('resolveConnectionSettings', () => {
  it('defaults to the NA region and client credentials with CLIENT_SECRET_BASIC', () => {
    const settings = resolveConnectionSettings({}, credentialsEnv);
    expect(settings.apiUrl).toBe('https://api.pingone.com/v1');
    expect(settings.authUrl).toBe('https://auth.pingone.com');
    expect(settings.region).toBe('NA');
    expect(settings.credentials).toMatchObject({ kind: 'clientCredentials', clientId: ids.client, environmentId: ids.adminEnv, tokenAuthMethod: 'CLIENT_SECRET_BASIC' });
    expect(settings.warnings).toEqual([]);
  });

  it.each([
    ['NA', 'https://api.pingone.com/v1', 'https://auth.pingone.com'],
    ['EU', 'https://api.pingone.eu/v1', 'https://auth.pingone.eu'],
    ['CA', 'https://api.pingone.ca/v1', 'https://auth.pingone.ca'],
    ['AU', 'https://api.pingone.com.au/v1', 'https://auth.pingone.com.au'],
    ['SG', 'https://api.pingone.sg/v1', 'https://auth.pingone.sg'],
    ['AP', 'https://api.pingone.asia/v1', 'https://auth.pingone.asia'],
  ])('maps region %s to its API and auth hosts', (region, apiUrl, authUrl) => {
    expect(regionBaseUrls[region as keyof typeof regionBaseUrls]).toEqual({ apiUrl, authUrl });
    const settings = resolveConnectionSettings({}, { ...credentialsEnv, PINGONE_REGION_CODE: region.toLowerCase() });
    expect([settings.apiUrl, settings.authUrl, settings.region]).toEqual([apiUrl, authUrl, region]);
  });

  it('refuses an unknown region and lists the valid ones', () => {
    const error = userError(() => resolveConnectionSettings({ region: 'US' }, credentialsEnv));
    expect(error.message).toContain('"US"');
    expect(error.hint).toContain('NA, EU, CA, AU, SG, AP');
  });

  it('lets flags override the environment and explicit URLs override the region', () => {
    const settings = resolveConnectionSettings(
      { apiUrl: 'https://proxy.example.com/pingone/v1/', authUrl: 'https://login.example.com', region: 'EU' },
      { ...credentialsEnv, PINGONE_API_URL: 'https://ignored.example.com/v1' },
    );
    expect(settings.apiUrl).toBe('https://proxy.example.com/pingone/v1');
    expect(settings.authUrl).toBe('https://login.example.com');
    expect(settings.region).toBeUndefined();
  });

  it.each(['http://127.0.0.1:8080/v1', 'http://127.9.9.9/v1', 'http://localhost:3000/v1', 'http://[::1]:3000/v1'])('accepts plain http to the loopback host %s', (apiUrl) => {
    expect(resolveConnectionSettings({ apiUrl }, credentialsEnv).apiUrl).toBe(apiUrl);
  });

  it.each(['http://api.pingone.com/v1', 'http://10.0.0.5/v1', 'http://128.0.0.1/v1', 'http://localhost.evil.example/v1'])('refuses plain http to %s', (apiUrl) => {
    const error = userError(() => resolveConnectionSettings({ apiUrl }, credentialsEnv));
    expect(error.message).toContain('plain http://');
    expect(error.hint).toContain('loopback');
  });

  it('refuses malformed URLs, other schemes and URLs carrying credentials', () => {
    expect(userError(() => resolveConnectionSettings({ authUrl: 'auth.pingone.com' }, credentialsEnv)).message).toContain('not a valid URL');
    expect(userError(() => resolveConnectionSettings({ apiUrl: 'ftp://api.pingone.com/v1' }, credentialsEnv)).message).toContain('https://');
    expect(userError(() => resolveConnectionSettings({ apiUrl: 'https://user:pw@api.pingone.com/v1' }, credentialsEnv)).message).toContain('user name or password');
  });

  it('refuses ids that are not UUIDs', () => {
    expect(userError(() => resolveConnectionSettings({ clientId: 'my-app' }, credentialsEnv)).message).toContain('PINGONE_CLIENT_ID');
    expect(userError(() => resolveConnectionSettings({ environmentId: 'prod' }, credentialsEnv)).message).toContain('PINGONE_ENVIRONMENT_ID');
  });

  it('names every missing credential', () => {
    const error = userError(() => resolveConnectionSettings({}, { PINGONE_CLIENT_ID: ids.client }));
    expect(error.message).toContain('PINGONE_CLIENT_SECRET');
    expect(error.message).toContain('PINGONE_ENVIRONMENT_ID');
    expect(error.message).not.toContain('PINGONE_CLIENT_ID (');
    expect(error.hint).toContain('PINGONE_API_ACCESS_TOKEN');
  });

  it('warns when the secret is given as a flag', () => {
    const settings = resolveConnectionSettings({ clientSecret }, { ...credentialsEnv, PINGONE_CLIENT_SECRET: '' });
    expect(settings.warnings.join('\n')).toContain('visible in shell history and ps');
  });

  it('reads the secret from a file, without its trailing newline', () => {
    const file = path.join(temporaryFolder('pingone-audit-'), 'secret');
    writeFileSync(file, `${clientSecret}\n`);
    const settings = resolveConnectionSettings({ clientSecretFile: file }, { ...credentialsEnv, PINGONE_CLIENT_SECRET: undefined });
    expect(settings.credentials.kind === 'clientCredentials' && settings.credentials.clientSecret?.reveal()).toBe(clientSecret);
    expect(settings.warnings).toEqual([]);
    expect(userError(() => resolveConnectionSettings({ clientSecretFile: `${file}.missing` }, credentialsEnv)).message).toContain('ENOENT');
    // /dev/zero would be read for ever: only a regular file or a pipe is read, and never more than 64 KiB.
    expect(userError(() => resolveConnectionSettings({ clientSecretFile: '/dev/zero' }, credentialsEnv)).message).toContain('not a regular file or a pipe');
  });

  it('uses a ready access token instead of client credentials', () => {
    const settings = resolveConnectionSettings({}, { PINGONE_API_ACCESS_TOKEN: 'token-value' });
    expect(settings.credentials.kind).toBe('accessToken');
    // A library caller's token is no flag: no warning about shell history or a --access-token the CLI never declares.
    expect(resolveConnectionSettings({ accessToken: 'token-value' }, {}).warnings).toEqual([]);
  });

  // undici refuses such an Authorization header: the run said the Management API could not be reached.
  it.each([
    ['a line break', `${clientSecret}\r\nX-Injected: 1`],
    ['whitespace', `Bearer ${clientSecret}`],
    ['a non-ASCII character', `${clientSecret}\u00e9`],
  ])('refuses a given access token that cannot be a bearer token (%s), naming where it came from and never the token', (fault, token) => {
    const fromVariable = userError(() => resolveConnectionSettings({}, { PINGONE_API_ACCESS_TOKEN: token }));
    expect(fromVariable.errorCode).toBe('token-invalid');
    expect(fromVariable.message).toMatch(/^PINGONE_API_ACCESS_TOKEN does not hold a bearer token \(RFC 6750 §2\.1\)/);
    expect(fromVariable.message).toContain(fault === 'whitespace' ? 'starts with the scheme "Bearer "' : `${fault} at character ${clientSecret.length + 1}`);
    // No CLI flag sets it (library callers only): the error must not name a flag the CLI never declares.
    const fromFlag = userError(() => resolveConnectionSettings({ accessToken: token }, {}));
    expect(fromFlag.message).toMatch(/^The accessToken setting does not hold a bearer token/);
    for (const error of [fromVariable, fromFlag]) expect(`${error.message} ${error.hint}`).not.toContain(clientSecret);
  });

  it('names the first character that cannot be in a bearer token, but not what it is', () => {
    const fault = (token: string) => userError(() => resolveConnectionSettings({}, { PINGONE_API_ACCESS_TOKEN: token })).message;
    expect(fault('abc"def')).toContain('a character outside A-Z a-z 0-9 - . _ ~ + / at character 4');
    expect(fault('ab=cd')).toContain('an "=" before the end (padding may only end it) at character 3');
    expect(fault('ab\u0000cd')).toContain('a control character at character 3');
    expect(fault('==')).toContain('it is padding ("=") alone');
    expect(fault(`${'='.repeat(100_000)}x`)).toContain('an "=" before the end (padding may only end it) at character 1');
    // Padding at the end is b64token.
    expect(resolveConnectionSettings({}, { PINGONE_API_ACCESS_TOKEN: 'ab+/cd==' }).credentials.kind).toBe('accessToken');
  });

  it('accepts CLIENT_SECRET_POST and refuses unknown auth methods', () => {
    expect(resolveConnectionSettings({ tokenAuthMethod: 'client_secret_post' }, credentialsEnv).credentials).toMatchObject({ tokenAuthMethod: 'CLIENT_SECRET_POST' });
    expect(userError(() => resolveConnectionSettings({ tokenAuthMethod: 'TLS_CLIENT_AUTH' }, credentialsEnv)).hint).toContain('PRIVATE_KEY_JWT, CLIENT_SECRET_JWT, CLIENT_SECRET_BASIC');
  });

  it('never shows the secret or token in JSON, inspect or string form', () => {
    const withSecret = resolveConnectionSettings({}, credentialsEnv);
    const withToken = resolveConnectionSettings({}, { PINGONE_API_ACCESS_TOKEN: clientSecret });
    for (const settings of [withSecret, withToken]) {
      expect(JSON.stringify(settings)).not.toContain(clientSecret);
      expect(inspect(settings, { depth: 10 })).not.toContain(clientSecret);
      expect(JSON.stringify(settings)).toContain('[redacted]');
    }
    const secret = new Secret(clientSecret);
    expect(`${secret}`).toBe('[redacted]');
    expect(Object.keys(secret)).toEqual([]);
    expect(secret.reveal()).toBe(clientSecret);
  });
});
