import rule from '../../rules/applications/refresh-token-replay-protection-off.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, type Overrides, webApp, workerApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const spa = (overrides: Overrides<Application>) => webApp({ type: 'SINGLE_PAGE_APP', tokenEndpointAuthMethod: 'NONE', ...overrides });

testRule(rule, {
  valid: [
    { name: 'a public client with replay protection on', snapshot: withApps(spa({})) },
    { name: 'not set: PingOne’s documented default is on', snapshot: withApps(spa({ additionalRefreshTokenReplayProtectionEnabled: undefined })) },
    { name: 'a confidential client authenticates its refreshes', snapshot: withApps(webApp({ additionalRefreshTokenReplayProtectionEnabled: false })) },
    {
      name: 'a public client without the refresh_token grant holds no refresh token',
      snapshot: withApps(spa({ grantTypes: ['AUTHORIZATION_CODE'], additionalRefreshTokenReplayProtectionEnabled: false })),
    },
  ],
  invalid: [
    {
      name: 'a SPA with refresh tokens and replay protection off',
      snapshot: withApps(spa({ additionalRefreshTokenReplayProtectionEnabled: false })),
      errors: [{ messageId: 'replayProtectionOff', resource: { type: 'application', id: 'app-web' }, pointer: '/additionalRefreshTokenReplayProtectionEnabled' }],
    },
    {
      name: 'a public worker app (command-line tool with admin roles) is high',
      snapshot: withApps(workerApp({ tokenEndpointAuthMethod: 'NONE', grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'], additionalRefreshTokenReplayProtectionEnabled: false })),
      errors: [{ messageId: 'replayProtectionOff', resource: { type: 'application', id: 'app-worker' }, pointer: '/additionalRefreshTokenReplayProtectionEnabled', severity: 'high' }],
    },
  ],
});
