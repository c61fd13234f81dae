import { describe, expect, it } from 'vitest';
import type { ApiApplication as Application, ApiRoleAssignment as RoleAssignment, ApiUser as User } from '../../src/simulator/api-types.js';
import type { DatasetEnvironment } from '../../src/simulator/index.js';
import { violations } from './api-schemas.js';
import { applicationNamed, demoDataset, environmentNamed } from './simulator-client.js';

const dataset = demoDataset();
const admin = environmentNamed(dataset, 'Administrators');
const production = environmentNamed(dataset, 'Production');
const productionId = production.environment.id;
const roleName = (assignment: RoleAssignment): string | undefined => dataset.roles.find((role) => role.id === assignment.role.id)?.name;
const allAssignments = dataset.environments.flatMap((entry) => entry.roleAssignments);
const coversProduction = (assignment: RoleAssignment): boolean =>
  (assignment.scope.type === 'ENVIRONMENT' && assignment.scope.id === productionId) || (assignment.scope.type === 'ORGANIZATION' && assignment.scope.id === dataset.organization.id);

/** Role names a user holds over Production, directly or through its groups. */
function rolesOverProduction(user: User): string[] {
  const holders = new Set([user.id, ...(user.memberOfGroupIDs ?? [])]);
  return allAssignments.filter((assignment) => holders.has((assignment.user ?? assignment.group)?.id ?? '') && coversProduction(assignment)).map((assignment) => roleName(assignment) ?? '');
}

/** Users of the app's environment that its access control lets sign in. */
function signInUsers(environment: DatasetEnvironment, app: Application): User[] {
  const allowedGroups = app.accessControl?.group?.groups.map((group) => group.id);
  return environment.users.filter((user) => user.enabled !== false && (allowedGroups === undefined || allowedGroups.some((id) => user.memberOfGroupIDs?.includes(id))));
}

const appAssignments = (app: Application): RoleAssignment[] => allAssignments.filter((assignment) => assignment.application?.id === app.id);
const fullCoverage = ['Organization Admin', 'Environment Admin'];
const stackOneRedirect = 'https://api.stackone.com/connect/oauth2/pingone/callback';

