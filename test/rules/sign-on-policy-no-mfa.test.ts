import rule from '../../rules/policies/sign-on-policy-no-mfa.js';
import { testRule } from '../helpers/rule-tester.js';
import { workerApp } from '../helpers/snapshot-builder.js';
import { MULTI_FACTOR, SINGLE_FACTOR, appWithPolicies, daVinciApp, loginAction, policy, tenant } from './sign-on-policy-fixtures.js';

const SINGLE = { type: 'signOnPolicy' as const, id: SINGLE_FACTOR };

/** The tenant with the flow policy assignments of app `id` unread (its own read failed). */
function withFlowPoliciesUnread(snapshot: ReturnType<typeof tenant>, id: string): ReturnType<typeof tenant> {
  const entries = snapshot.manifest.collection.entries.map((entry) =>
    entry.kind === 'applicationFlowPolicyAssignments' ? { ...entry, status: 'failed' as const, httpStatus: 403, failedResources: [{ type: 'application' as const, id }] } : entry,
  );
  return { ...snapshot, manifest: { ...snapshot.manifest, collection: { ...snapshot.manifest.collection, complete: false, entries } } };
}

testRule(rule, {
  valid: [
    {
      name: 'the only app on the single-factor default has its flow policy read failed: it may sign in through DaVinci, nothing reported',
      snapshot: withFlowPoliciesUnread(tenant([appWithPolicies([])]), 'app-web'),
    },
    {
      name: 'the only app on a single-factor policy has a grant this version does not know: the app is not judged, naming it',
      snapshot: tenant([appWithPolicies([SINGLE_FACTOR], { grantTypes: ['PASSKEY_ASSERTION'] })]),
      skipped: [{ resource: { type: 'application', id: 'app-web' }, reason: 'grant type PASSKEY_ASSERTION' }],
    },
    { name: 'apps assigned the MFA policy; the single-factor default is unused', snapshot: tenant([appWithPolicies([MULTI_FACTOR])]) },
    { name: 'a single-factor policy nobody uses', snapshot: tenant([]) },
    { name: 'a disabled app does not count', snapshot: tenant([appWithPolicies([SINGLE_FACTOR], { enabled: false })]) },
    { name: 'a client-credentials worker signs nobody in', snapshot: tenant([workerApp({ _embedded: { signOnPolicyAssignments: [] } })]) },
    { name: 'actions not collected: unknown, not reported', snapshot: tenant([appWithPolicies(['sop-unread'])], [policy('sop-unread', undefined)]) },
    {
      name: 'a policy that hands sign-in to an external identity provider',
      snapshot: tenant([appWithPolicies(['sop-idp'])], [policy('sop-idp', [{ id: 'act-idp', type: 'IDENTITY_PROVIDER', priority: 1 }])]),
    },
    {
      name: 'the single-factor default is not judged for an app that signs in through DaVinci',
      snapshot: tenant([daVinciApp()]),
      skipped: [{ resource: { type: 'application', id: 'app-davinci' }, reason: 'flow policy fp-passwordless' }],
    },
    {
      name: 'an action type this version does not know may be a second factor: the policy is skipped, naming it',
      snapshot: tenant([appWithPolicies(['sop-new'])], [policy('sop-new', [loginAction(), { id: 'act-new', type: 'PASSKEY_STEP_UP', priority: 2 }])]),
      skipped: [{ resource: { type: 'signOnPolicy', id: 'sop-new' }, reason: 'PASSKEY_STEP_UP' }],
    },
    {
      name: 'a PingID step counts as MFA',
      snapshot: tenant([appWithPolicies(['sop-pingid'])], [policy('sop-pingid', [loginAction(), { id: 'act-pid', type: 'PINGID_AUTHENTICATION', priority: 2 }])]),
    },
  ],
  invalid: [
    {
      name: 'an app whose flow policies are unread does not hide another app on the single-factor policy',
      snapshot: withFlowPoliciesUnread(tenant([appWithPolicies([SINGLE_FACTOR]), appWithPolicies([SINGLE_FACTOR], { id: 'app-2', name: 'Shop' })]), 'app-2'),
      errors: [{ messageId: 'noMfa', resource: SINGLE, pointer: '/_embedded/actions', data: { apps: 'Web' } }],
    },
    {
      name: 'an app assigned Single_Factor',
      snapshot: tenant([appWithPolicies([SINGLE_FACTOR])]),
      errors: [{ messageId: 'noMfa', resource: SINGLE, pointer: '/_embedded/actions', data: { policy: 'Single_Factor', apps: 'Web' } }],
    },
    {
      name: 'a lower-priority single-factor policy is still reachable (acr_values, fall-through)',
      snapshot: tenant([appWithPolicies([MULTI_FACTOR, SINGLE_FACTOR])]),
      errors: [{ messageId: 'noMfa', resource: SINGLE, pointer: '/_embedded/actions' }],
    },
    {
      name: 'the single-factor default, used by apps without assignments',
      snapshot: tenant([appWithPolicies([]), appWithPolicies([], { id: 'app-2', name: 'Shop' })]),
      errors: [{ messageId: 'noMfa', resource: SINGLE, pointer: '/_embedded/actions', data: { apps: 'Web and Shop' } }],
    },
    {
      name: 'a worker app signing admins in: high',
      snapshot: tenant([
        appWithPolicies([SINGLE_FACTOR]),
        workerApp({ grantTypes: ['AUTHORIZATION_CODE'], _embedded: { signOnPolicyAssignments: [{ id: 'sopa-w', signOnPolicy: { id: SINGLE_FACTOR }, priority: 1 }] } }),
      ]),
      errors: [{ messageId: 'noMfaForAdmins', resource: SINGLE, pointer: '/_embedded/actions', severity: 'high', data: { admins: 'Worker', apps: 'Web and Worker' } }],
    },
    {
      name: 'a SAML app limited to admin users',
      snapshot: tenant([appWithPolicies([SINGLE_FACTOR], { protocol: 'SAML', grantTypes: undefined, accessControl: { role: { type: 'ADMIN_USERS_ONLY' } } })]),
      errors: [{ messageId: 'noMfaForAdmins', resource: SINGLE, pointer: '/_embedded/actions', severity: 'high' }],
    },
  ],
});
