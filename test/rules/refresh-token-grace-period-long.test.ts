import rule from '../../rules/applications/refresh-token-grace-period-long.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, webApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const WEB = { type: 'application' as const, id: 'app-web' };

testRule(rule, {
  valid: [
    { name: 'no grace period', snapshot: withApps(webApp()) },
    { name: 'not set counts as 0', snapshot: withApps(webApp({ refreshTokenRollingGracePeriodDuration: undefined })) },
    { name: 'exactly the default maximum of 60 seconds', snapshot: withApps(webApp({ refreshTokenRollingGracePeriodDuration: 60 })) },
    { name: 'no refresh_token grant', snapshot: withApps(webApp({ grantTypes: ['AUTHORIZATION_CODE'], refreshTokenRollingGracePeriodDuration: 86400 })) },
    { name: 'a maximum raised by options', snapshot: withApps(webApp({ refreshTokenRollingGracePeriodDuration: 300 })), options: { maxGracePeriodSeconds: 300 } },
  ],
  invalid: [
    {
      name: 'a day of grace on a confidential client: low (the default)',
      snapshot: withApps(webApp({ refreshTokenRollingGracePeriodDuration: 86400 })),
      errors: [{ messageId: 'gracePeriodLong', resource: WEB, pointer: '/refreshTokenRollingGracePeriodDuration', data: { actual: '1 day', max: '1 minute' } }],
    },
    {
      name: 'a public client is medium',
      snapshot: withApps(webApp({ tokenEndpointAuthMethod: 'NONE', refreshTokenRollingGracePeriodDuration: 61 })),
      errors: [{ messageId: 'gracePeriodLong', resource: WEB, pointer: '/refreshTokenRollingGracePeriodDuration', severity: 'medium', data: { actual: '61 seconds' } }],
    },
    {
      name: 'a stricter policy of 0 seconds',
      snapshot: withApps(webApp({ refreshTokenRollingGracePeriodDuration: 5 })),
      options: { maxGracePeriodSeconds: 0 },
      errors: [{ messageId: 'gracePeriodLong', resource: WEB, pointer: '/refreshTokenRollingGracePeriodDuration', data: { max: '0 seconds' } }],
    },
  ],
});
