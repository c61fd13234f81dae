import rule from '../../rules/applications/redirect-uri-missing.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, webApp, workerApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const at = { resource: { type: 'application', id: 'app-web' }, pointer: '/redirectUris' } as const;

testRule(rule, {
  valid: [
    { name: 'a redirect URI registered', snapshot: withApps(webApp()) },
    { name: 'no sign-in grant needs none', snapshot: withApps(workerApp({ redirectUris: [] })) },
    { name: 'a disabled app is left to app-disabled', snapshot: withApps(webApp({ enabled: false, redirectUris: [] })) },
    { name: 'a SAML app has ACS URLs instead', snapshot: withApps(webApp({ protocol: 'SAML', redirectUris: undefined })) },
    { name: 'PingOne’s own applications', snapshot: withApps(webApp({ type: 'PING_ONE_PORTAL', redirectUris: undefined })) },
  ],
  invalid: [
    {
      name: 'authorization code and an empty list',
      snapshot: withApps(webApp({ redirectUris: [] })),
      errors: [{ messageId: 'noRedirectUri', ...at, data: { grant: 'the authorization code grant' } }],
    },
    {
      name: 'implicit and no list at all',
      snapshot: withApps(webApp({ grantTypes: ['IMPLICIT'], responseTypes: ['ID_TOKEN'], redirectUris: undefined })),
      errors: [{ messageId: 'noRedirectUri', ...at, data: { grant: 'the implicit grant' } }],
    },
    {
      name: 'the sign-on URL entered instead is named as not a redirect URI',
      snapshot: withApps(webApp({ redirectUris: [], initiateLoginUri: 'https://app.example.com/login' })),
      errors: [{ messageId: 'signOnUrlIsNotRedirectUri', ...at, data: { field: 'sign-on URL (initiateLoginUri)', url: 'https://app.example.com/login' } }],
    },
    {
      name: 'so is a home page URL',
      snapshot: withApps(webApp({ redirectUris: [], homePageUrl: 'https://app.example.com/' })),
      errors: [{ messageId: 'signOnUrlIsNotRedirectUri', ...at, data: { field: 'home page URL (homePageUrl)' } }],
    },
  ],
});
