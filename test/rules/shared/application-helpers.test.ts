import { describe, expect, it } from 'vitest';
import { isPublicClient, userGrantsOf, usesUserGrant } from '../../../src/pingone/applications.js';
import { describeGrants } from '../../../rules/shared/wording.js';
import { bundledProfiles } from '../../../src/profiles/load-profiles.js';
import { ruleIntegrations } from '../../../src/profiles/rule-integrations.js';
import { buildSnapshotIndex } from '../../../src/snapshot/index-builder.js';
import type { Application } from '../../../src/snapshot/model.js';
import { hasTrailingSlashAfterPath, redirectHost, redirectUriEntries, withoutTrailingSlash } from '../../../src/pingone/redirect-uris.js';
import { buildSnapshot, webApp, workerApp } from '../../helpers/snapshot-builder.js';

describe('grant helpers', () => {
  it('finds user grants in the app’s order and names them as OAuth does', () => {
    const app = workerApp({ grantTypes: ['CLIENT_CREDENTIALS', 'DEVICE_CODE', 'AUTHORIZATION_CODE'] });
    expect(userGrantsOf(app)).toEqual(['DEVICE_CODE', 'AUTHORIZATION_CODE']);
    expect(usesUserGrant(workerApp())).toBe(false);
    expect(describeGrants(['AUTHORIZATION_CODE', 'IMPLICIT', 'DEVICE_CODE'])).toBe('authorization_code, implicit and device_code');
    expect(isPublicClient(webApp({ tokenEndpointAuthMethod: 'NONE' }))).toBe(true);
    expect(isPublicClient(webApp())).toBe(false);
  });
});

describe('redirect URI helpers', () => {
  it('lists sign-in then post-logout URIs with their pointers', () => {
    expect(redirectUriEntries(webApp()).map((entry) => entry.pointer)).toEqual(['/redirectUris/0', '/postLogoutRedirectUris/0']);
  });

  it('tells a slash after a path from the slash of a bare origin', () => {
    expect(hasTrailingSlashAfterPath('https://x.example/cb/')).toBe(true);
    expect(hasTrailingSlashAfterPath('https://x.example/')).toBe(false);
    expect(hasTrailingSlashAfterPath('https://x.example')).toBe(false);
    expect(withoutTrailingSlash('https://x.example/cb//')).toBe('https://x.example/cb');
    expect(redirectHost('https://API.StackOne.com:443/x')).toBe('api.stackone.com');
    expect(redirectHost('::not a uri')).toBeUndefined();
  });
});

/** The integrations rules see, with the shipped profiles and the config's bindings. */
function profilesFor(app: Application, bindings: Map<string, string[]>): string[] {
  const snapshot = buildSnapshot({ environments: [{ applications: [app] }] });
  return ruleIntegrations(bundledProfiles(), bindings, snapshot, buildSnapshotIndex(snapshot)).profilesFor(app);
}

describe('profilesFor', () => {
  it('merges configured bindings with StackOne recognised by its callback host, sorted and unique', () => {
    const app = webApp({ redirectUris: ['https://api.stackone.com/connect/oauth2/pingone/callback', 'https://api.stackone.com/other'] });
    const profileBindings = new Map([['app-web', ['zeta', 'stackone']]]);
    expect(profilesFor(app, profileBindings)).toEqual(['stackone', 'zeta']);
  });

  it('ignores hosts that only look like object keys', () => {
    expect(profilesFor(webApp({ redirectUris: ['https://constructor/cb'] }), new Map())).toEqual([]);
  });
});
