import rule from '../../rules/roles/actor-roles-exceed-integration.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { assignment, buildSnapshot, ORG_ID, type Overrides, workerApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const WORKER = { type: 'application' as const, id: 'app-worker' };
const orgScope = { type: 'ORGANIZATION' as const, id: ORG_ID };
const workerWith = (roles: ReturnType<typeof assignment>[], overrides: Overrides<Application> = {}) => workerApp({ _embedded: { roleAssignments: roles }, ...overrides });
const sync = { 'app-worker': ['pingdatasync'] };
const STACKONE_CALLBACK = 'https://api.stackone.com/connect/oauth2/pingone/callback';

testRule(
  rule,
  {
    valid: [
      {
        name: 'a role scope this version does not know may be narrow enough: not judged, naming it',
        snapshot: withApps(workerWith([assignment('Identity Data Admin', { type: 'BUSINESS_UNIT', id: 'bu-1' })])),
        profileBindings: sync,
        skipped: [{ resource: WORKER, reason: 'scope type BUSINESS_UNIT' }],
      },
      { name: 'PingDataSync with Identity Data Admin for its environment', snapshot: withApps(workerWith([assignment('Identity Data Admin')])), profileBindings: sync },
      { name: 'an unbound worker is not judged here', snapshot: withApps(workerWith([assignment('Environment Admin', orgScope)])) },
      { name: 'Terraform’s needs are not judged', snapshot: withApps(workerWith([assignment('Organization Admin', orgScope)])), profileBindings: { 'app-worker': ['terraform'] } },
      { name: 'a profile this table does not know', snapshot: withApps(workerWith([assignment('Environment Admin')])), profileBindings: { 'app-worker': ['cyclr'] } },
      {
        name: 'a custom role is not judged',
        snapshot: buildSnapshot({
          environments: [
            {
              applications: [workerWith([{ id: 'ra-c', role: { id: 'role-sync' }, scope: { type: 'ENVIRONMENT', id: 'env-prod' } }])],
              roles: [{ id: 'role-sync', name: 'Sync Writer', type: 'CUSTOM' }],
            },
          ],
        }),
        profileBindings: sync,
      },
      {
        name: 'StackOne app with roles but no client_credentials: ignored roles, admin-role-missing’s business',
        snapshot: withApps(workerWith([assignment('Environment Admin')], { grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'], redirectUris: [STACKONE_CALLBACK] })),
      },
      {
        name: 'Ping CLI client credentials with environment roles',
        snapshot: withApps(workerWith([assignment('Environment Admin'), assignment('Identity Data Admin')])),
        profileBindings: { 'app-worker': ['pingcli-client-credentials'] },
      },
    ],
    invalid: [
      {
        name: 'PingDataSync holding Environment Admin too',
        snapshot: withApps(workerWith([assignment('Identity Data Admin'), assignment('Environment Admin')])),
        profileBindings: sync,
        errors: [{ messageId: 'roleNotNeeded', resource: WORKER, pointer: '/_embedded/roleAssignments/1', data: { profiles: 'pingdatasync', role: 'Environment Admin for environment Production' } }],
      },
      {
        name: 'pingctl client credentials with a needed role at organization scope',
        snapshot: withApps(workerWith([assignment('Environment Admin', orgScope)])),
        profileBindings: { 'app-worker': ['pingctl-client-credentials'] },
        errors: [{ messageId: 'scopeTooWide', resource: WORKER, pointer: '/_embedded/roleAssignments/0', data: { role: 'Environment Admin for the organization' } }],
      },
      {
        name: 'StackOne recognised by its callback, with client_credentials and a role: every role is usable by the secret',
        snapshot: withApps(workerWith([assignment('Identity Data Admin')], { grantTypes: ['AUTHORIZATION_CODE', 'CLIENT_CREDENTIALS'], redirectUris: [STACKONE_CALLBACK] })),
        errors: [{ messageId: 'rolesOnSignInIntegration', resource: WORKER, pointer: '/_embedded/roleAssignments/0', data: { profiles: 'stackone' } }],
      },
      {
        name: 'bound to two integrations: a role either needs is kept, the rest is reported',
        snapshot: withApps(workerWith([assignment('Identity Data Admin'), assignment('Configuration Read Only'), assignment('Environment Admin', orgScope)])),
        profileBindings: { 'app-worker': ['pingdatasync', 'pingcli-client-credentials'] },
        errors: [{ messageId: 'scopeTooWide', resource: WORKER, pointer: '/_embedded/roleAssignments/2', data: { profiles: 'pingcli-client-credentials and pingdatasync' } }],
      },
    ],
  },
  {
    customRoles: 'custom roles are never judged (verdict skips them); unread, the role is unknown and skipped the same way',
  },
);
