import { defineRule } from '../../src/engine/define-rule.js';
import { severityOverride } from '../shared/severity.js';
import { appsOf, policiesInUse, policyRef, signsAdminsIn } from '../../src/pingone/sign-on-policies.js';
import { listNames } from '../shared/wording.js';

const SEVERITY = 'medium';

export default defineRule({
  id: 'mfa-bypass-no-device',
  meta: {
    title: 'MFA step lets users without a device through',
    description: 'Disallow noDevicesMode BYPASS on the multi-factor authentication actions of sign-on policies.',
    severity: SEVERITY,
    category: 'policies',
    tags: ['mfa', 'sign-on-policy', 'bypass'],
    requires: ['applications', 'applicationSignOnPolicyAssignments', 'applicationFlowPolicyAssignments', 'signOnPolicies', 'signOnPolicyActions'],
    frameworks: { 'nist-800-53-r5': ['IA-2(1)', 'IA-2(2)'], 'iso-27001-2022': ['A.8.5'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['6.3', '6.5'], 'pci-dss-4.0.1': ['8.4.2', '8.5.1'] },
    docs: {
      frameworkRationale: 'Bypassing MFA for users without a device lets them sign in with one factor, and PCI DSS 8.5.1 says MFA must not be bypassable.',
      rationale:
        'The MULTI_FACTOR_AUTHENTICATION action’s `noDevicesMode` says what happens when the user has no usable MFA device: BLOCK fails the step, BYPASS lets the user continue as if MFA had succeeded. With BYPASS, MFA protects only the users who enrolled; every account that never paired a device (new, dormant, service-like, or one an attacker got to first) signs in with a password alone, and an attacker who can remove a victim’s devices turns the step off for them. PingOne’s API documents that the mode is applied in flows whose authorize request carries a signed `login_hint_token` (browserless and MFA-only flows such as PingFederate’s PingOne MFA adapter), which narrows but does not remove the exposure. Enrol users before MFA is required (a registration step or an enrolment campaign) rather than letting them skip it.',
      remediation: [
        'Console: Authentication > Policies > the policy > the Multi-factor Authentication step, and set the behaviour for users with no (or no compatible) method to Block.',
        'API: `PUT /environments/{envId}/signOnPolicies/{policyId}/actions/{actionId}` with the current action body and `"noDevicesMode": "BLOCK"`.',
        'Before switching, find users without a paired device (`GET /environments/{envId}/users/{userId}/devices`) and have them enrol, or they will be blocked.',
      ],
      references: [
        { title: 'PingOne API: sign-on policy actions (noDevicesMode)', url: 'https://developer.pingidentity.com/pingone-api/platform/sign-on-policies/sign-on-policy-actions.html' },
        {
          title: 'PingOne MFA integration kit: Block or Bypass for users without a method',
          url: 'https://docs.pingidentity.com/integrations/pingone/pingone_mfa_integration_kit/pf_p1_mfa_ik_p1_mfa_status_attributes_reference.html',
        },
        { title: 'NIST SP 800-63B §4.2 (AAL2: two distinct authentication factors)', url: 'https://pages.nist.gov/800-63-3/sp800-63b.html#aal2' },
      ],
      severityRationale:
        'Medium: the second factor silently disappears for the accounts least likely to be watched, but only where the bypass applies and a password is also stolen. High when the policy signs administrators in.',
    },
    messages: {
      bypass: 'Sign-on policy {{policy}} lets users with no MFA device skip its MFA step (noDevicesMode BYPASS); it {{usage}}: set noDevicesMode to BLOCK and enrol users first.',
      bypassForAdmins: 'Sign-on policy {{policy}} lets administrators with no MFA device skip its MFA step (noDevicesMode BYPASS) when signing in to {{admins}}: set noDevicesMode to BLOCK.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report }) {
    return policiesInUse(snapshot).flatMap((inUse) => {
      const { policy, env } = inUse;
      const apps = appsOf(inUse);
      const admins = apps.filter(signsAdminsIn);
      const usage = apps.length > 0 ? `signs users in to ${listNames(apps.map((app) => app.name))}` : 'is not used by any application yet';
      const data = { policy: policy.name, usage, admins: listNames(admins.map((app) => app.name)) };
      return (policy._embedded?.actions ?? []).flatMap((action, i) =>
        action.type === 'MULTI_FACTOR_AUTHENTICATION' && action.noDevicesMode === 'BYPASS'
          ? [
              report(admins.length > 0 ? 'bypassForAdmins' : 'bypass', data, {
                resource: policyRef(policy, env),
                pointer: `/_embedded/actions/${i}/noDevicesMode`,
                ...severityOverride(admins.length > 0 ? 'high' : SEVERITY, SEVERITY),
              }),
            ]
          : [],
      );
    });
  },
});
