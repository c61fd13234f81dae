import rule from '../../rules/applications/cors-any-origin.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, webApp, workerApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const WEB = { type: 'application' as const, id: 'app-web' };

testRule(rule, {
  valid: [
    {
      name: 'a grant type this version does not know may sign browser users in: not judged, naming it',
      snapshot: withApps(webApp({ grantTypes: ['PASSKEY_ASSERTION'], corsSettings: undefined })),
      skipped: [{ resource: WEB, reason: 'grant type PASSKEY_ASSERTION, which this version does not know' }],
    },
    { name: 'an unknown grant type on an app whose CORS is closed: nothing to judge', snapshot: withApps(webApp({ grantTypes: ['PASSKEY_ASSERTION'] })) },
    { name: 'no origins allowed', snapshot: withApps(webApp()) },
    { name: 'specific exact origins', snapshot: withApps(webApp({ corsSettings: { behavior: 'ALLOW_SPECIFIC_ORIGINS', origins: ['https://app.example.com', 'http://localhost:3000'] } })) },
    { name: 'a client-credentials worker never runs in a browser', snapshot: withApps(workerApp()) },
    { name: 'PingOne’s own applications', snapshot: withApps(webApp({ type: 'PING_ONE_PORTAL', corsSettings: undefined })) },
  ],
  invalid: [
    {
      name: 'no corsSettings: legacy any-origin behaviour',
      snapshot: withApps(webApp({ corsSettings: undefined })),
      errors: [{ messageId: 'legacyAnyOrigin', resource: WEB, pointer: '/corsSettings' }],
    },
    {
      name: 'a SAML app without corsSettings',
      snapshot: withApps(webApp({ protocol: 'SAML', grantTypes: undefined, corsSettings: undefined })),
      errors: [{ messageId: 'legacyAnyOrigin', resource: WEB, pointer: '/corsSettings' }],
    },
    {
      name: 'a wildcard subdomain origin',
      snapshot: withApps(webApp({ corsSettings: { behavior: 'ALLOW_SPECIFIC_ORIGINS', origins: ['https://app.example.com', 'https://*.example.com'] } })),
      errors: [{ messageId: 'wildcardOrigin', resource: WEB, pointer: '/corsSettings/origins/1', data: { origin: 'https://*.example.com' } }],
    },
  ],
});
