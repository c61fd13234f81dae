import rule from '../../rules/applications/client-secret-where-private-key-jwt-possible.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, webApp, workerApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const STACKONE_CALLBACK = 'https://api.stackone.com/connect/oauth2/pingone/callback';

testRule(rule, {
  valid: [
    { name: 'private_key_jwt', snapshot: withApps(webApp()) },
    { name: 'a public client has no secret', snapshot: withApps(webApp({ tokenEndpointAuthMethod: 'NONE' })) },
    { name: 'client_secret_jwt is left to its own rule', snapshot: withApps(webApp({ tokenEndpointAuthMethod: 'CLIENT_SECRET_JWT' })) },
    {
      name: 'an auth method this version does not know is not judged, and named',
      snapshot: withApps(webApp({ tokenEndpointAuthMethod: 'TLS_CLIENT_AUTH' })),
      skipped: [{ resource: { type: 'application', id: 'app-web' }, reason: 'token endpoint auth method TLS_CLIENT_AUTH' }],
    },
    {
      name: 'an app recognised as StackOne’s: its integration only supports a secret',
      snapshot: withApps(workerApp({ tokenEndpointAuthMethod: 'CLIENT_SECRET_POST', redirectUris: [STACKONE_CALLBACK] })),
    },
    { name: 'an app bound to a profile by configuration', snapshot: withApps(workerApp()), profileBindings: { 'app-worker': ['terraform'] } },
    { name: 'a native app is told to drop its secret, not to sign (public-client-with-secret)', snapshot: withApps(webApp({ type: 'NATIVE_APP', tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC' })) },
    { name: 'so is a single-page app', snapshot: withApps(webApp({ type: 'SINGLE_PAGE_APP', tokenEndpointAuthMethod: 'CLIENT_SECRET_POST' })) },
    { name: 'PingOne’s own applications', snapshot: withApps(webApp({ type: 'PING_ONE_SELF_SERVICE', tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC' })) },
  ],
  invalid: [
    {
      name: 'a worker app with CLIENT_SECRET_BASIC',
      snapshot: withApps(workerApp()),
      errors: [{ messageId: 'sharedSecret', resource: { type: 'application', id: 'app-worker' }, pointer: '/tokenEndpointAuthMethod', data: { method: 'CLIENT_SECRET_BASIC' } }],
    },
    {
      name: 'a web app with CLIENT_SECRET_POST',
      snapshot: withApps(webApp({ tokenEndpointAuthMethod: 'CLIENT_SECRET_POST' })),
      errors: [{ messageId: 'sharedSecret', resource: { type: 'application', id: 'app-web' }, pointer: '/tokenEndpointAuthMethod', data: { method: 'CLIENT_SECRET_POST' } }],
    },
  ],
});
