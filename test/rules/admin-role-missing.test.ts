import rule from '../../rules/roles/admin-role-missing.js';
import { ADMIN_ENV_ID, assignment, buildSnapshot, group, ORG_ID, type Overrides, PROD_ENV_ID, user, workerApp } from '../helpers/snapshot-builder.js';
import type { Application, Role, User } from '../../src/snapshot/model.js';
import { describe, expect, it } from 'vitest';
import { runRule, testRule } from '../helpers/rule-tester.js';

const STAGING_ENV_ID = 'env-staging';
const APP = { type: 'application' as const, id: 'app-connector' };

/** A worker app that signs users in (StackOne's shape), with no roles of its own. */
function userGrantWorker(overrides: Overrides<Application> = {}): Application {
  return workerApp({
    id: 'app-connector',
    name: 'Connector',
    grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
    responseTypes: ['CODE'],
    tokenEndpointAuthMethod: 'CLIENT_SECRET_POST',
    _embedded: { roleAssignments: [] },
    ...overrides,
  });
}

function admin(roles: ReturnType<typeof assignment>[], overrides: Overrides<User> = {}): User {
  return user({ id: 'user-admin', username: 'admin@acme.test', _embedded: { roleAssignments: roles }, ...overrides });
}

/** Production holds the app and its users; Staging exists so scopes can point elsewhere. */
function tenant(app: Application, users: User[] = [], extra: { groups?: ReturnType<typeof group>[]; roles?: Role[] } = {}) {
  return buildSnapshot({
    environments: [
      { id: PROD_ENV_ID, applications: [app], users, groups: extra.groups ?? [], populations: [{ id: 'pop-staff', name: 'Staff' }] },
      { id: STAGING_ENV_ID, name: 'Staging', type: 'SANDBOX' },
    ],
    ...(extra.roles ? { roles: extra.roles } : {}),
  });
}

const envAdmin = () => assignment('Environment Admin');
const orgScope = { type: 'ORGANIZATION' as const, id: ORG_ID };
const stagingScope = { type: 'ENVIRONMENT' as const, id: STAGING_ENV_ID };
const helpdeskScope = { type: 'GROUP' as const, id: 'group-helpdesk' };
const helpdesk = () => group({ id: 'group-helpdesk', name: 'Helpdesk' });
/** A group holding some role, so the collector read its members (it reads members of role-holding groups only). */
const roleHoldingGroup = (id: string, name: string) => group({ id, name, _embedded: { roleAssignments: [assignment('Identity Data Read Only', stagingScope)] } });

/** The snapshot with one user of production left out (its answer did not match the schema). */
function withUserLeftOut(snapshot: ReturnType<typeof tenant>): ReturnType<typeof tenant> {
  const entries = snapshot.manifest.collection.entries.filter((entry) => !(entry.kind === 'users' && entry.environmentId === PROD_ENV_ID));
  entries.push({ kind: 'users', environmentId: PROD_ENV_ID, status: 'failed', error: 'user user-x was left out of the snapshot', failedResources: [{ type: 'user', id: 'user-x' }] });
  return { ...snapshot, manifest: { ...snapshot.manifest, collection: { ...snapshot.manifest.collection, complete: false, entries } } };
}

