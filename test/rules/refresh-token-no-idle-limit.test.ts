import rule from '../../rules/applications/refresh-token-no-idle-limit.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, type Overrides, webApp, workerApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const spa = (overrides: Overrides<Application>) => webApp({ type: 'SINGLE_PAGE_APP', tokenEndpointAuthMethod: 'NONE', ...overrides });

testRule(rule, {
  valid: [
    { name: 'a public client with a rolling duration', snapshot: withApps(spa({})) },
    { name: 'a confidential client is left to refresh-token-lifetime-too-long', snapshot: withApps(webApp({ refreshTokenRollingDuration: undefined })) },
    { name: 'no refresh_token grant, no refresh token', snapshot: withApps(spa({ grantTypes: ['AUTHORIZATION_CODE'], refreshTokenRollingDuration: undefined })) },
  ],
  invalid: [
    {
      name: 'a SPA with refresh tokens and no rolling duration; the message names the token lifetime',
      snapshot: withApps(spa({ refreshTokenRollingDuration: undefined, refreshTokenDuration: 604800 })),
      errors: [{ messageId: 'noRollingDuration', resource: { type: 'application', id: 'app-web' }, pointer: '/refreshTokenRollingDuration', data: { duration: '7 days' } }],
    },
    {
      name: 'null from the API is no cap either; the lifetime falls back to PingOne’s 30 days',
      snapshot: withApps(spa({ refreshTokenRollingDuration: null as unknown as undefined, refreshTokenDuration: undefined })),
      errors: [{ messageId: 'noRollingDuration', resource: { type: 'application', id: 'app-web' }, pointer: '/refreshTokenRollingDuration', data: { duration: '30 days' } }],
    },
    {
      name: 'a public worker app is high',
      snapshot: withApps(workerApp({ tokenEndpointAuthMethod: 'NONE', grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'] })),
      errors: [{ messageId: 'noRollingDuration', resource: { type: 'application', id: 'app-worker' }, pointer: '/refreshTokenRollingDuration', severity: 'high' }],
    },
  ],
});
