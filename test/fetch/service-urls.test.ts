import { describe, expect, it } from 'vitest';
import { createAccessTokenSource } from '../../src/fetch/auth.js';
import type { HttpClient } from '../../src/fetch/http-client.js';
import { createRedactor } from '../../src/fetch/redactor.js';
import { resolveConnectionSettings } from '../../src/fetch/settings.js';
import { catchUserFacingError } from '../engine/engine-fixtures.js';
import { clientSecret, fakeJwt, ids } from './stub-server.js';

const credentialsEnv = { PINGONE_CLIENT_ID: ids.client, PINGONE_CLIENT_SECRET: clientSecret, PINGONE_ENVIRONMENT_ID: ids.adminEnv };

/** The URL the token request goes to, caught before anything is sent. */
async function tokenUrlFor(env: NodeJS.ProcessEnv): Promise<string> {
  const posted: string[] = [];
  const http = {
    redactor: createRedactor(),
    postTokenForm: async (url: string) => {
      posted.push(url);
      return { status: 200, headers: {}, sentAt: 0, text: JSON.stringify({ access_token: fakeJwt({ exp: 4_000_000_000 }), expires_in: 3600 }) };
    },
  } as unknown as HttpClient;
  await createAccessTokenSource(resolveConnectionSettings({}, env), http).token();
  return posted[0]!;
}

describe('Terraform-compatible service hostnames', () => {
  it('builds https URLs from PINGONE_API_SERVICE_HOSTNAME and PINGONE_AUTH_SERVICE_HOSTNAME, the token path keeping the environment id as the provider does', async () => {
    const env = { ...credentialsEnv, PINGONE_API_SERVICE_HOSTNAME: 'api.example.org', PINGONE_AUTH_SERVICE_HOSTNAME: 'Auth.Example.org' };
    const settings = resolveConnectionSettings({}, env);
    expect(settings.apiUrl).toBe('https://api.example.org/v1');
    expect(settings.authUrl).toBe('https://auth.example.org');
    expect(settings.region).toBeUndefined();
    expect(await tokenUrlFor(env)).toBe(`https://auth.example.org/${ids.adminEnv}/as/token`);
  });

  it('takes the other service from the region when only one hostname is given', () => {
    const settings = resolveConnectionSettings({}, { ...credentialsEnv, PINGONE_REGION_CODE: 'EU', PINGONE_AUTH_SERVICE_HOSTNAME: 'auth.example.org' });
    expect(settings.apiUrl).toBe('https://api.pingone.eu/v1');
    expect(settings.authUrl).toBe('https://auth.example.org');
    expect(settings.region).toBe('EU');
  });

  it('refuses a hostname and the URL for the same service together, saying which each tool would use', () => {
    const auth = catchUserFacingError(() => resolveConnectionSettings({ authUrl: 'http://127.0.0.1:9' }, { ...credentialsEnv, PINGONE_AUTH_SERVICE_HOSTNAME: 'auth.example.org' }));
    expect(auth.message).toContain('PINGONE_AUTH_SERVICE_HOSTNAME (auth.example.org)');
    expect(auth.message).toContain('PINGONE_AUTH_URL (--auth-url)');
    expect(auth.hint).toContain('pingone-audit would use PINGONE_AUTH_URL');
    expect(auth.hint).toContain('Terraform provider reads only PINGONE_AUTH_SERVICE_HOSTNAME');
    const api = catchUserFacingError(() => resolveConnectionSettings({}, { ...credentialsEnv, PINGONE_API_URL: 'https://api.pingone.eu/v1', PINGONE_API_SERVICE_HOSTNAME: 'api.example.org' }));
    expect(api.message).toContain('PINGONE_API_SERVICE_HOSTNAME');
    // A hostname for one service and a URL for the other do not conflict.
    expect(resolveConnectionSettings({ apiUrl: 'http://127.0.0.1:9/v1' }, { ...credentialsEnv, PINGONE_AUTH_SERVICE_HOSTNAME: 'auth.example.org' }).apiUrl).toBe('http://127.0.0.1:9/v1');
  });

  it.each(['https://auth.example.org', 'auth.example.org/as', 'localhost', 'auth example.org', 'auth.example.org:8443'])('refuses %s as a hostname', (hostname) => {
    const error = catchUserFacingError(() => resolveConnectionSettings({}, { ...credentialsEnv, PINGONE_AUTH_SERVICE_HOSTNAME: hostname }));
    expect(error.message).toContain('must be a hostname');
    expect(error.hint).toContain('PINGONE_AUTH_URL');
  });

  it('gives an example host of the service the variable names', () => {
    const api = catchUserFacingError(() => resolveConnectionSettings({}, { ...credentialsEnv, PINGONE_API_SERVICE_HOSTNAME: 'https://api.example.org' }));
    expect(api.message).toContain('must be a hostname such as api.example.com,');
    const auth = catchUserFacingError(() => resolveConnectionSettings({}, { ...credentialsEnv, PINGONE_AUTH_SERVICE_HOSTNAME: 'https://auth.example.org' }));
    expect(auth.message).toContain('must be a hostname such as auth.example.com,');
  });
});

describe('a custom domain', () => {
  it('takes tokens from https://<domain>/as/token, with no environment id in the path', async () => {
    const env = { ...credentialsEnv, PINGONE_CUSTOM_DOMAIN: 'login.example.com', PINGONE_REGION_CODE: 'EU' };
    const settings = resolveConnectionSettings({}, env);
    expect(settings).toMatchObject({ authUrl: 'https://login.example.com', customDomain: true, apiUrl: 'https://api.pingone.eu/v1' });
    expect(await tokenUrlFor(env)).toBe('https://login.example.com/as/token');
    // Without one, the environment id stays in the path.
    expect(await tokenUrlFor(credentialsEnv)).toBe(`https://auth.pingone.com/${ids.adminEnv}/as/token`);
  });

  it('refuses another auth setting beside it, and anything but a domain or an https (or loopback) URL', () => {
    const withUrl = catchUserFacingError(() => resolveConnectionSettings({ customDomain: 'login.example.com', authUrl: 'https://auth.pingone.eu' }, credentialsEnv));
    expect(withUrl.message).toBe('Both PINGONE_CUSTOM_DOMAIN (--custom-domain) and PINGONE_AUTH_URL (--auth-url) name the auth server.');
    const withHost = catchUserFacingError(() => resolveConnectionSettings({ customDomain: 'login.example.com' }, { ...credentialsEnv, PINGONE_AUTH_SERVICE_HOSTNAME: 'auth.example.org' }));
    expect(withHost.message).toContain('PINGONE_AUTH_SERVICE_HOSTNAME');
    expect(catchUserFacingError(() => resolveConnectionSettings({ customDomain: 'http://login.example.com' }, credentialsEnv)).message).toContain('plain http://');
    expect(catchUserFacingError(() => resolveConnectionSettings({ customDomain: 'login example' }, credentialsEnv)).hint).toContain('domain alone');
    expect(resolveConnectionSettings({ customDomain: 'http://127.0.0.1:4510' }, credentialsEnv).authUrl).toBe('http://127.0.0.1:4510');
  });
});