testRule(
  rule,
  {
    valid: [
      { name: 'user grant, no admin found but a user of the environment was left out: it may be the admin, not reported', snapshot: withUserLeftOut(tenant(userGrantWorker())) },
      {
        name: 'user grant, no admin found but the role assignments of a user who may sign in were not collected: it may be the admin, not reported',
        snapshot: tenant(userGrantWorker(), [user({ id: 'user-unread', username: 'unread@acme.test', _embedded: {} })]),
      },
      {
        name: 'a worker whose only grant this version does not know may sign users in (a 403 trap): not judged, naming it',
        snapshot: tenant(userGrantWorker({ grantTypes: ['PASSKEY_ASSERTION'] })),
        skipped: [{ resource: APP, reason: 'grant type PASSKEY_ASSERTION' }],
      },
      {
        name: 'an application type this version does not know, with client credentials and no role: not judged, naming it',
        snapshot: tenant(workerApp({ type: 'AI_AGENT_APP', _embedded: { roleAssignments: [] } })),
        skipped: [{ resource: { type: 'application', id: 'app-worker' }, reason: 'application type AI_AGENT_APP' }],
      },
      { name: 'client-credentials worker with a role in its environment', snapshot: tenant(workerApp()) },
      { name: 'user grant, an allowed user holds Environment Admin directly', snapshot: tenant(userGrantWorker(), [admin([envAdmin()])]) },
      {
        name: 'user grant, the user holds Environment Admin through a group',
        snapshot: tenant(userGrantWorker(), [admin([], { memberOfGroupIDs: ['group-admins'] })], {
          groups: [group({ id: 'group-admins', _embedded: { roleAssignments: [envAdmin()] } })],
        }),
      },
      {
        name: 'user grant, Organization Admin beside Environment Admin',
        snapshot: tenant(userGrantWorker(), [admin([assignment('Organization Admin', orgScope), envAdmin()])]),
      },
      { name: 'user grant, Environment Admin at organization scope', snapshot: tenant(userGrantWorker(), [admin([assignment('Environment Admin', orgScope)])]) },
      {
        name: 'user grant restricted to a group the admin is in',
        snapshot: tenant(userGrantWorker({ accessControl: { group: { type: 'ANY_GROUP', groups: [{ id: 'group-ops' }] } } }), [admin([envAdmin()], { memberOfGroupIDs: ['group-ops'] })], {
          groups: [roleHoldingGroup('group-ops', 'Ops')],
        }),
      },
      {
        name: 'user grant restricted to a group whose members were not collected (no role): restriction not applied',
        snapshot: tenant(userGrantWorker({ accessControl: { group: { type: 'ANY_GROUP', groups: [{ id: 'group-plain' }] } } }), [admin([envAdmin()])], {
          groups: [group({ id: 'group-plain', name: 'Plain' })],
        }),
      },
      {
        name: 'user grant, a user whose direct roles were not read (unknown, not reported)',
        snapshot: tenant(userGrantWorker(), [user({ id: 'user-unread', username: 'unread', _embedded: undefined })]),
      },
      {
        name: 'user grant, a custom role is not judged',
        snapshot: tenant(userGrantWorker(), [admin([{ id: 'ra-custom', role: { id: 'role-custom' }, scope: { type: 'ENVIRONMENT', id: PROD_ENV_ID } }])], {
          roles: [{ id: 'role-custom', name: 'Integration Operator', type: 'CUSTOM' }],
        }),
      },
      { name: 'client credentials, app role assignments not collected', snapshot: tenant(workerApp({ _embedded: {} })) },
      {
        name: 'client credentials, Organization Admin beside an environment role',
        snapshot: tenant(workerApp({ _embedded: { roleAssignments: [assignment('Organization Admin', orgScope), assignment('Identity Data Read Only')] } })),
      },
      { name: 'client credentials, Environment Admin at organization scope', snapshot: tenant(workerApp({ _embedded: { roleAssignments: [assignment('Environment Admin', orgScope)] } })) },
      {
        name: 'client credentials, a group-scoped role beside an environment-scoped one',
        snapshot: tenant(workerApp({ _embedded: { roleAssignments: [assignment('Identity Data Admin', helpdeskScope), envAdmin()] } }), [], { groups: [helpdesk()] }),
      },
      {
        name: 'client credentials, the only role has a scope type this version does not know: skipped, naming it',
        snapshot: tenant(workerApp({ _embedded: { roleAssignments: [assignment('Environment Admin', { type: 'BUSINESS_UNIT', id: 'bu-1' })] } })),
        skipped: [{ resource: { type: 'application', id: 'app-worker' }, reason: 'scope type BUSINESS_UNIT' }],
      },
      {
        name: 'user grant, the best role has an unknown scope type: skipped, naming it',
        snapshot: tenant(userGrantWorker(), [admin([assignment('Environment Admin', { type: 'BUSINESS_UNIT', id: 'bu-1' })])]),
        skipped: [{ resource: APP, reason: 'scope type BUSINESS_UNIT' }],
      },
      {
        name: 'a web app with a user grant is not a worker',
        snapshot: tenant(userGrantWorker({ type: 'WEB_APP' })),
      },
    ],
    invalid: [
      {
        name: 'user grant and no admin user at all',
        snapshot: tenant(userGrantWorker()),
        errors: [
          {
            messageId: 'userGrantNoAdmin',
            resource: APP,
            pointer: '/grantTypes/0',
            data: { found: 'no user of the environment holds an admin role', grants: 'authorization_code', environment: 'Production' },
          },
        ],
      },
      {
        name: 'user grant, Environment Admin scoped to another environment',
        snapshot: tenant(userGrantWorker(), [admin([assignment('Environment Admin', stagingScope)])]),
        errors: [
          {
            messageId: 'userGrantNoAdmin',
            resource: APP,
            pointer: '/grantTypes/0',
            data: { found: 'the closest is Environment Admin for environment Staging, held by admin@acme.test, which is scoped to another environment' },
          },
        ],
      },
      {
        name: 'user grant, Organization Admin only: the 403 trap (Ping: its permissions stop at the organization)',
        snapshot: tenant(userGrantWorker(), [admin([assignment('Organization Admin', orgScope)])]),
        errors: [
          {
            messageId: 'userGrantNoAdmin',
            resource: APP,
            pointer: '/grantTypes/0',
            data: { found: expect.stringContaining('the closest is Organization Admin for the organization, held by admin@acme.test, which administers the organization') },
          },
        ],
      },
      {
        name: 'client credentials, Organization Admin only: environment reads return 403',
        snapshot: tenant(workerApp({ _embedded: { roleAssignments: [assignment('Organization Admin', orgScope)] } })),
        errors: [
          {
            messageId: 'clientCredentialsOrganizationOnly',
            resource: { type: 'application', id: 'app-worker' },
            pointer: '/_embedded/roleAssignments',
            severity: 'medium',
            data: { app: 'Worker', environment: 'Production' },
          },
        ],
      },
      {
        name: 'user grant, Identity Data Admin only: partial',
        snapshot: tenant(userGrantWorker(), [admin([assignment('Identity Data Admin')])]),
        errors: [
          { messageId: 'userGrantPartial', resource: APP, pointer: '/grantTypes/0', severity: 'medium', data: { role: 'Identity Data Admin for environment Production', admin: 'admin@acme.test' } },
        ],
      },
      {
        name: 'user grant, Identity Data Admin scoped to a population: partial',
        snapshot: tenant(userGrantWorker(), [admin([assignment('Identity Data Admin', { type: 'POPULATION', id: 'pop-staff' })])]),
        errors: [{ messageId: 'userGrantPartial', resource: APP, pointer: '/grantTypes/0', severity: 'medium', data: { role: 'Identity Data Admin for population Staff' } }],
      },
      {
        name: 'user grant, read-only roles only: partial, reads only',
        snapshot: tenant(userGrantWorker(), [admin([assignment('Configuration Read Only'), assignment('Identity Data Read Only')])]),
        errors: [{ messageId: 'userGrantPartial', resource: APP, pointer: '/grantTypes/0', severity: 'medium', data: { reason: 'reads configuration only' } }],
      },
      {
        name: 'user grant, Identity Data Admin beats a read-only role',
        snapshot: tenant(userGrantWorker(), [admin([assignment('Configuration Read Only'), assignment('Identity Data Admin')])]),
        errors: [{ messageId: 'userGrantPartial', resource: APP, pointer: '/grantTypes/0', severity: 'medium', data: { role: 'Identity Data Admin for environment Production' } }],
      },
      {
        name: 'user grant, Application Owner does not cover the Management API',
        snapshot: tenant(userGrantWorker(), [admin([assignment('Application Owner', { type: 'APPLICATION', id: 'app-connector' })])]),
        errors: [{ messageId: 'userGrantNoAdmin', resource: APP, pointer: '/grantTypes/0' }],
      },
      {
        name: 'user grant restricted to a group the admin is not in',
        snapshot: tenant(userGrantWorker({ accessControl: { group: { type: 'ANY_GROUP', groups: [{ id: 'group-ops' }] } } }), [admin([envAdmin()])], {
          groups: [roleHoldingGroup('group-ops', 'Ops')],
        }),
        errors: [{ messageId: 'adminOutsideAllowedGroups', resource: APP, pointer: '/accessControl/group/groups', data: { admin: 'admin@acme.test' } }],
      },
      {
        name: 'user grant restricted to ALL_GROUPS, the admin is in only one',
        snapshot: tenant(
          userGrantWorker({ accessControl: { group: { type: 'ALL_GROUPS', groups: [{ id: 'group-ops' }, { id: 'group-sec' }] } } }),
          [admin([envAdmin()], { memberOfGroupIDs: ['group-ops'] })],
          { groups: [roleHoldingGroup('group-ops', 'Ops'), roleHoldingGroup('group-sec', 'Sec')] },
        ),
        errors: [{ messageId: 'adminOutsideAllowedGroups', resource: APP, pointer: '/accessControl/group/groups' }],
      },
      {
        name: 'user grant restricted to a group: a user kept out whose role assignments were not collected cannot sign in, so still reported',
        snapshot: tenant(
          userGrantWorker({ accessControl: { group: { type: 'ANY_GROUP', groups: [{ id: 'group-ops' }] } } }),
          [user({ id: 'user-unread', username: 'unread@acme.test', _embedded: {} })],
          { groups: [roleHoldingGroup('group-ops', 'Ops')] },
        ),
        errors: [{ messageId: 'userGrantNoAdmin', resource: APP, pointer: '/grantTypes/0', data: { found: 'no admin user is in the groups allowed to sign in to it' } }],
      },
      {
        name: 'user grant, the only admin is disabled',
        snapshot: tenant(userGrantWorker(), [admin([envAdmin()], { enabled: false })]),
        errors: [{ messageId: 'userGrantNoAdmin', resource: APP, pointer: '/grantTypes/0' }],
      },
      {
        name: 'user grant, the admin lives in another environment and cannot sign in to this one',
        snapshot: buildSnapshot({
          environments: [
            { id: PROD_ENV_ID, applications: [userGrantWorker()] },
            { id: ADMIN_ENV_ID, name: 'Administrators', users: [admin([envAdmin()])] },
          ],
        }),
        errors: [{ messageId: 'userGrantNoAdmin', resource: APP, pointer: '/grantTypes/0' }],
      },
      {
        name: 'device_code grant: the pointer names it',
        snapshot: tenant(userGrantWorker({ grantTypes: ['REFRESH_TOKEN', 'DEVICE_CODE'] })),
        errors: [{ messageId: 'userGrantNoAdmin', resource: APP, pointer: '/grantTypes/1', data: { grants: 'device_code' } }],
      },
      {
        name: 'user grant with app roles: the app roles are ignored',
        snapshot: tenant(userGrantWorker({ _embedded: { roleAssignments: [envAdmin()] } }), [admin([envAdmin()])]),
        errors: [{ messageId: 'appRolesIgnored', resource: APP, pointer: '/_embedded/roleAssignments', severity: 'low', data: { count: 1 } }],
      },
      {
        name: 'user grant with app roles and no admin: both reported',
        snapshot: tenant(userGrantWorker({ grantTypes: ['AUTHORIZATION_CODE', 'IMPLICIT'], _embedded: { roleAssignments: [envAdmin()] } })),
        errors: [
          { messageId: 'userGrantNoAdmin', resource: APP, pointer: '/grantTypes/0', data: { grants: 'authorization_code and implicit' } },
          { messageId: 'appRolesIgnored', resource: APP, pointer: '/_embedded/roleAssignments', severity: 'low' },
        ],
      },
      {
        name: 'client credentials and no role assignment',
        snapshot: tenant(workerApp({ _embedded: { roleAssignments: [] } })),
        errors: [
          {
            messageId: 'clientCredentialsNoRoles',
            resource: { type: 'application', id: 'app-worker' },
            pointer: '/_embedded/roleAssignments',
            data: { suggestion: 'the least role its job needs (for example Identity Data Admin)' },
          },
        ],
      },
      {
        name: 'a Terraform worker with no role is told the role Terraform’s profile asks for',
        snapshot: tenant(workerApp({ _embedded: { roleAssignments: [] } })),
        profileBindings: { 'app-worker': ['terraform'] },
        errors: [
          {
            messageId: 'clientCredentialsNoRoles',
            resource: { type: 'application', id: 'app-worker' },
            pointer: '/_embedded/roleAssignments',
            data: { suggestion: 'Environment Admin (what the Terraform provider for PingOne profile asks for)' },
          },
        ],
      },
      {
        name: 'client credentials with roles scoped to another environment only',
        snapshot: tenant(workerApp({ _embedded: { roleAssignments: [assignment('Identity Data Admin', stagingScope)] } })),
        errors: [
          {
            messageId: 'clientCredentialsOtherEnvironments',
            resource: { type: 'application', id: 'app-worker' },
            pointer: '/_embedded/roleAssignments',
            severity: 'low',
            data: { roles: 'Identity Data Admin for environment Staging' },
          },
        ],
      },
      {
        name: 'client credentials whose only role is scoped to a group',
        snapshot: tenant(workerApp({ _embedded: { roleAssignments: [assignment('Identity Data Admin', helpdeskScope)] } }), [], { groups: [helpdesk()] }),
        errors: [
          {
            messageId: 'clientCredentialsLimited',
            resource: { type: 'application', id: 'app-worker' },
            pointer: '/_embedded/roleAssignments',
            severity: 'medium',
            data: { roles: 'Identity Data Admin for group Helpdesk', environment: 'Production' },
          },
        ],
      },
      {
        name: 'client credentials whose only role is scoped to an application',
        snapshot: tenant(workerApp({ _embedded: { roleAssignments: [assignment('Application Owner', { type: 'APPLICATION', id: 'app-worker' })] } })),
        errors: [
          {
            messageId: 'clientCredentialsLimited',
            resource: { type: 'application', id: 'app-worker' },
            pointer: '/_embedded/roleAssignments',
            severity: 'medium',
            data: { roles: 'Application Owner for application Worker' },
          },
        ],
      },
      {
        name: 'user grant, the only signer holds a group-scoped role: partial, naming the group',
        snapshot: tenant(userGrantWorker(), [admin([assignment('Identity Data Admin', helpdeskScope)])], { groups: [helpdesk()] }),
        errors: [
          {
            messageId: 'userGrantPartial',
            resource: APP,
            pointer: '/grantTypes/0',
            severity: 'medium',
            data: { role: 'Identity Data Admin for group Helpdesk', admin: 'admin@acme.test' },
          },
        ],
      },
      {
        name: 'both grants: user roles missing, app roles count for client credentials',
        snapshot: tenant(userGrantWorker({ grantTypes: ['AUTHORIZATION_CODE', 'CLIENT_CREDENTIALS'], _embedded: { roleAssignments: [envAdmin()] } })),
        errors: [{ messageId: 'userGrantNoAdmin', resource: APP, pointer: '/grantTypes/0' }],
      },
    ],
  },
  {
    populations: 'population names only label a population-scoped role; its environment comes from the assignment, and a role that cannot be placed is unknown, which the rule does not judge',
  },
);

describe('admin-role-missing severity', () => {
  it('reports a user grant without any admin at the rule’s own severity (no override)', () => {
    const [report] = runRule(rule, { name: 'none', snapshot: tenant(userGrantWorker()) });
    expect(report?.messageId).toBe('userGrantNoAdmin');
    expect(report?.severity).toBeUndefined();
    expect(rule.meta.severity).toBe('high');
  });
});
