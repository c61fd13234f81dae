import rule from '../../rules/roles/admin-dormant.js';
import type { User } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { assignment, buildSnapshot, group, user } from '../helpers/snapshot-builder.js';

const now = new Date('2026-11-30T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const withUsers = (users: User[], groups: ReturnType<typeof group>[] = []) => buildSnapshot({ environments: [{ users, groups }] });
const ADMIN = { type: 'user' as const, id: 'user-admin' };
/** The admin without the `lastSignOn` field: never signed in. */
const neverSignedIn = (overrides: Partial<User> = {}): User => {
  const { lastSignOn: _never, ...rest } = admin(overrides);
  return rest;
};
const admin = (overrides: Partial<User> = {}) =>
  user({
    id: 'user-admin',
    username: 'ops@acme.test',
    createdAt: daysAgo(400),
    lastSignOn: { at: daysAgo(10), remoteIp: '203.0.113.7' },
    _embedded: { roleAssignments: [assignment('Environment Admin')] },
    ...overrides,
  });

testRule(rule, {
  valid: [
    { name: 'an admin who signed in ten days ago', snapshot: withUsers([admin()]), now },
    { name: 'exactly 90 days ago is not more than 90 days', snapshot: withUsers([admin({ lastSignOn: { at: daysAgo(90) } })]), now },
    { name: 'a user without roles is not an admin', snapshot: withUsers([neverSignedIn({ _embedded: { roleAssignments: [] } })]), now },
    { name: 'a disabled admin cannot sign in', snapshot: withUsers([admin({ enabled: false, lastSignOn: { at: daysAgo(400) } })]), now },
    { name: 'an admin created last week who has not signed in yet', snapshot: withUsers([neverSignedIn({ createdAt: daysAgo(7) })]), now },
    {
      name: 'a last sign-on that is not a date: left unjudged, not "never signed in"',
      snapshot: withUsers([admin({ lastSignOn: { at: 'yesterday' } })]),
      now,
      skipped: [{ resource: ADMIN, reason: 'not a date' }],
    },
    { name: 'a lastSignOn record without a date: left unjudged', snapshot: withUsers([admin({ lastSignOn: {} })]), now, skipped: [{ resource: ADMIN, reason: 'not a date' }] },
    { name: 'a last sign-on in 2999: left unjudged', snapshot: withUsers([admin({ lastSignOn: { at: '2999-01-01T00:00:00.000Z' } })]), now, skipped: [{ resource: ADMIN, reason: 'in the future' }] },
    { name: 'a last sign-on minutes ahead of the clock (skew) is recent', snapshot: withUsers([admin({ lastSignOn: { at: new Date(now.getTime() + 600_000).toISOString() } })]), now },
    { name: 'a longer period allowed by options', snapshot: withUsers([admin({ lastSignOn: { at: daysAgo(150) } })]), now, options: { maxDaysSinceSignOn: 180 } },
  ],
  invalid: [
    {
      name: 'an Environment Admin last seen 200 days ago: high',
      snapshot: withUsers([admin({ lastSignOn: { at: daysAgo(200) } })]),
      now,
      errors: [{ messageId: 'dormant', resource: ADMIN, pointer: '/lastSignOn/at', severity: 'high', data: { user: 'ops@acme.test', days: '200', max: '90 days', roles: 'Environment Admin' } }],
    },
    {
      name: 'an admin who never signed in, holding a read-only role through a group: medium',
      snapshot: withUsers(
        [neverSignedIn({ memberOfGroupIDs: ['group-auditors'], _embedded: { roleAssignments: [] } })],
        [group({ id: 'group-auditors', _embedded: { roleAssignments: [assignment('Configuration Read Only')] } })],
      ),
      now,
      errors: [{ messageId: 'neverSignedIn', resource: ADMIN, pointer: '', data: { roles: 'Configuration Read Only' } }],
    },
    {
      name: 'a stricter period set by options',
      snapshot: withUsers([admin({ lastSignOn: { at: daysAgo(40) } })]),
      now,
      options: { maxDaysSinceSignOn: 30 },
      errors: [{ messageId: 'dormant', resource: ADMIN, pointer: '/lastSignOn/at', severity: 'high', data: { days: '40', max: '30 days' } }],
    },
  ],
});
