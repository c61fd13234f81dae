import { describe, expect, it } from 'vitest';
import { isAdminUserRole, isBuiltInRole } from '../../../src/pingone/admin-actors.js';
import { INTEGRATION_ROLE_NEEDS } from '../../../src/pingone/integration-role-needs.js';
import { grantPointer, signInGrantsOf } from '../../../src/pingone/sign-in-grants.js';
import { appsOf, policiesInUse, signsAdminsIn, signsUsersIn } from '../../../src/pingone/sign-on-policies.js';
import { listNames } from '../../../rules/shared/wording.js';
import { BUILT_IN_ROLES, webApp, workerApp } from '../../helpers/snapshot-builder.js';
import { MULTI_FACTOR, SINGLE_FACTOR, appWithPolicies, tenant } from '../sign-on-policy-fixtures.js';

describe('wording', () => {
  it('lists names with "and", and counts past the shown ones', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(listNames(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 more');
  });
});

describe('sign-in grants', () => {
  it('counts CIBA with the user grants and points at a grant or at the list', () => {
    const app = workerApp({ grantTypes: ['CLIENT_CREDENTIALS', 'CIBA', 'REFRESH_TOKEN', 'AUTHORIZATION_CODE'] });
    expect(signInGrantsOf(app)).toEqual(['CIBA', 'AUTHORIZATION_CODE']);
    expect(grantPointer(app, 'AUTHORIZATION_CODE')).toBe('/grantTypes/3');
    expect(grantPointer(app, 'IMPLICIT')).toBe('/grantTypes');
  });
});

describe('built-in role names', () => {
  it('matches names loosely but never a custom role', () => {
    const role = { id: 'r', name: 'Identity Data Read-Only', type: 'PLATFORM' as const };
    expect(isBuiltInRole(role, 'Identity Data Read Only')).toBe(true);
    expect(isBuiltInRole({ ...role, type: 'CUSTOM' }, 'Identity Data Read Only')).toBe(false);
    expect(isBuiltInRole(undefined, 'Organization Admin')).toBe(false);
    const adminRoles = BUILT_IN_ROLES.filter(isAdminUserRole).map((builtIn) => builtIn.name);
    expect(adminRoles).toEqual(['Organization Admin', 'Environment Admin', 'Identity Data Admin', 'Client Application Developer']);
  });
});

describe('integration role needs', () => {
  it('has an entry for every integration profile the issue ships', () => {
    const profiles = [
      'stackone',
      'pingdatasync',
      'pingctl-auth-code',
      'pingctl-implicit',
      'pingctl-client-credentials',
      'pingcli-client-credentials',
      'pingcli-auth-code',
      'terraform',
      'pingone-mcp-server',
      'pingone-mcp-server-device',
      'scim-outbound',
    ];
    expect(Object.keys(INTEGRATION_ROLE_NEEDS).sort()).toEqual([...profiles].sort());
    expect(INTEGRATION_ROLE_NEEDS.stackone?.appRoles).toEqual([]);
    expect(INTEGRATION_ROLE_NEEDS.terraform?.appRoles).toBeUndefined();
  });
});

describe('sign-on policy usage', () => {
  it('tells which apps sign users in and which of them sign admins in', () => {
    expect(signsUsersIn(webApp())).toBe(true);
    expect(signsUsersIn(webApp({ enabled: false }))).toBe(false);
    expect(signsUsersIn(workerApp())).toBe(false);
    expect(signsUsersIn(webApp({ protocol: 'SAML', grantTypes: undefined }))).toBe(true);
    expect(signsAdminsIn(workerApp({ grantTypes: ['DEVICE_CODE'] }))).toBe(true);
    expect(signsAdminsIn(webApp())).toBe(false);
    expect(signsAdminsIn(webApp({ type: 'PING_ONE_ADMIN_CONSOLE' }))).toBe(true);
  });

  it('gives the default policy the unassigned apps, and each assigned policy its own', () => {
    const usage = policiesInUse(tenant([appWithPolicies([]), appWithPolicies([MULTI_FACTOR], { id: 'app-2', name: 'Shop' })]));
    const byId = new Map(usage.map((entry) => [entry.policy.id, appsOf(entry).map((app) => app.name)]));
    expect(byId.get(SINGLE_FACTOR)).toEqual(['Web']);
    expect(byId.get(MULTI_FACTOR)).toEqual(['Shop']);
  });
});