describe('demo dataset: Acme Corp', () => {
  it('uses fixed, unique UUIDs and built-in role names the API knows', () => {
    const ids = dataset.environments.flatMap((entry) =>
      Object.entries(entry).flatMap(([list, items]) => (list === 'environment' ? [entry.environment.id] : (items as Array<{ id: string }>).map((item) => item.id))),
    );
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(ids.filter((id) => !uuid.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(dataset.roles.flatMap((role) => violations('Role', role))).toEqual([]);
    expect(dataset.roles.map((role) => role.name)).toEqual(
      expect.arrayContaining(['Organization Admin', 'Environment Admin', 'Identity Data Admin', 'Identity Data Read Only', 'Configuration Read Only', 'Client Application Developer']),
    );
    expect(dataset.organization.name).toBe('Acme Corp');
  });

  it('has about 30 users, populations, and a handful of admins directly and through groups', () => {
    const users = dataset.environments.flatMap((entry) => entry.users);
    expect(users.length).toBeGreaterThanOrEqual(25);
    expect(users.length).toBeLessThanOrEqual(40);
    expect(dataset.environments.every((entry) => entry.populations.length > 0)).toBe(true);
    expect(allAssignments.some((assignment) => assignment.user !== undefined)).toBe(true);
    expect(allAssignments.some((assignment) => assignment.group !== undefined)).toBe(true);
  });

  it('Administrators: Platform Admins hold Environment Admin over Production', () => {
    const group = admin.groups.find((candidate) => candidate.name === 'Platform Admins')!;
    const held = admin.roleAssignments.filter((assignment) => assignment.group?.id === group.id);
    expect(held.map((assignment) => [roleName(assignment), assignment.scope])).toContainEqual(['Environment Admin', { id: productionId, type: 'ENVIRONMENT' }]);
    expect(admin.users.filter((user) => user.memberOfGroupIDs?.includes(group.id)).length).toBeGreaterThan(0);
  });

  it('Administrators: the auditor worker has Configuration + Identity Data Read Only on each environment, and credentials', () => {
    const auditor = applicationNamed(dataset, 'pingone-audit');
    expect(admin.applications).toContain(auditor);
    expect(auditor).toMatchObject({ type: 'WORKER', enabled: true, grantTypes: ['CLIENT_CREDENTIALS'] });
    const held = appAssignments(auditor);
    for (const { environment } of dataset.environments) {
      const names = held.filter((assignment) => assignment.scope.type === 'ENVIRONMENT' && assignment.scope.id === environment.id).map(roleName);
      expect(names.sort(), environment.name).toEqual(['Configuration Read Only', 'Identity Data Read Only']);
    }
    expect(dataset.credentials.find((credential) => credential.clientId === auditor.id)).toMatchObject({ environmentId: admin.environment.id });
  });

  it('Production: a correct StackOne worker with a signing-in Environment Admin through a group', () => {
    const app = applicationNamed(dataset, 'StackOne');
    expect(app).toMatchObject({
      type: 'WORKER',
      enabled: true,
      grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
      responseTypes: ['CODE'],
      pkceEnforcement: 'OPTIONAL',
      tokenEndpointAuthMethod: 'CLIENT_SECRET_POST',
      redirectUris: [stackOneRedirect],
      refreshTokenType: 'JSON_WEB_TOKEN',
      refreshTokenDuration: 30 * 86400,
      refreshTokenRollingDuration: 180 * 86400,
      accessControl: { role: { type: 'ADMIN_USERS_ONLY' } },
    });
    const viaGroup = signInUsers(production, app).filter((user) =>
      production.roleAssignments.some((assignment) => roleName(assignment) === 'Environment Admin' && user.memberOfGroupIDs?.includes(assignment.group?.id ?? '')),
    );
    expect(viaGroup.length).toBeGreaterThan(0);
  });

  it('Production: a misconfigured StackOne app that falls into the 403 trap', () => {
    const app = applicationNamed(dataset, 'StackOne (legacy)');
    expect(app.enabled).toBe(false);
    expect(app.redirectUris).toEqual([`${stackOneRedirect}/`]);
    expect(app.refreshTokenType).toBe('OPAQUE_TOKEN');
    expect(appAssignments(app).length).toBeGreaterThan(0);
    const signers = signInUsers(production, app);
    expect(signers.length).toBeGreaterThan(0);
    const covering = signers.filter((user) => rolesOverProduction(user).some((name) => [...fullCoverage, 'Identity Data Admin'].includes(name)));
    expect(covering).toEqual([]);
  });

  it('Production: implicit grant, role-less worker, mis-scoped worker', () => {
    expect(production.applications.some((app) => app.grantTypes?.includes('IMPLICIT') && app.responseTypes?.includes('TOKEN'))).toBe(true);
    const clientCredentialWorkers = production.applications.filter((app) => app.type === 'WORKER' && app.grantTypes?.includes('CLIENT_CREDENTIALS'));
    expect(clientCredentialWorkers.some((app) => appAssignments(app).length === 0)).toBe(true);
    expect(clientCredentialWorkers.some((app) => appAssignments(app).length > 0 && appAssignments(app).every((assignment) => !coversProduction(assignment)))).toBe(true);
  });

  it('Production: an auth-code worker whose signing-in users hold only Identity Data Admin', () => {
    const app = production.applications.find(
      (candidate) =>
        candidate.type === 'WORKER' &&
        candidate.grantTypes?.includes('AUTHORIZATION_CODE') &&
        signInUsers(production, candidate).length > 0 &&
        signInUsers(production, candidate).every((user) => rolesOverProduction(user).join() === 'Identity Data Admin'),
    );
    expect(app?.name).toBe('Identity Sync Console');
  });

  it('Production: a correct client-credentials worker with Identity Data Admin on Production (PingDataSync)', () => {
    const app = applicationNamed(dataset, 'PingDataSync');
    expect(app).toMatchObject({ type: 'WORKER', enabled: true, grantTypes: ['CLIENT_CREDENTIALS'], tokenEndpointAuthMethod: 'CLIENT_SECRET_POST' });
    expect(appAssignments(app).map((assignment) => [roleName(assignment), assignment.scope.id])).toEqual([['Identity Data Admin', productionId]]);
  });

  it('Production: a correct web app, a SPA with PKCE, a SAML app; the Admin Console app exists', () => {
    expect(production.applications).toContainEqual(
      expect.objectContaining({
        type: 'WEB_APP',
        protocol: 'OPENID_CONNECT',
        responseTypes: ['CODE'],
        pkceEnforcement: 'S256_REQUIRED',
        refreshTokenType: 'OPAQUE_TOKEN',
        refreshTokenRollingDuration: expect.any(Number),
        additionalRefreshTokenReplayProtectionEnabled: true,
      }),
    );
    expect(production.applications).toContainEqual(expect.objectContaining({ type: 'SINGLE_PAGE_APP', pkceEnforcement: 'S256_REQUIRED', responseTypes: ['CODE'] }));
    expect(production.applications.some((app) => app.protocol === 'SAML')).toBe(true);
    expect(dataset.environments.flatMap((entry) => entry.applications).some((app) => app.type === 'PING_ONE_ADMIN_CONSOLE')).toBe(true);
  });

  it('Production: a PingFederate gateway with a role assignment, and Single_Factor + Multi_Factor policies', () => {
    const gateway = production.gateways.find((candidate) => candidate.type === 'PING_FEDERATE')!;
    expect(production.roleAssignments.some((assignment) => assignment.gateway?.id === gateway.id)).toBe(true);
    const single = production.signOnPolicies.find((policy) => policy.name === 'Single_Factor')!;
    const multi = production.signOnPolicies.find((policy) => policy.name === 'Multi_Factor')!;
    expect(single.default).toBe(true);
    const actionTypes = production.signOnPolicyActions.filter((action) => action.signOnPolicy?.id === multi.id).map((action) => action.type);
    expect(actionTypes).toEqual(['LOGIN', 'MULTI_FACTOR_AUTHENTICATION']);
  });
});
