import rule from '../../rules/applications/redirect-uri-fragment.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, webApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const WEB = { type: 'application' as const, id: 'app-web' };

testRule(rule, {
  valid: [
    { name: 'no fragment', snapshot: withApps(webApp()) },
    { name: 'a query is fine', snapshot: withApps(webApp({ redirectUris: ['https://app.example.com/callback?tenant=a'] })) },
    { name: 'post-logout URIs carry no authorization response and are not checked', snapshot: withApps(webApp({ postLogoutRedirectUris: ['https://app.example.com/#/bye'] })) },
  ],
  invalid: [
    {
      name: 'a SPA route in the fragment',
      snapshot: withApps(webApp({ redirectUris: ['https://app.example.com/callback', 'https://app.example.com/#/callback'] })),
      errors: [{ messageId: 'fragment', resource: WEB, pointer: '/redirectUris/1', data: { fragment: '#/callback' } }],
    },
    {
      name: 'an empty fragment still counts',
      snapshot: withApps(webApp({ redirectUris: ['https://app.example.com/callback#'] })),
      errors: [{ messageId: 'fragment', resource: WEB, pointer: '/redirectUris/0', data: { fragment: '#' } }],
    },
  ],
});
