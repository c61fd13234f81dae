import rule from '../../rules/applications/refresh-token-rolling-not-longer.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, webApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const at = { resource: { type: 'application', id: 'app-web' }, pointer: '/refreshTokenRollingDuration' } as const;

testRule(rule, {
  valid: [
    { name: '30-day tokens within a 180-day session', snapshot: withApps(webApp()) },
    { name: 'no rolling duration is left to the rules on unlimited sessions', snapshot: withApps(webApp({ refreshTokenRollingDuration: undefined })) },
    { name: 'no refresh_token grant, no refresh token', snapshot: withApps(webApp({ grantTypes: ['AUTHORIZATION_CODE'], refreshTokenRollingDuration: 3600, refreshTokenDuration: 3600 })) },
    { name: 'an unset lifetime (30 days) under a 31-day rolling duration', snapshot: withApps(webApp({ refreshTokenDuration: undefined, refreshTokenRollingDuration: 2_678_400 })) },
  ],
  invalid: [
    {
      name: 'lifetime equal to the rolling duration',
      snapshot: withApps(webApp({ refreshTokenDuration: 7_776_000, refreshTokenRollingDuration: 7_776_000 })),
      errors: [{ messageId: 'rollingNotLonger', ...at, data: { duration: '90 days', rolling: '90 days' } }],
    },
    {
      name: 'an unset lifetime is PingOne’s 30 days, longer than a 7-day rolling duration',
      snapshot: withApps(webApp({ refreshTokenDuration: undefined, refreshTokenRollingDuration: 604_800 })),
      errors: [{ messageId: 'rollingNotLonger', ...at, data: { duration: '30 days', rolling: '7 days' } }],
    },
  ],
});
