import rule from '../../rules/roles/worker-inherited-actor-roles.js';
import type { Application, User } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { ADMIN_ENV_ID, assignment, buildSnapshot, group, ORG_ID, type Overrides, PROD_ENV_ID, user, workerApp } from '../helpers/snapshot-builder.js';

const orgScope = { type: 'ORGANIZATION' as const, id: ORG_ID };
const WORKER = { type: 'application' as const, id: 'app-worker' };
/** The roles of a typical creator: Environment Admin for the organization plus Identity Data Admin for production. */
const creatorRoles = () => [assignment('Environment Admin', orgScope), assignment('Identity Data Admin')];
const admin = (overrides: Overrides<User> = {}) =>
  user({ id: 'user-admin', username: 'ops@acme.test', createdAt: '2024-01-01T00:00:00Z', _embedded: { roleAssignments: creatorRoles() }, ...overrides });
const worker = (overrides: Overrides<Application> = {}) => workerApp({ createdAt: '2025-06-01T00:00:00Z', _embedded: { roleAssignments: creatorRoles() }, ...overrides });
const tenant = (applications: Application[], users: User[] = [], groups: ReturnType<typeof group>[] = []) =>
  buildSnapshot({
    environments: [
      { id: ADMIN_ENV_ID, name: 'Administrators', users, groups },
      { id: PROD_ENV_ID, applications },
    ],
  });

testRule(rule, {
  valid: [
    {
      name: 'an application type this version does not know, flagged to copy its creator’s roles: not judged, naming it',
      snapshot: tenant([worker({ type: 'AI_AGENT_APP', assignActorRoles: true })]),
      skipped: [{ resource: WORKER, reason: 'application type AI_AGENT_APP' }],
    },
    { name: 'a worker with one role chosen for it', snapshot: tenant([workerApp()], [admin()]) },
    {
      name: 'two roles, but nobody else holds that set',
      snapshot: tenant([worker({ _embedded: { roleAssignments: [assignment('Identity Data Admin'), assignment('Configuration Read Only')] } })], [admin()]),
    },
    {
      name: 'the same set at another scope is another set',
      snapshot: tenant([worker({ _embedded: { roleAssignments: [assignment('Environment Admin'), assignment('Identity Data Admin')] } })], [admin()]),
    },
    { name: 'the look-alike user was created after the worker, so it cannot be its creator', snapshot: tenant([worker()], [admin({ createdAt: '2026-01-01T00:00:00Z' })]) },
    { name: 'a single shared assignment is below the default minimum', snapshot: tenant([workerApp()], [admin({ _embedded: { roleAssignments: [assignment('Identity Data Admin')] } })]) },
    { name: 'assignActorRoles false says nothing', snapshot: tenant([worker({ assignActorRoles: false })]) },
  ],
  invalid: [
    {
      name: 'the same roles and scopes as an admin user',
      snapshot: tenant([worker()], [admin()]),
      errors: [{ messageId: 'identicalToActor', resource: WORKER, pointer: '/_embedded/roleAssignments', data: { actors: 'admin ops@acme.test', count: '2 role assignments' } }],
    },
    {
      name: 'the same as a user’s direct plus group roles',
      snapshot: tenant(
        [worker()],
        [admin({ memberOfGroupIDs: ['group-ops'], _embedded: { roleAssignments: [assignment('Identity Data Admin')] } })],
        [group({ id: 'group-ops', _embedded: { roleAssignments: [assignment('Environment Admin', orgScope)] } })],
      ),
      errors: [{ messageId: 'identicalToActor', resource: WORKER, pointer: '/_embedded/roleAssignments', data: { actors: 'admin ops@acme.test' } }],
    },
    {
      name: 'the same as an older worker app (a bootstrap worker created it)',
      snapshot: tenant([worker(), worker({ id: 'app-bootstrap', name: 'Bootstrap', createdAt: '2024-02-01T00:00:00Z' })]),
      errors: [{ messageId: 'identicalToActor', resource: WORKER, pointer: '/_embedded/roleAssignments', data: { actors: 'worker app Bootstrap' } }],
    },
    {
      name: 'assignActorRoles true in the data is taken at its word',
      snapshot: tenant([worker({ assignActorRoles: true, _embedded: { roleAssignments: [assignment('Identity Data Admin'), assignment('Configuration Read Only')] } })]),
      errors: [{ messageId: 'flaggedAtCreation', resource: WORKER, pointer: '/assignActorRoles' }],
    },
    {
      name: 'a minimum of one assignment, set in the options',
      snapshot: tenant([workerApp()], [admin({ _embedded: { roleAssignments: [assignment('Identity Data Admin')] } })]),
      options: { minimumAssignments: 1 },
      errors: [{ messageId: 'identicalToActor', resource: WORKER, pointer: '/_embedded/roleAssignments', data: { count: '1 role assignment' } }],
    },
  ],
});
