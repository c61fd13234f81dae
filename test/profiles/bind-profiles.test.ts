import { describe, expect, it } from 'vitest';
import { profilesForApplication } from '../../rules/shared/integration-binding.js';
import { boundProfileIds } from '../../src/profiles/bind-profiles.js';
import { profileOf, STACKONE_CALLBACK, webApp, workerApp } from './profile-fixtures.js';

const none = new Map<string, string[]>();

describe('binding applications to profiles', () => {
  const byHost = profileOf('by-host', { redirectHosts: ['connector.example.com'] });
  const byName = profileOf('by-name', { namePatterns: ['*sync*', '/^etl\\b/'], whenNamed: [{ field: 'grantTypes', includes: ['CLIENT_CREDENTIALS'] }] });
  const profiles = [byHost, byName];

  it('binds by a redirect URI on the profile’s host, whatever its case and port', () => {
    expect(boundProfileIds(webApp({ redirectUris: ['https://Connector.Example.com:8443/cb'] }), none, profiles)).toEqual(['by-host']);
    expect(boundProfileIds(webApp({ redirectUris: ['https://connector.example.com.evil.test/cb'] }), none, profiles)).toEqual([]);
  });

  it('binds by a name pattern (glob or regular expression) when the app also meets whenNamed', () => {
    expect(boundProfileIds(workerApp({ name: 'Nightly SYNC job' }), none, profiles)).toEqual(['by-name']);
    expect(boundProfileIds(workerApp({ name: 'ETL worker' }), none, profiles)).toEqual(['by-name']);
    expect(boundProfileIds(workerApp({ name: 'Sync console', grantTypes: ['AUTHORIZATION_CODE'] }), none, profiles)).toEqual([]);
  });

  it('lets the config’s integrations win: exactly the listed profiles, and an empty list opts out', () => {
    const app = workerApp({ name: 'sync', redirectUris: ['https://connector.example.com/cb'] });
    expect(boundProfileIds(app, none, profiles)).toEqual(['by-host', 'by-name']);
    expect(boundProfileIds(app, new Map([['app-worker', ['zeta', 'by-host', 'zeta']]]), profiles)).toEqual(['by-host', 'zeta']);
    expect(boundProfileIds(app, new Map([['app-worker', []]]), profiles)).toEqual([]);
  });

  it('reads hosts and names from the shipped profiles through the rules’ helper', () => {
    const context = { profileBindings: none };
    expect(profilesForApplication(webApp({ redirectUris: [STACKONE_CALLBACK] }), context)).toEqual(['stackone']);
    expect(profilesForApplication(workerApp({ name: 'PingDataSync' }), context)).toEqual(['pingdatasync']);
    expect(profilesForApplication(workerApp({ name: 'pingctl', grantTypes: ['AUTHORIZATION_CODE', 'IMPLICIT'] }), context)).toEqual(['pingctl-auth-code', 'pingctl-implicit']);
    expect(profilesForApplication(workerApp({ name: 'Ping CLI' }), context)).toEqual(['pingcli-client-credentials']);
    expect(profilesForApplication(workerApp({ name: 'terraform-ci' }), context)).toEqual(['terraform']);
    expect(profilesForApplication(workerApp({ name: 'Staging Sync' }), context)).toEqual([]);
  });
});
