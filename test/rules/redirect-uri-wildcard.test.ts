import rule from '../../rules/applications/redirect-uri-wildcard.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, webApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const WEB = { type: 'application' as const, id: 'app-web' };

testRule(rule, {
  valid: [
    { name: 'exact URIs with wildcards off', snapshot: withApps(webApp()) },
    { name: 'setting absent counts as off', snapshot: withApps(webApp({ allowWildcardInRedirectUris: undefined })) },
    { name: 'a SAML app is not judged', snapshot: withApps(webApp({ protocol: 'SAML', allowWildcardInRedirectUris: true, redirectUris: ['https://*.example.com/cb'] })) },
  ],
  invalid: [
    {
      name: 'a wildcard host with the setting on: one finding per pattern',
      snapshot: withApps(webApp({ allowWildcardInRedirectUris: true, redirectUris: ['https://app.example.com/callback', 'https://*.example.com/callback'] })),
      errors: [{ messageId: 'wildcardUri', resource: WEB, pointer: '/redirectUris/1', data: { uri: 'https://*.example.com/callback', field: 'redirectUris' } }],
    },
    {
      name: 'wildcard path and post-logout pattern are both reported',
      snapshot: withApps(webApp({ allowWildcardInRedirectUris: true, redirectUris: ['https://app.example.com/*'], postLogoutRedirectUris: ['https://app.example.com/out/*'] })),
      errors: [
        { messageId: 'wildcardUri', resource: WEB, pointer: '/redirectUris/0' },
        { messageId: 'wildcardUri', resource: WEB, pointer: '/postLogoutRedirectUris/0', data: { field: 'postLogoutRedirectUris' } },
      ],
    },
    {
      name: 'a * with the setting off is still reported (live the day the setting is turned on)',
      snapshot: withApps(webApp({ redirectUris: ['https://*.example.com/callback'] })),
      errors: [{ messageId: 'wildcardUri', resource: WEB, pointer: '/redirectUris/0' }],
    },
    {
      name: 'the setting on without any pattern is low',
      snapshot: withApps(webApp({ allowWildcardInRedirectUris: true })),
      errors: [{ messageId: 'wildcardsAllowed', resource: WEB, pointer: '/allowWildcardInRedirectUris', severity: 'low' }],
    },
  ],
});
