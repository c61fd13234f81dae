import rule from '../../rules/applications/par-not-required-for-admin-apps.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, type Overrides, webApp, workerApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const WORKER = { type: 'application' as const, id: 'app-worker' };
const adminApp = (overrides: Overrides<Application> = {}) =>
  workerApp({ grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'], tokenEndpointAuthMethod: 'NONE', redirectUris: ['http://127.0.0.1:7464/callback'], ...overrides });

testRule(rule, {
  valid: [
    {
      name: 'an application type this version does not know may be a worker: not judged, naming it',
      snapshot: withApps(adminApp({ type: 'AI_AGENT_APP', parRequirement: 'OPTIONAL' })),
      skipped: [{ resource: WORKER, reason: 'application type AI_AGENT_APP' }],
    },
    {
      name: 'a worker whose only grant this version does not know: not judged, naming it',
      snapshot: withApps(adminApp({ grantTypes: ['PASSKEY_ASSERTION'], parRequirement: 'OPTIONAL' })),
      skipped: [{ resource: WORKER, reason: 'grant type PASSKEY_ASSERTION' }],
    },
    { name: 'a worker app with user grants and PAR required', snapshot: withApps(adminApp({ parRequirement: 'REQUIRED' })) },
    { name: 'a client-credentials worker has no authorization request', snapshot: withApps(workerApp({ parRequirement: 'OPTIONAL' })) },
    { name: 'a web app is not an admin app', snapshot: withApps(webApp({ parRequirement: 'OPTIONAL' })) },
  ],
  invalid: [
    {
      name: 'OPTIONAL on a worker app that signs users in',
      snapshot: withApps(adminApp({ parRequirement: 'OPTIONAL' })),
      errors: [{ messageId: 'parOptional', resource: WORKER, pointer: '/parRequirement', data: { grants: 'authorization_code' } }],
    },
    {
      name: 'not set counts as OPTIONAL; device code is a user grant too',
      snapshot: withApps(adminApp({ grantTypes: ['DEVICE_CODE', 'AUTHORIZATION_CODE'] })),
      errors: [{ messageId: 'parOptional', resource: WORKER, pointer: '/parRequirement', data: { grants: 'device_code and authorization_code' } }],
    },
    {
      name: 'an integration’s app says to check its client first',
      snapshot: withApps(adminApp({ tokenEndpointAuthMethod: 'CLIENT_SECRET_POST', redirectUris: ['https://api.stackone.com/connect/oauth2/pingone/callback'] })),
      errors: [{ messageId: 'parOptionalIntegration', resource: WORKER, pointer: '/parRequirement', data: { profiles: 'stackone' } }],
    },
  ],
});
