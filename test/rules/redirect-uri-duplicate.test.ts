import rule from '../../rules/applications/redirect-uri-duplicate.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, webApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const WEB = { type: 'application' as const, id: 'app-web' };

testRule(rule, {
  valid: [
    { name: 'distinct URIs', snapshot: withApps(webApp({ redirectUris: ['https://a.example.com/cb', 'https://b.example.com/cb'] })) },
    {
      name: 'the same URI as sign-in and post-logout target is two different registrations',
      snapshot: withApps(webApp({ redirectUris: ['https://app.example.com/'], postLogoutRedirectUris: ['https://app.example.com/'] })),
    },
    { name: 'paths differ in case: different URIs', snapshot: withApps(webApp({ redirectUris: ['https://app.example.com/Callback', 'https://app.example.com/callback'] })) },
  ],
  invalid: [
    {
      name: 'an exact copy: the later one is reported',
      snapshot: withApps(webApp({ redirectUris: ['https://app.example.com/callback', 'https://other.example.com/cb', 'https://app.example.com/callback'] })),
      errors: [{ messageId: 'duplicate', resource: WEB, pointer: '/redirectUris/2', data: { firstIndex: 0 } }],
    },
    {
      name: 'host case and default port are the same URI',
      snapshot: withApps(webApp({ postLogoutRedirectUris: ['https://app.example.com/out', 'https://App.Example.com:443/out'] })),
      errors: [{ messageId: 'equivalent', resource: WEB, pointer: '/postLogoutRedirectUris/1', data: { first: 'https://app.example.com/out', field: 'postLogoutRedirectUris' } }],
    },
    {
      name: 'three copies give two findings',
      snapshot: withApps(webApp({ redirectUris: ['myapp://cb', 'myapp://cb', 'myapp://cb'] })),
      errors: [
        { messageId: 'duplicate', resource: WEB, pointer: '/redirectUris/1' },
        { messageId: 'duplicate', resource: WEB, pointer: '/redirectUris/2', data: { firstIndex: 0 } },
      ],
    },
  ],
});
