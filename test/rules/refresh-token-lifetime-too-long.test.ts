import rule from '../../rules/applications/refresh-token-lifetime-too-long.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, webApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const WEB = { type: 'application' as const, id: 'app-web' };
const DAY = 86_400;

testRule(rule, {
  valid: [
    { name: 'exactly at the default maxima (30 and 180 days)', snapshot: withApps(webApp()) },
    { name: 'duration not set is PingOne’s 30 days, within the default maximum', snapshot: withApps(webApp({ refreshTokenDuration: undefined })) },
    { name: 'no refresh_token grant', snapshot: withApps(webApp({ grantTypes: ['AUTHORIZATION_CODE'], refreshTokenDuration: 400 * DAY, refreshTokenRollingDuration: undefined })) },
    { name: 'a public client without a cap is left to refresh-token-no-idle-limit', snapshot: withApps(webApp({ tokenEndpointAuthMethod: 'NONE', refreshTokenRollingDuration: undefined })) },
    {
      name: 'maxima raised by options',
      snapshot: withApps(webApp({ refreshTokenDuration: 90 * DAY, refreshTokenRollingDuration: 365 * DAY })),
      options: { maxRefreshTokenDurationSeconds: 90 * DAY, maxRollingDurationSeconds: 365 * DAY },
    },
  ],
  invalid: [
    {
      name: 'both above the defaults on a confidential client: low (the default)',
      snapshot: withApps(webApp({ refreshTokenDuration: 90 * DAY, refreshTokenRollingDuration: 365 * DAY })),
      errors: [
        { messageId: 'durationTooLong', resource: WEB, pointer: '/refreshTokenDuration', data: { actual: '90 days', max: '30 days' } },
        { messageId: 'rollingTooLong', resource: WEB, pointer: '/refreshTokenRollingDuration', data: { actual: '365 days', max: '180 days' } },
      ],
    },
    {
      name: 'a confidential client without a rolling duration is unlimited',
      snapshot: withApps(webApp({ refreshTokenRollingDuration: undefined })),
      errors: [{ messageId: 'rollingUnlimited', resource: WEB, pointer: '/refreshTokenRollingDuration', data: { max: '180 days' } }],
    },
    {
      name: 'a stricter policy catches the unset duration (PingOne’s 30 days)',
      snapshot: withApps(webApp({ refreshTokenDuration: undefined, refreshTokenRollingDuration: 7 * DAY })),
      options: { maxRefreshTokenDurationSeconds: 7 * DAY, maxRollingDurationSeconds: 7 * DAY },
      errors: [{ messageId: 'durationTooLong', resource: WEB, pointer: '/refreshTokenDuration', data: { actual: '30 days', max: '7 days' } }],
    },
    {
      name: 'a public client above the maximum is medium',
      snapshot: withApps(webApp({ tokenEndpointAuthMethod: 'NONE', refreshTokenRollingDuration: 200 * DAY })),
      errors: [{ messageId: 'rollingTooLong', resource: WEB, pointer: '/refreshTokenRollingDuration', severity: 'medium' }],
    },
  ],
});
