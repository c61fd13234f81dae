import rule from '../../rules/applications/public-client-with-secret.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, type Overrides, webApp, workerApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const spa = (overrides: Overrides<Application>) => webApp({ type: 'SINGLE_PAGE_APP', tokenEndpointAuthMethod: 'NONE', ...overrides });
const native = (overrides: Overrides<Application>) => webApp({ type: 'NATIVE_APP', tokenEndpointAuthMethod: 'NONE', ...overrides });
const at = (id = 'app-web') => ({ resource: { type: 'application', id }, pointer: '/tokenEndpointAuthMethod' }) as const;

testRule(rule, {
  valid: [
    { name: 'a SPA with no client authentication', snapshot: withApps(spa({})) },
    { name: 'a native app with no client authentication', snapshot: withApps(native({})) },
    { name: 'a web app keeps its secret on its server', snapshot: withApps(webApp({ tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC' })) },
    { name: 'a worker app with a secret', snapshot: withApps(workerApp()) },
    {
      name: 'an auth method this version does not know is not judged, and named',
      snapshot: withApps(native({ tokenEndpointAuthMethod: 'TLS_CLIENT_AUTH' })),
      skipped: [{ resource: { type: 'application', id: 'app-web' }, reason: 'token endpoint auth method TLS_CLIENT_AUTH' }],
    },
  ],
  invalid: [
    {
      name: 'a native app with CLIENT_SECRET_BASIC',
      snapshot: withApps(native({ tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC' })),
      errors: [{ messageId: 'secretOnPublicClient', ...at(), data: { type: 'Native app', method: 'CLIENT_SECRET_BASIC' } }],
    },
    {
      name: 'a SPA with CLIENT_SECRET_POST',
      snapshot: withApps(spa({ tokenEndpointAuthMethod: 'CLIENT_SECRET_POST' })),
      errors: [{ messageId: 'secretOnPublicClient', ...at(), data: { type: 'Single-page app', method: 'CLIENT_SECRET_POST' } }],
    },
    {
      name: 'a secret-signed JWT is the same secret',
      snapshot: withApps(spa({ tokenEndpointAuthMethod: 'CLIENT_SECRET_JWT' })),
      errors: [{ messageId: 'secretOnPublicClient', ...at(), data: { method: 'CLIENT_SECRET_JWT' } }],
    },
    {
      name: 'high when the extracted secret gets tokens by itself (client_credentials)',
      snapshot: withApps(native({ tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC', grantTypes: ['CLIENT_CREDENTIALS'] })),
      errors: [{ messageId: 'secretOnPublicClient', ...at(), severity: 'high' }],
    },
  ],
});
