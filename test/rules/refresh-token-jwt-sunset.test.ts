import rule from '../../rules/integrations/refresh-token-jwt-sunset.js';
import { buildSnapshot, type Overrides, webApp } from '../helpers/snapshot-builder.js';
import type { Application } from '../../src/snapshot/model.js';
import { describe, expect, it } from 'vitest';
import { runRule, testRule } from '../helpers/rule-tester.js';

const withApp = (overrides: Overrides<Application>) => buildSnapshot({ environments: [{ applications: [webApp(overrides)] }] });
const jwtApp = withApp({ refreshTokenType: 'JSON_WEB_TOKEN' });
const WEB = { type: 'application' as const, id: 'app-web' };
const found = { messageId: 'beforeSunset' as const, resource: WEB, pointer: '/refreshTokenType' };

testRule(rule, {
  valid: [
    { name: 'opaque refresh tokens', snapshot: withApp({}) },
    { name: 'JWT format without the refresh_token grant', snapshot: withApp({ refreshTokenType: 'JSON_WEB_TOKEN', grantTypes: ['AUTHORIZATION_CODE'] }) },
  ],
  invalid: [
    {
      name: 'far from the deadline: days left, configured severity',
      snapshot: jwtApp,
      now: new Date('2026-11-22T12:00:00.000Z'),
      errors: [{ ...found, data: { days: 100, sunset: '2027-03-02' } }],
    },
    {
      name: 'exactly 90 days before: high',
      snapshot: jwtApp,
      now: new Date('2026-12-02T00:00:00.000Z'),
      errors: [{ ...found, severity: 'high', data: { days: 90 } }],
    },
    {
      name: 'the last hours before the deadline count as one day',
      snapshot: jwtApp,
      now: new Date('2027-03-01T23:00:00.000Z'),
      errors: [{ ...found, severity: 'high', data: { days: 1 } }],
    },
    {
      name: 'a custom urgency window',
      snapshot: jwtApp,
      now: new Date('2026-11-22T12:00:00.000Z'),
      options: { urgentWithinDays: 120 },
      errors: [{ ...found, severity: 'high', data: { days: 100 } }],
    },
    {
      name: 'on the sunset day: critical, refreshes fail',
      snapshot: jwtApp,
      now: new Date('2027-03-02T00:00:00.000Z'),
      errors: [{ messageId: 'afterSunset', resource: WEB, pointer: '/refreshTokenType', severity: 'critical' }],
    },
  ],
});

describe('refresh-token-jwt-sunset severity', () => {
  it('leaves the configured severity alone while the deadline is far', () => {
    const [report] = runRule(rule, { name: 'far', snapshot: jwtApp, now: new Date('2026-01-01T00:00:00.000Z') });
    expect(report?.severity).toBeUndefined();
    expect(report?.data?.days).toBe(425);
  });
});
