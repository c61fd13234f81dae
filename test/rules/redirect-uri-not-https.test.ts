import rule from '../../rules/applications/redirect-uri-not-https.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, webApp, workerApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const WEB = { type: 'application' as const, id: 'app-web' };
const native = (redirectUris: string[]) => webApp({ type: 'NATIVE_APP', tokenEndpointAuthMethod: 'NONE', redirectUris, postLogoutRedirectUris: [] });

testRule(rule, {
  valid: [
    { name: 'https everywhere', snapshot: withApps(webApp()) },
    {
      name: 'loopback over http: 127.0.0.1, another 127/8 address, [::1], localhost and a .localhost name',
      snapshot: withApps(native(['http://127.0.0.1:7464/callback', 'http://127.0.0.2/cb', 'http://[::1]:61023/cb', 'http://localhost:8000', 'http://app.localhost/cb'])),
    },
    { name: 'custom schemes of native apps', snapshot: withApps(native(['com.example.app:/callback', 'myapp://auth'])) },
    { name: 'a worker app without redirect URIs', snapshot: withApps(workerApp()) },
    { name: 'an unparsable entry is not guessed at', snapshot: withApps(native(['not a uri'])) },
  ],
  invalid: [
    {
      name: 'http on a public host',
      snapshot: withApps(webApp({ redirectUris: ['https://app.example.com/callback', 'http://app.example.com/callback'] })),
      errors: [{ messageId: 'httpRedirect', resource: WEB, pointer: '/redirectUris/1', data: { host: 'app.example.com' } }],
    },
    {
      name: 'upper-case scheme, private address and a loopback look-alike are all plain http',
      snapshot: withApps(webApp({ redirectUris: ['HTTP://APP.EXAMPLE.COM/cb', 'http://10.0.0.5/cb', 'http://127.0.0.1.nip.io/cb'] })),
      errors: [
        { messageId: 'httpRedirect', resource: WEB, pointer: '/redirectUris/0' },
        { messageId: 'httpRedirect', resource: WEB, pointer: '/redirectUris/1' },
        { messageId: 'httpRedirect', resource: WEB, pointer: '/redirectUris/2', data: { host: '127.0.0.1.nip.io' } },
      ],
    },
    {
      name: 'a post-logout http URI is low',
      snapshot: withApps(webApp({ postLogoutRedirectUris: ['http://app.example.com/signed-out'] })),
      errors: [{ messageId: 'httpRedirect', resource: WEB, pointer: '/postLogoutRedirectUris/0', severity: 'low', data: { field: 'postLogoutRedirectUris' } }],
    },
  ],
});
