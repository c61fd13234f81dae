import rule from '../../rules/applications/hybrid-response-type.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, webApp, workerApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const WEB = { type: 'application' as const, id: 'app-web' };

testRule(rule, {
  valid: [
    { name: 'CODE only', snapshot: withApps(webApp()) },
    { name: 'no response types (client credentials)', snapshot: withApps(workerApp()) },
    { name: 'implicit without CODE is not hybrid (implicit-grant reports it)', snapshot: withApps(webApp({ grantTypes: ['IMPLICIT'], responseTypes: ['TOKEN', 'ID_TOKEN'] })) },
  ],
  invalid: [
    {
      name: 'code id_token',
      snapshot: withApps(webApp({ responseTypes: ['CODE', 'ID_TOKEN'] })),
      errors: [{ messageId: 'hybrid', resource: WEB, pointer: '/responseTypes', data: { responseTypes: 'CODE ID_TOKEN', frontChannel: 'an ID token' } }],
    },
    {
      name: 'code id_token token: one finding for the app',
      snapshot: withApps(webApp({ responseTypes: ['TOKEN', 'CODE', 'ID_TOKEN'] })),
      errors: [{ messageId: 'hybrid', resource: WEB, pointer: '/responseTypes', data: { frontChannel: 'an access token and an ID token' } }],
    },
  ],
});
