import { defineRule } from '../../src/engine/define-rule.js';
import { severityOverride } from '../shared/severity.js';
import {
  appsOf,
  delegatesToIdentityProvider,
  hasMfaStep,
  policiesInUse,
  policyRef,
  signsAdminsIn,
  skipDaVinciApplications,
  skipUncertainApplications,
  unknownActionTypes,
} from '../../src/pingone/sign-on-policies.js';
import { listNames } from '../shared/wording.js';
import { describeUnknown } from '../../src/pingone/unknown-answers.js';

const SEVERITY = 'medium';

export default defineRule({
  id: 'sign-on-policy-no-mfa',
  meta: {
    title: 'Sign-on policy in use without an MFA step',
    description: 'Require every sign-on policy that applications use to include a multi-factor authentication action.',
    severity: SEVERITY,
    category: 'policies',
    tags: ['mfa', 'sign-on-policy', 'authentication'],
    requires: ['applications', 'applicationSignOnPolicyAssignments', 'applicationFlowPolicyAssignments', 'signOnPolicies', 'signOnPolicyActions'],
    frameworks: { 'nist-800-53-r5': ['IA-2(1)', 'IA-2(2)'], 'iso-27001-2022': ['A.8.5'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['6.3', '6.5'], 'pci-dss-4.0.1': ['8.4.1', '8.4.2'] },
    docs: {
      frameworkRationale: 'A sign-on policy without an MFA action authenticates with a single factor.',
      rationale:
        'A sign-on policy is the sequence of steps PingOne runs before it issues tokens or a SAML assertion. Without a MULTI_FACTOR_AUTHENTICATION (or PingID) action, a password is all it takes, and passwords are phished, reused and sprayed. Every policy assigned to an app counts, not only the first: a client can ask for any of its app’s assigned policies by name through `acr_values`, and PingOne falls through to the next assigned policy when one fails, so a single-factor policy in the list is a downgrade path. The environment’s default policy counts when apps without assignments use it; new environments ship with a `Single_Factor` default. Policies that hand authentication to an external identity provider are not reported, since the MFA there is invisible to PingOne, and neither are policies whose actions were not collected. Applications bound to a DaVinci flow policy sign in through that flow instead, so they are listed as not evaluated, naming the flow policy.',
      remediation: [
        'Console: Authentication > Policies > the policy > edit, and add a step of type Multi-factor Authentication (after the Login step), with an MFA policy that allows phishing-resistant methods; or assign the apps the predefined Multi_Factor policy instead (Applications > the app > Policies).',
        'API: `POST /environments/{envId}/signOnPolicies/{policyId}/actions` with `{"type":"MULTI_FACTOR_AUTHENTICATION","priority":2,"noDevicesMode":"BLOCK"}`; or `POST /environments/{envId}/applications/{appId}/signOnPolicyAssignments` with an MFA policy and remove the single-factor assignment.',
      ],
      references: [
        { title: 'PingOne API: sign-on policies (selection and evaluation)', url: 'https://developer.pingidentity.com/pingone-api/platform/sign-on-policies.html' },
        { title: 'PingOne API: sign-on policy actions', url: 'https://developer.pingidentity.com/pingone-api/platform/sign-on-policies/sign-on-policy-actions.html' },
        { title: 'NIST SP 800-63B §4.2 (AAL2: two distinct authentication factors)', url: 'https://pages.nist.gov/800-63-3/sp800-63b.html#aal2' },
        { title: 'OpenID Connect Core 1.0 §3.1.2.1 (acr_values)', url: 'https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest' },
      ],
      severityRationale:
        'Medium: accounts behind the policy fall to a single stolen password, a common attack, but the impact is bounded by what the apps expose. High when one of the apps signs administrators in (a worker app with a sign-in grant, the admin console, or an app limited to admin users), where that password administers the tenant.',
    },
    messages: {
      noMfa: 'Sign-on policy {{policy}} has no MFA step and signs users in to {{apps}}: add a Multi-factor Authentication action or assign an MFA policy instead.',
      noMfaForAdmins:
        'Sign-on policy {{policy}} has no MFA step and signs administrators in to {{admins}} (of {{apps}}): a password alone reaches admin tokens; add a Multi-factor Authentication action.',
    },
    precision: 'high',
  },
  check(snapshot, { report, leaveUnjudged }) {
    skipDaVinciApplications(snapshot, leaveUnjudged);
    return policiesInUse(snapshot).flatMap((usage) => {
      const { policy, env } = usage;
      const apps = appsOf(usage);
      if ((apps.length === 0 && usage.uncertain.length === 0) || hasMfaStep(policy) !== false || delegatesToIdentityProvider(policy)) return [];
      const unknown = unknownActionTypes(policy);
      if (unknown.length > 0) {
        // An action type PingOne added later may well be a second factor: not judged rather than guessed.
        leaveUnjudged(policyRef(policy, env), describeUnknown(unknown));
        return [];
      }
      // An app whose grant or protocol this version does not know may sign users in with the policy.
      skipUncertainApplications(usage, leaveUnjudged);
      if (apps.length === 0) return [];
      const admins = apps.filter(signsAdminsIn);
      const data = { policy: policy.name, apps: listNames(apps.map((app) => app.name)), admins: listNames(admins.map((app) => app.name)) };
      return [
        report(admins.length > 0 ? 'noMfaForAdmins' : 'noMfa', data, {
          resource: policyRef(policy, env),
          pointer: '/_embedded/actions',
          ...severityOverride(admins.length > 0 ? 'high' : SEVERITY, SEVERITY),
        }),
      ];
    });
  },
});
