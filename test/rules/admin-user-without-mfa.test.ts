import rule from '../../rules/roles/admin-user-without-mfa.js';
import type { User } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { assignment, buildSnapshot, group, type Overrides, user } from '../helpers/snapshot-builder.js';

const withUsers = (users: User[], groups: ReturnType<typeof group>[] = []) => buildSnapshot({ environments: [{ users, groups }] });
const ADMIN = { type: 'user' as const, id: 'user-admin' };
const admin = (overrides: Overrides<User> = {}) =>
  user({ id: 'user-admin', username: 'ops@acme.test', mfaEnabled: false, _embedded: { roleAssignments: [assignment('Environment Admin')] }, ...overrides });

testRule(rule, {
  valid: [
    { name: 'an admin with MFA enabled', snapshot: withUsers([admin({ mfaEnabled: true })]) },
    { name: 'a user without roles and MFA off is not an admin', snapshot: withUsers([admin({ _embedded: { roleAssignments: [] } })]) },
    { name: 'the data does not say (no mfaEnabled field)', snapshot: withUsers([admin({ mfaEnabled: undefined })]) },
    { name: 'a disabled admin cannot sign in', snapshot: withUsers([admin({ enabled: false })]) },
  ],
  invalid: [
    {
      name: 'Environment Admin with MFA off: high',
      snapshot: withUsers([admin()]),
      errors: [{ messageId: 'mfaDisabled', resource: ADMIN, pointer: '/mfaEnabled', data: { user: 'ops@acme.test', roles: 'Environment Admin', environment: 'Production' } }],
    },
    {
      name: 'an admin through a group',
      snapshot: withUsers(
        [admin({ memberOfGroupIDs: ['group-admins'], _embedded: { roleAssignments: [] } })],
        [group({ id: 'group-admins', _embedded: { roleAssignments: [assignment('Identity Data Admin'), assignment('Configuration Read Only')] } })],
      ),
      errors: [{ messageId: 'mfaDisabled', resource: ADMIN, pointer: '/mfaEnabled', data: { roles: 'Identity Data Admin and Configuration Read Only' } }],
    },
    {
      name: 'read-only roles only: medium',
      snapshot: withUsers([admin({ _embedded: { roleAssignments: [assignment('Configuration Read Only'), assignment('Identity Data Read Only')] } })]),
      errors: [{ messageId: 'mfaDisabled', resource: ADMIN, pointer: '/mfaEnabled', severity: 'medium' }],
    },
  ],
});
