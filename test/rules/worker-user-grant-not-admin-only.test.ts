import rule from '../../rules/applications/worker-user-grant-not-admin-only.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, type Overrides, webApp, workerApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const WORKER = { type: 'application' as const, id: 'app-worker' };
const signInWorker = (overrides: Overrides<Application> = {}) => workerApp({ grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'], ...overrides });
const adminsOnly = { role: { type: 'ADMIN_USERS_ONLY' as const } };
const opsGroup = { type: 'ANY_GROUP' as const, groups: [{ id: 'group-ops' }] };

testRule(rule, {
  valid: [
    {
      name: 'a worker whose only grant this version does not know may sign users in: not judged, naming it',
      snapshot: withApps(workerApp({ grantTypes: ['PASSKEY_ASSERTION'] })),
      skipped: [{ resource: WORKER, reason: 'grant type PASSKEY_ASSERTION' }],
    },
    {
      name: 'an application type this version does not know with a sign-in grant: not judged, naming it',
      snapshot: withApps(signInWorker({ type: 'AI_AGENT_APP' })),
      skipped: [{ resource: WORKER, reason: 'application type AI_AGENT_APP' }],
    },
    { name: 'admin users only', snapshot: withApps(signInWorker({ accessControl: adminsOnly })) },
    { name: 'admin users only and a group', snapshot: withApps(signInWorker({ accessControl: { ...adminsOnly, group: opsGroup } })) },
    { name: 'a client-credentials worker signs nobody in', snapshot: withApps(workerApp()) },
    { name: 'a web app is not an admin tool', snapshot: withApps(webApp()) },
  ],
  invalid: [
    {
      name: 'no access control at all',
      snapshot: withApps(signInWorker()),
      errors: [{ messageId: 'notAdminOnly', resource: WORKER, pointer: '/accessControl/role/type', data: { grants: 'authorization_code', environment: 'Production' } }],
    },
    {
      name: 'a group restriction without the admin restriction: low',
      snapshot: withApps(signInWorker({ grantTypes: ['DEVICE_CODE'], accessControl: { group: opsGroup } })),
      errors: [{ messageId: 'groupOnly', resource: WORKER, pointer: '/accessControl/role/type', severity: 'low', data: { grants: 'device_code' } }],
    },
    {
      name: 'CIBA is a sign-in grant too',
      snapshot: withApps(workerApp({ grantTypes: ['CIBA'], accessControl: { group: { type: 'ANY_GROUP', groups: [] } } })),
      errors: [{ messageId: 'notAdminOnly', resource: WORKER, pointer: '/accessControl/role/type', data: { grants: 'ciba' } }],
    },
  ],
});
