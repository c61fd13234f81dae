import rule from '../../rules/applications/cors-origin-missing.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, type Overrides, webApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const specific = (...origins: string[]) => ({ corsSettings: { behavior: 'ALLOW_SPECIFIC_ORIGINS' as const, origins } });
/** A SPA redirected back to https://app.example.com/callback. */
const spa = (overrides: Overrides<Application> = {}) => webApp({ type: 'SINGLE_PAGE_APP', tokenEndpointAuthMethod: 'NONE', ...specific('https://app.example.com'), ...overrides });
const app = { type: 'application', id: 'app-web' } as const;

testRule(rule, {
  valid: [
    { name: 'the redirect URI’s origin is allowed', snapshot: withApps(spa()) },
    { name: 'one of several redirect origins is enough', snapshot: withApps(spa({ redirectUris: ['https://old.example.com/cb', 'https://app.example.com/callback'] })) },
    { name: 'spelt with a trailing slash and upper case', snapshot: withApps(spa(specific('HTTPS://App.Example.com/'))) },
    { name: 'a wildcard subdomain matching it', snapshot: withApps(spa(specific('https://*.example.com'))) },
    { name: 'no CORS settings is left to cors-any-origin', snapshot: withApps(spa({ corsSettings: undefined })) },
    { name: 'a web app redeems its code on its server', snapshot: withApps(webApp({ corsSettings: { behavior: 'ALLOW_NO_ORIGINS' } })) },
    { name: 'an implicit-only SPA makes no token call', snapshot: withApps(spa({ grantTypes: ['IMPLICIT'], responseTypes: ['ID_TOKEN'], corsSettings: { behavior: 'ALLOW_NO_ORIGINS' } })) },
    { name: 'no redirect URI is left to redirect-uri-missing', snapshot: withApps(spa({ redirectUris: [], corsSettings: { behavior: 'ALLOW_NO_ORIGINS' } })) },
    { name: 'a disabled SPA is left to app-disabled', snapshot: withApps(spa({ enabled: false, corsSettings: { behavior: 'ALLOW_NO_ORIGINS' } })) },
    {
      name: 'a CORS behaviour this version does not know is not judged, and named',
      snapshot: withApps(spa({ corsSettings: { behavior: 'ALLOW_SAME_SITE' } })),
      skipped: [{ resource: app, reason: 'CORS behavior ALLOW_SAME_SITE' }],
    },
  ],
  invalid: [
    {
      name: 'no origin allowed',
      snapshot: withApps(spa({ corsSettings: { behavior: 'ALLOW_NO_ORIGINS' } })),
      errors: [{ messageId: 'noOriginAllowed', resource: app, pointer: '/corsSettings', data: { origins: 'https://app.example.com' } }],
    },
    {
      name: 'only other origins allowed',
      snapshot: withApps(spa(specific('https://www.example.com', 'http://localhost:3000'))),
      errors: [{ messageId: 'redirectOriginNotAllowed', resource: app, pointer: '/corsSettings/origins', data: { allowed: 'https://www.example.com and http://localhost:3000' } }],
    },
    {
      name: 'the same host on another port is another origin',
      snapshot: withApps(spa(specific('https://app.example.com:8443'))),
      errors: [{ messageId: 'redirectOriginNotAllowed', resource: app, pointer: '/corsSettings/origins' }],
    },
    {
      name: 'a wildcard that does not match the redirect host',
      snapshot: withApps(spa(specific('https://*.example.org'))),
      errors: [{ messageId: 'redirectOriginNotAllowed', resource: app, pointer: '/corsSettings/origins' }],
    },
  ],
});
