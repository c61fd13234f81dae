import rule from '../../rules/applications/client-secret-jwt.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, webApp, workerApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });

testRule(rule, {
  valid: [
    { name: 'private_key_jwt', snapshot: withApps(webApp()) },
    { name: 'basic and post are another rule’s business', snapshot: withApps(workerApp(), webApp({ id: 'app-post', tokenEndpointAuthMethod: 'CLIENT_SECRET_POST' })) },
    { name: 'a SAML app has no token endpoint authentication', snapshot: withApps(webApp({ protocol: 'SAML', tokenEndpointAuthMethod: 'CLIENT_SECRET_JWT' })) },
  ],
  invalid: [
    {
      name: 'CLIENT_SECRET_JWT',
      snapshot: withApps(workerApp({ tokenEndpointAuthMethod: 'CLIENT_SECRET_JWT' })),
      errors: [{ messageId: 'clientSecretJwt', resource: { type: 'application', id: 'app-worker' }, pointer: '/tokenEndpointAuthMethod' }],
    },
  ],
});
