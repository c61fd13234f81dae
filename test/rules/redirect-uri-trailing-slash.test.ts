import rule from '../../rules/applications/redirect-uri-trailing-slash.js';
import { buildSnapshot, type Overrides, webApp } from '../helpers/snapshot-builder.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';

const withApp = (overrides: Overrides<Application>) => buildSnapshot({ environments: [{ applications: [webApp(overrides)] }] });
const WEB = { type: 'application' as const, id: 'app-web' };

testRule(rule, {
  valid: [
    { name: 'paths without a trailing slash', snapshot: withApp({}) },
    { name: 'a bare origin with its slash', snapshot: withApp({ redirectUris: ['https://app.example.com/'], postLogoutRedirectUris: ['https://app.example.com'] }) },
    { name: 'an unparsable URI is left to other rules', snapshot: withApp({ redirectUris: ['not a uri/'] }) },
    { name: 'a loopback callback', snapshot: withApp({ redirectUris: ['http://127.0.0.1:7464/callback'] }) },
    {
      name: 'PingOne’s own self-service app: its redirect URI is PingOne’s to set',
      snapshot: withApp({ type: 'PING_ONE_SELF_SERVICE', redirectUris: ['https://apps.pingone.com/env/myaccount/'] }),
    },
  ],
  invalid: [
    {
      name: 'a redirect URI with a trailing slash after its path',
      snapshot: withApp({ redirectUris: ['https://app.example.com/callback', 'https://app.example.com/cb/'] }),
      errors: [
        {
          messageId: 'trailingSlash',
          resource: WEB,
          pointer: '/redirectUris/1',
          data: { field: 'redirectUris', uri: 'https://app.example.com/cb/', expected: 'https://app.example.com/cb' },
        },
      ],
    },
    {
      name: 'a post-logout redirect URI with a trailing slash, query kept',
      snapshot: withApp({ postLogoutRedirectUris: ['https://app.example.com/bye/?from=app'] }),
      errors: [{ messageId: 'trailingSlash', resource: WEB, pointer: '/postLogoutRedirectUris/0', data: { expected: 'https://app.example.com/bye?from=app' } }],
    },
    {
      name: 'a custom-scheme native callback',
      snapshot: withApp({ redirectUris: ['com.example.app:/oauth2redirect/'] }),
      errors: [{ messageId: 'trailingSlash', resource: WEB, pointer: '/redirectUris/0' }],
    },
    {
      name: 'StackOne’s callback with a slash is high (its connector sends it without)',
      snapshot: withApp({ redirectUris: ['https://api.stackone.com/connect/oauth2/pingone/callback/'] }),
      errors: [{ messageId: 'trailingSlash', resource: WEB, pointer: '/redirectUris/0', severity: 'high' }],
    },
  ],
});
