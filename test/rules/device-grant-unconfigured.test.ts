import rule from '../../rules/applications/device-grant-unconfigured.js';
import type { Application } from '../../src/snapshot/model.js';
import { runRule, testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, type Overrides, webApp, workerApp } from '../helpers/snapshot-builder.js';
import { describe, expect, it } from 'vitest';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const DEVICE = { type: 'application' as const, id: 'app-tv' };
const deviceApp = (overrides: Overrides<Application> = {}) =>
  webApp({ id: 'app-tv', name: 'TV', type: 'CUSTOM_APP', tokenEndpointAuthMethod: 'NONE', grantTypes: ['DEVICE_CODE', 'REFRESH_TOKEN'], redirectUris: [], ...overrides });

testRule(rule, {
  valid: [
    { name: 'no device or CIBA grant', snapshot: withApps(webApp(), workerApp()) },
    { name: 'device code with its default timings', snapshot: withApps(deviceApp({ deviceTimeout: 600, devicePollingInterval: 5 })) },
    { name: 'device code with only a custom verification URI', snapshot: withApps(deviceApp({ deviceCustomVerificationUri: 'https://tv.example.com/activate' })) },
    { name: 'CIBA on a confidential client', snapshot: withApps(webApp({ grantTypes: ['CIBA'], tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC' })) },
  ],
  invalid: [
    {
      name: 'device code with no device settings',
      snapshot: withApps(deviceApp()),
      errors: [{ messageId: 'deviceCodeUnconfigured', resource: DEVICE, pointer: '/grantTypes/0' }],
    },
    {
      name: 'on a worker app the tokens are admin tokens: medium',
      snapshot: withApps(workerApp({ grantTypes: ['CLIENT_CREDENTIALS', 'DEVICE_CODE'] })),
      errors: [{ messageId: 'deviceCodeUnconfigured', resource: { type: 'application', id: 'app-worker' }, pointer: '/grantTypes/1', severity: 'medium' }],
    },
    {
      name: 'CIBA on a public client cannot work',
      snapshot: withApps(deviceApp({ grantTypes: ['AUTHORIZATION_CODE', 'CIBA'] })),
      errors: [{ messageId: 'cibaPublicClient', resource: DEVICE, pointer: '/grantTypes/1' }],
    },
    {
      name: 'both on one app: two findings',
      snapshot: withApps(deviceApp({ grantTypes: ['CIBA', 'DEVICE_CODE'] })),
      errors: [
        { messageId: 'deviceCodeUnconfigured', resource: DEVICE, pointer: '/grantTypes/1' },
        { messageId: 'cibaPublicClient', resource: DEVICE, pointer: '/grantTypes/0' },
      ],
    },
  ],
});

describe('device-grant-unconfigured severity', () => {
  it('keeps the rule’s own severity (no override) on a non-worker app', () => {
    const [report] = runRule(rule, { name: 'tv', snapshot: withApps(deviceApp()) });
    expect(report?.severity).toBeUndefined();
  });
});
