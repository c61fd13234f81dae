import rule from '../../rules/policies/mfa-bypass-no-device.js';
import { testRule } from '../helpers/rule-tester.js';
import { workerApp } from '../helpers/snapshot-builder.js';
import { MULTI_FACTOR, SINGLE_FACTOR, appWithPolicies, loginAction, mfaAction, policy, tenant } from './sign-on-policy-fixtures.js';

const MFA = { type: 'signOnPolicy' as const, id: MULTI_FACTOR };
const bypassing = () => [policy(SINGLE_FACTOR, [loginAction()], { default: true }), policy(MULTI_FACTOR, [loginAction(), mfaAction({ noDevicesMode: 'BYPASS' })])];

testRule(rule, {
  valid: [
    { name: 'MFA that blocks users without a device', snapshot: tenant([appWithPolicies([MULTI_FACTOR])]) },
    { name: 'MFA with no noDevicesMode in the data', snapshot: tenant([], [policy(MULTI_FACTOR, [loginAction(), mfaAction({ noDevicesMode: undefined })])]) },
    { name: 'actions not collected', snapshot: tenant([], [policy(MULTI_FACTOR, undefined)]) },
  ],
  invalid: [
    {
      name: 'BYPASS on a policy an app uses: points at the action’s mode',
      snapshot: tenant([appWithPolicies([MULTI_FACTOR])], bypassing()),
      errors: [{ messageId: 'bypass', resource: MFA, pointer: '/_embedded/actions/1/noDevicesMode', data: { policy: 'Multi_Factor', usage: 'signs users in to Web' } }],
    },
    {
      name: 'BYPASS on an unused policy is still reported',
      snapshot: tenant([], bypassing()),
      errors: [{ messageId: 'bypass', resource: MFA, pointer: '/_embedded/actions/1/noDevicesMode', data: { usage: 'is not used by any application yet' } }],
    },
    {
      name: 'BYPASS where a worker app signs admins in: high',
      snapshot: tenant([workerApp({ grantTypes: ['AUTHORIZATION_CODE'], _embedded: { signOnPolicyAssignments: [{ id: 'sopa-w', signOnPolicy: { id: MULTI_FACTOR }, priority: 1 }] } })], bypassing()),
      errors: [{ messageId: 'bypassForAdmins', resource: MFA, pointer: '/_embedded/actions/1/noDevicesMode', severity: 'high', data: { admins: 'Worker' } }],
    },
  ],
});
