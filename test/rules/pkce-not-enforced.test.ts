import rule from '../../rules/applications/pkce-not-enforced.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, type Overrides, webApp, workerApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const WEB = { type: 'application' as const, id: 'app-web' };
const spa = (overrides: Overrides<Application> = {}) => webApp({ type: 'SINGLE_PAGE_APP', tokenEndpointAuthMethod: 'NONE', ...overrides });

testRule(rule, {
  valid: [
    { name: 'S256_REQUIRED on a confidential and a public client', snapshot: withApps(webApp(), spa({ id: 'app-spa' })) },
    { name: 'client credentials only: no code flow, PKCE does not apply', snapshot: withApps(workerApp({ pkceEnforcement: 'OPTIONAL' })) },
    { name: 'a SAML app is never judged', snapshot: withApps(webApp({ protocol: 'SAML', pkceEnforcement: 'OPTIONAL' })) },
    {
      name: 'a PKCE setting this version does not know is not judged, and named',
      snapshot: withApps(webApp({ pkceEnforcement: 'S512_REQUIRED' })),
      skipped: [{ resource: WEB, reason: 'PKCE enforcement S512_REQUIRED' }],
    },
    { name: 'PingOne’s own portal: its PKCE setting is PingOne’s', snapshot: withApps(spa({ id: 'app-portal', type: 'PING_ONE_PORTAL', pkceEnforcement: 'OPTIONAL' })) },
  ],
  invalid: [
    {
      name: 'OPTIONAL on a confidential client: medium (the default)',
      snapshot: withApps(webApp({ pkceEnforcement: 'OPTIONAL' })),
      errors: [{ messageId: 'notRequired', resource: WEB, pointer: '/pkceEnforcement', data: { client: 'confidential client', setting: 'OPTIONAL' } }],
    },
    {
      name: 'not set counts as OPTIONAL',
      snapshot: withApps(webApp({ pkceEnforcement: undefined })),
      errors: [{ messageId: 'notRequired', resource: WEB, pointer: '/pkceEnforcement', data: { setting: 'OPTIONAL (not set)' } }],
    },
    {
      name: 'OPTIONAL on a public client is high',
      snapshot: withApps(spa({ pkceEnforcement: 'OPTIONAL' })),
      errors: [{ messageId: 'notRequired', resource: WEB, pointer: '/pkceEnforcement', severity: 'high', data: { client: 'public client' } }],
    },
    {
      name: 'REQUIRED (plain accepted) on a public client is medium',
      snapshot: withApps(spa({ pkceEnforcement: 'REQUIRED' })),
      errors: [{ messageId: 'plainAllowed', resource: WEB, pointer: '/pkceEnforcement', data: { client: 'public client' } }],
    },
    {
      name: 'REQUIRED (plain accepted) on a confidential client is low',
      snapshot: withApps(webApp({ pkceEnforcement: 'REQUIRED' })),
      errors: [{ messageId: 'plainAllowed', resource: WEB, pointer: '/pkceEnforcement', severity: 'low' }],
    },
    {
      name: 'a StackOne-style worker with OPTIONAL as its guide asks is still reported',
      snapshot: withApps(workerApp({ grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'], tokenEndpointAuthMethod: 'CLIENT_SECRET_POST', pkceEnforcement: 'OPTIONAL' })),
      errors: [{ messageId: 'notRequired', resource: { type: 'application', id: 'app-worker' }, pointer: '/pkceEnforcement' }],
    },
  ],
});
