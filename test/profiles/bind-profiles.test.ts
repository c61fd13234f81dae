import { describe, expect, it } from 'vitest';
import { ruleIntegrations } from '../../src/profiles/rule-integrations.js';
import { bundledProfiles } from '../../src/profiles/load-profiles.js';
import { buildSnapshotIndex } from '../../src/snapshot/index-builder.js';
import { boundProfileIds } from '../../src/profiles/bind-profiles.js';
import { buildSnapshot } from '../helpers/snapshot-builder.js';
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

  it('reads hosts and names from the shipped profiles as the rules see them', () => {
    const snapshot = buildSnapshot({});
    const { profilesFor } = ruleIntegrations(bundledProfiles(), none, snapshot, buildSnapshotIndex(snapshot));
    expect(profilesFor(webApp({ redirectUris: [STACKONE_CALLBACK] }))).toEqual(['stackone']);
    expect(profilesFor(workerApp({ name: 'PingDataSync' }))).toEqual(['pingdatasync']);
    expect(profilesFor(workerApp({ name: 'pingctl', grantTypes: ['AUTHORIZATION_CODE', 'IMPLICIT'] }))).toEqual(['pingctl-auth-code', 'pingctl-implicit']);
    expect(profilesFor(workerApp({ name: 'Ping CLI' }))).toEqual(['pingcli-client-credentials']);
    expect(profilesFor(workerApp({ name: 'terraform-ci' }))).toEqual(['terraform']);
    expect(profilesFor(workerApp({ name: 'Staging Sync' }))).toEqual([]);
  });
});
