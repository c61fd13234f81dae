import rule from '../../rules/integrations/refresh-token-not-jwt.js';
import { buildSnapshot, type Overrides, webApp } from '../helpers/snapshot-builder.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';

const STACKONE_CALLBACK = 'https://api.stackone.com/connect/oauth2/pingone/callback';
const withApp = (overrides: Overrides<Application>) => buildSnapshot({ environments: [{ applications: [webApp(overrides)] }] });
const WEB = { type: 'application' as const, id: 'app-web' };

testRule(rule, {
  valid: [
    { name: 'opaque tokens on an app bound to no integration', snapshot: withApp({}) },
    { name: 'StackOne app with JWT refresh tokens', snapshot: withApp({ redirectUris: [STACKONE_CALLBACK], refreshTokenType: 'JSON_WEB_TOKEN' }) },
    { name: 'StackOne app whose format was not collected', snapshot: withApp({ redirectUris: [STACKONE_CALLBACK], refreshTokenType: undefined }) },
    {
      name: 'a profile that is not configured to need JWT',
      snapshot: withApp({}),
      profileBindings: { 'app-web': ['pingdatasync'] },
    },
    {
      name: 'StackOne dropped from the profiles that need JWT',
      snapshot: withApp({ redirectUris: [STACKONE_CALLBACK] }),
      options: { profiles: [] },
    },
  ],
  invalid: [
    {
      name: 'StackOne recognised by its callback, opaque tokens',
      snapshot: withApp({ redirectUris: [STACKONE_CALLBACK] }),
      errors: [{ messageId: 'notJwt', resource: WEB, pointer: '/refreshTokenType', data: { profile: 'stackone', format: 'opaque', sunset: '2027-03-02' } }],
    },
    {
      name: 'bound to StackOne by configuration',
      snapshot: withApp({}),
      profileBindings: { 'app-web': ['stackone'] },
      errors: [{ messageId: 'notJwt', resource: WEB, pointer: '/refreshTokenType' }],
    },
    {
      name: 'after the sunset JWT cannot be chosen: info, ask StackOne',
      snapshot: withApp({ redirectUris: [STACKONE_CALLBACK] }),
      now: new Date('2027-03-02T00:00:00.000Z'),
      errors: [{ messageId: 'notJwtAfterSunset', resource: WEB, pointer: '/refreshTokenType', severity: 'info' }],
    },
  ],
});
