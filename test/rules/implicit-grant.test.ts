import rule from '../../rules/applications/implicit-grant.js';
import { buildSnapshot, webApp, workerApp } from '../helpers/snapshot-builder.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const WEB = { type: 'application' as const, id: 'app-web' };

testRule(rule, {
  valid: [
    { name: 'authorization code with CODE', snapshot: withApps(webApp(), workerApp()) },
    { name: 'hybrid code id_token returns no access token from the authorization endpoint', snapshot: withApps(webApp({ responseTypes: ['CODE', 'ID_TOKEN'] })) },
    { name: 'a SAML app has no grants', snapshot: withApps(webApp({ protocol: 'SAML', grantTypes: ['IMPLICIT'] })) },
  ],
  invalid: [
    {
      name: 'the implicit grant: one finding on the grant',
      snapshot: withApps(webApp({ type: 'SINGLE_PAGE_APP', grantTypes: ['IMPLICIT'], responseTypes: ['TOKEN', 'ID_TOKEN'] })),
      errors: [{ messageId: 'implicitGrant', resource: WEB, pointer: '/grantTypes/0', data: { responseTypes: 'TOKEN, ID_TOKEN' } }],
    },
    {
      name: 'a worker app with the implicit grant is high',
      snapshot: withApps(workerApp({ grantTypes: ['CLIENT_CREDENTIALS', 'IMPLICIT'], responseTypes: ['TOKEN'] })),
      errors: [{ messageId: 'implicitGrant', resource: { type: 'application', id: 'app-worker' }, pointer: '/grantTypes/1', severity: 'high' }],
    },
    {
      name: 'TOKEN response type without the grant',
      snapshot: withApps(webApp({ responseTypes: ['CODE', 'TOKEN'] })),
      errors: [{ messageId: 'tokenResponseType', resource: WEB, pointer: '/responseTypes/1', data: { responseType: 'TOKEN' } }],
    },
    {
      name: 'ID_TOKEN without CODE',
      snapshot: withApps(webApp({ responseTypes: ['ID_TOKEN'] })),
      errors: [{ messageId: 'tokenResponseType', resource: WEB, pointer: '/responseTypes/0', data: { responseType: 'ID_TOKEN' } }],
    },
  ],
});
