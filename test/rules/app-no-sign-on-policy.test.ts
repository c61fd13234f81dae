import rule from '../../rules/policies/app-no-sign-on-policy.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { type Overrides, webApp, workerApp } from '../helpers/snapshot-builder.js';
import { MULTI_FACTOR, SINGLE_FACTOR, appWithPolicies, daVinciApp, loginAction, mfaAction, policy, tenant } from './sign-on-policy-fixtures.js';

const WEB = { type: 'application' as const, id: 'app-web' };
const mfaDefault = () => [policy(SINGLE_FACTOR, [loginAction()]), policy(MULTI_FACTOR, [loginAction(), mfaAction()], { default: true })];
const samlApp = (overrides: Overrides<Application> = {}) =>
  appWithPolicies([], { id: 'app-wiki', name: 'Wiki', protocol: 'SAML', grantTypes: undefined, spEntityId: 'urn:wiki', acsUrls: ['https://wiki.example.com/acs'], ...overrides });

testRule(rule, {
  valid: [
    {
      name: 'an app whose only grant this version does not know may sign users in with the default: not judged, naming it',
      snapshot: tenant([appWithPolicies([], { grantTypes: ['PASSKEY_ASSERTION'] })]),
      skipped: [{ resource: WEB, reason: 'grant type PASSKEY_ASSERTION' }],
    },
    { name: 'an app with a policy assigned', snapshot: tenant([appWithPolicies([MULTI_FACTOR])]) },
    { name: 'a client-credentials worker signs nobody in', snapshot: tenant([workerApp({ _embedded: { signOnPolicyAssignments: [] } })]) },
    { name: 'assignments not collected: unknown', snapshot: tenant([webApp({ _embedded: {} })]) },
    { name: 'PingOne’s own self-service app follows the default by design', snapshot: tenant([appWithPolicies([], { type: 'PING_ONE_SELF_SERVICE' })]) },
    { name: 'a disabled app', snapshot: tenant([appWithPolicies([], { enabled: false })]) },
    {
      name: 'an app bound to a DaVinci flow policy is governed by the flow: skipped, naming it',
      snapshot: tenant([daVinciApp()]),
      skipped: [{ resource: { type: 'application', id: 'app-davinci' }, reason: 'DaVinci (flow policy fp-passwordless)' }],
    },
  ],
  invalid: [
    {
      name: 'an OIDC web app on a default that has MFA: low',
      snapshot: tenant([appWithPolicies([])], mfaDefault()),
      errors: [{ messageId: 'defaultPolicy', resource: WEB, pointer: '/_embedded/signOnPolicyAssignments', data: { policy: 'Multi_Factor' } }],
    },
    {
      name: 'on the single-factor default: medium',
      snapshot: tenant([appWithPolicies([])]),
      errors: [{ messageId: 'defaultPolicyWithoutMfa', resource: WEB, pointer: '/_embedded/signOnPolicyAssignments', severity: 'medium', data: { policy: 'Single_Factor' } }],
    },
    {
      name: 'a SAML app always signs users in',
      snapshot: tenant([samlApp()], mfaDefault()),
      errors: [{ messageId: 'defaultPolicy', resource: { type: 'application', id: 'app-wiki' }, pointer: '/_embedded/signOnPolicyAssignments' }],
    },
    {
      name: 'no default policy in the snapshot: low, policy named as unknown',
      snapshot: tenant([appWithPolicies([])], []),
      errors: [{ messageId: 'defaultPolicy', resource: WEB, pointer: '/_embedded/signOnPolicyAssignments', data: { policy: 'not in the snapshot' } }],
    },
  ],
});
