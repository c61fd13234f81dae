import { describe, expect, it } from 'vitest';
import { assertReadOnly, endpointTemplate, RefusedRequestError, relativeApiPath, resolveApiUrl } from '../../src/fetch/request-guard.js';

const apiBase = new URL('https://api.pingone.eu/v1');

describe('request guard', () => {
  it('allows GET on the API and POST only for the token request', () => {
    expect(() => assertReadOnly('GET', 'api')).not.toThrow();
    expect(() => assertReadOnly('POST', 'token')).not.toThrow();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']) {
      expect(() => assertReadOnly(method, 'api')).toThrow(RefusedRequestError);
    }
    expect(() => assertReadOnly('GET', 'token')).toThrow(/only reads/);
  });

  it('resolves paths and same-origin links under the base path', () => {
    expect(resolveApiUrl(apiBase, '/environments?limit=10').href).toBe('https://api.pingone.eu/v1/environments?limit=10');
    expect(resolveApiUrl(apiBase, 'https://api.pingone.eu/v1/environments?cursor=abc').pathname).toBe('/v1/environments');
  });

  it('refuses another origin, another base path and secret resources', () => {
    expect(() => resolveApiUrl(apiBase, 'https://evil.example/v1/environments')).toThrow(/not the configured API origin/);
    expect(() => resolveApiUrl(apiBase, 'http://api.pingone.eu/v1/environments')).toThrow(/not the configured API origin/);
    expect(() => resolveApiUrl(apiBase, 'https://api.pingone.eu/v2/environments')).toThrow(/outside the API base path/);
    expect(() => resolveApiUrl(apiBase, 'https://api.pingone.eu/v1extra')).toThrow(/outside the API base path/);
    expect(() => resolveApiUrl(apiBase, '/environments/e/applications/a/secret')).toThrow(/never reads/);
    expect(() => resolveApiUrl(apiBase, '/environments/e/resources/r/secret/')).toThrow(/never reads/);
    expect(() => resolveApiUrl(apiBase, '/environments/e/applications/a/%73ecret')).toThrow(/never reads/);
    expect(() => resolveApiUrl(apiBase, '/environments/e/applications/a/x/../secret')).toThrow(/never reads/);
  });

  it('names endpoints by template, every second segment being an id', () => {
    expect(endpointTemplate('/environments/abc/applications/def/roleAssignments?limit=5')).toBe('GET /environments/{id}/applications/{id}/roleAssignments');
    expect(endpointTemplate('/roles')).toBe('GET /roles');
    expect(relativeApiPath(apiBase, new URL('https://api.pingone.eu/v1/roles?x=1'))).toBe('/roles?x=1');
  });
});
