import { describe, expect, it } from 'vitest';
import { boundProfileIds } from '../../src/profiles/bind-profiles.js';
import { checklistStatus, evaluateProfile } from '../../src/profiles/evaluate-profile.js';
import { bundledProfiles } from '../../src/profiles/load-profiles.js';
import { buildSnapshotIndex } from '../../src/snapshot/index-builder.js';
import type { Application, User } from '../../src/snapshot/model.js';
import { assignment, buildSnapshot, user, workerApp } from '../helpers/snapshot-builder.js';
import { locate, shippedProfile } from './profile-fixtures.js';

/** The MCP server's worker as Ping's guide sets it up: public, PKCE S256, loopback callback, admins only, no role of its own. */
const mcpApp = (overrides: Partial<Application> = {}) =>
  workerApp({
    id: 'app-mcp',
    name: 'PingOne MCP Server',
    grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
    responseTypes: ['CODE'],
    pkceEnforcement: 'S256_REQUIRED',
    tokenEndpointAuthMethod: 'NONE',
    redirectUris: ['http://127.0.0.1:7464/callback'],
    accessControl: { role: { type: 'ADMIN_USERS_ONLY' } },
    _embedded: { roleAssignments: [] },
    ...overrides,
  });
const admin = (name: 'Environment Admin' | 'Configuration Read Only') => user({ id: 'user-dev', username: 'dev@acme.test', _embedded: { roleAssignments: [assignment(name)] } });

function checklist(profileId: string, app: Application, users: User[] = []) {
  const snapshot = buildSnapshot({ environments: [{ applications: [app], users }] });
  return evaluateProfile(shippedProfile(profileId), locate(snapshot, app.id), snapshot, buildSnapshotIndex(snapshot));
}
const item = (list: ReturnType<typeof checklist>, id: string) => list.items.find((candidate) => candidate.check.id === id)!;

describe('pingone-mcp-server', () => {
  it('binds the MCP server’s worker by its name and grant, the device variant by the device grant', () => {
    expect(boundProfileIds(mcpApp(), new Map(), bundledProfiles())).toEqual(['pingone-mcp-server']);
    expect(boundProfileIds(mcpApp({ grantTypes: ['DEVICE_CODE'] }), new Map(), bundledProfiles())).toEqual(['pingone-mcp-server-device']);
  });

  it('is ready when the app follows the guide and the admin who signs in holds Environment Admin', () => {
    expect(checklistStatus(checklist('pingone-mcp-server', mcpApp(), [admin('Environment Admin')]))).toBe('pass');
  });

  it('checks the roles of the users who sign in, not the app’s: a roleless app with a roleless admin is the 403 trap', () => {
    const list = checklist('pingone-mcp-server', mcpApp(), [user({ id: 'user-dev', username: 'dev@acme.test' })]);
    expect(item(list, 'signing-in-admin-role')).toMatchObject({ status: 'fail' });
    const readOnly = checklist('pingone-mcp-server', mcpApp(), [admin('Configuration Read Only')]);
    expect(item(readOnly, 'signing-in-admin-role')).toMatchObject({ status: 'pass', note: expect.stringContaining('only reads configuration') as unknown as string });
  });

  it('says what breaks without the refresh_token grant, and wants the exact loopback callback', () => {
    const list = checklist('pingone-mcp-server', mcpApp({ grantTypes: ['AUTHORIZATION_CODE'], redirectUris: ['http://localhost:7464/callback'] }), [admin('Environment Admin')]);
    expect(item(list, 'grant-types')).toMatchObject({ status: 'fail', breaks: expect.stringContaining('without REFRESH_TOKEN') as unknown as string });
    expect(item(list, 'redirect-uri').status).toBe('fail');
  });

  it('device variant: ready with the device grant alone', () => {
    const { responseTypes: _code, pkceEnforcement: _pkce, redirectUris: _callback, ...device } = mcpApp({ grantTypes: ['DEVICE_CODE'] });
    expect(checklistStatus(checklist('pingone-mcp-server-device', device, [admin('Environment Admin')]))).toBe('pass');
  });
});

describe('scim-outbound', () => {
  const scimApp = (overrides: Partial<Application> = {}) => workerApp({ id: 'app-scim', name: 'SCIM provisioning', ...overrides });

  it('is ready for a client-credentials worker holding Identity Data Admin, bound by its name', () => {
    expect(boundProfileIds(scimApp(), new Map(), bundledProfiles())).toEqual(['scim-outbound']);
    expect(checklistStatus(checklist('scim-outbound', scimApp()))).toBe('pass');
  });

  it('fails without the role, and notes a role beyond it', () => {
    expect(item(checklist('scim-outbound', scimApp({ _embedded: { roleAssignments: [] } })), 'identity-data-admin').status).toBe('fail');
    const wide = checklist('scim-outbound', scimApp({ _embedded: { roleAssignments: [assignment('Identity Data Admin'), assignment('Environment Admin')] } }));
    expect(item(wide, 'identity-data-admin')).toMatchObject({ status: 'pass', note: expect.stringContaining('also holds Environment Admin') as unknown as string });
  });
});
