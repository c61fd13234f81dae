import rule from '../../rules/applications/worker-mixed-grants.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { assignment, buildSnapshot, webApp, workerApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const WORKER = { type: 'application' as const, id: 'app-worker' };

testRule(
  rule,
  {
    valid: [
      {
        name: 'a client-credentials worker with a grant this version does not know: not judged, naming it',
        snapshot: withApps(workerApp({ grantTypes: ['CLIENT_CREDENTIALS', 'PASSKEY_ASSERTION'] })),
        skipped: [{ resource: WORKER, reason: 'grant type PASSKEY_ASSERTION' }],
      },
      {
        name: 'an application type this version does not know with both kinds of grant: not judged, naming it',
        snapshot: withApps(workerApp({ type: 'AI_AGENT_APP', grantTypes: ['CLIENT_CREDENTIALS', 'AUTHORIZATION_CODE'] })),
        skipped: [{ resource: WORKER, reason: 'application type AI_AGENT_APP' }],
      },
      { name: 'a client-credentials-only worker', snapshot: withApps(workerApp()) },
      { name: 'a worker that only signs users in', snapshot: withApps(workerApp({ grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'] })) },
      { name: 'refresh and token exchange are not sign-in grants', snapshot: withApps(workerApp({ grantTypes: ['CLIENT_CREDENTIALS', 'REFRESH_TOKEN', 'TOKEN_EXCHANGE'] })) },
      { name: 'a web app with both is not a worker (another rule)', snapshot: withApps(webApp({ grantTypes: ['AUTHORIZATION_CODE', 'CLIENT_CREDENTIALS'] })) },
    ],
    invalid: [
      {
        name: 'client credentials and authorization code: points at client_credentials',
        snapshot: withApps(workerApp({ grantTypes: ['AUTHORIZATION_CODE', 'CLIENT_CREDENTIALS'] })),
        errors: [{ messageId: 'mixedGrants', resource: WORKER, pointer: '/grantTypes/1', data: { grants: 'authorization_code', roles: '1 role assignment' } }],
      },
      {
        name: 'CIBA counts as a sign-in grant',
        snapshot: withApps(workerApp({ grantTypes: ['CLIENT_CREDENTIALS', 'CIBA'], _embedded: { roleAssignments: [assignment('Identity Data Admin'), assignment('Configuration Read Only')] } })),
        errors: [{ messageId: 'mixedGrants', resource: WORKER, pointer: '/grantTypes/0', data: { grants: 'ciba', roles: '2 role assignments' } }],
      },
      {
        name: 'several user grants, role assignments not collected',
        snapshot: withApps(workerApp({ grantTypes: ['CLIENT_CREDENTIALS', 'IMPLICIT', 'DEVICE_CODE'], _embedded: {} })),
        errors: [{ messageId: 'mixedGrants', resource: WORKER, pointer: '/grantTypes/0', data: { grants: 'implicit and device_code', roles: 'roles' } }],
      },
    ],
  },
  {
    applicationRoleAssignments: 'the count of role assignments only words the message ("roles" when they were not read)',
  },
);
