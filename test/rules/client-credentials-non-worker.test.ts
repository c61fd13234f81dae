import rule from '../../rules/applications/client-credentials-non-worker.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, type Overrides, webApp, workerApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const WEB = { type: 'application' as const, id: 'app-web' };
const withClientCredentials = (overrides: Overrides<Application> = {}) => webApp({ grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN', 'CLIENT_CREDENTIALS'], ...overrides });

testRule(rule, {
  valid: [
    {
      name: 'an application type this version does not know may be made for client credentials: not judged, naming it',
      snapshot: withApps(withClientCredentials({ type: 'AI_AGENT_APP' })),
      skipped: [{ resource: WEB, reason: 'application type AI_AGENT_APP' }],
    },
    { name: 'a hardened web app without client credentials', snapshot: withApps(webApp()) },
    { name: 'a worker app', snapshot: withApps(workerApp()) },
    { name: 'a non-interactive (SERVICE) app is made for it', snapshot: withApps(withClientCredentials({ type: 'SERVICE', grantTypes: ['CLIENT_CREDENTIALS'] })) },
    { name: 'a SAML app has no OAuth grants', snapshot: withApps(withClientCredentials({ protocol: 'SAML' })) },
  ],
  invalid: [
    {
      name: 'a confidential web app: low',
      snapshot: withApps(withClientCredentials()),
      errors: [{ messageId: 'userFacingApp', resource: WEB, pointer: '/grantTypes/2', data: { type: 'WEB_APP' } }],
    },
    {
      name: 'a single-page app cannot keep the secret: medium',
      snapshot: withApps(withClientCredentials({ type: 'SINGLE_PAGE_APP', grantTypes: ['CLIENT_CREDENTIALS'] })),
      errors: [{ messageId: 'publicClient', resource: WEB, pointer: '/grantTypes/0', severity: 'medium', data: { type: 'SINGLE_PAGE_APP' } }],
    },
    {
      name: 'a custom app that authenticates with NONE: medium',
      snapshot: withApps(withClientCredentials({ type: 'CUSTOM_APP', tokenEndpointAuthMethod: 'NONE' })),
      errors: [{ messageId: 'publicClient', resource: WEB, pointer: '/grantTypes/2', severity: 'medium' }],
    },
  ],
});
