import { defineRule } from '../../src/engine/define-rule.js';
import { applicationRef, applicationsOf } from '../../src/pingone/applications.js';
import { severityOverride } from '../shared/severity.js';
import { defaultPolicyOf, hasMfaStep, skipDaVinciApplications, whetherUsesDefaultPolicy } from '../../src/pingone/sign-on-policies.js';
import { reportsIf } from '../../src/pingone/unknown-answers.js';

const SEVERITY = 'low';

export default defineRule({
  id: 'app-no-sign-on-policy',
  meta: {
    title: 'Application signs users in with the environment’s default policy',
    description: 'Require every application that signs users in to have a sign-on policy of its own assigned.',
    severity: SEVERITY,
    category: 'policies',
    tags: ['sign-on-policy', 'authentication', 'mfa'],
    requires: ['applications', 'applicationSignOnPolicyAssignments', 'applicationFlowPolicyAssignments', 'signOnPolicies', 'signOnPolicyActions'],
    frameworks: { 'nist-800-53-r5': ['IA-2', 'AC-3'], 'iso-27001-2022': ['A.8.5', 'A.5.15'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['6.7'], 'pci-dss-4.0.1': ['8.3.1'] },
    docs: {
      frameworkRationale: 'An app without its own sign-on policy falls back to the environment default, so its authentication requirements are not chosen for it.',
      rationale:
        'An OIDC app with a sign-in grant, or a SAML or WS-Fed app, with no sign-on policy assignment is signed into with whatever policy is the environment’s default at the moment of sign-in. Its authentication strength is then decided elsewhere: the default ships as `Single_Factor` in new environments, and whoever changes the default for another reason changes this app too, with nothing on the app to show it. Assigning a policy makes the app’s authentication explicit and reviewable. PingOne’s own apps (admin console, self-service, portal) are meant to follow the environment’s settings and are not reported. An app bound to a DaVinci flow policy instead has no sign-on policy assignment either; flow policy assignments are not collected, so such an app is reported too and can be suppressed with that reason. Applications bound to a DaVinci flow policy sign in through that flow instead, so they are listed as not evaluated, naming the flow policy.',
      remediation: [
        'Console: Applications > Applications > the application > Policies > edit, and add the sign-on policy it should use (for example Multi_Factor).',
        'API: `POST /environments/{envId}/applications/{appId}/signOnPolicyAssignments` with `{"signOnPolicy":{"id":"<policyId>"},"priority":1}`.',
      ],
      references: [
        { title: 'PingOne API: application sign-on policy assignments', url: 'https://developer.pingidentity.com/pingone-api/platform/applications/application-sign-on-policy-assignments.html' },
        { title: 'PingOne API: sign-on policies (selection and evaluation)', url: 'https://developer.pingidentity.com/pingone-api/platform/sign-on-policies.html' },
      ],
      severityRationale:
        'Low: the default policy may well be strong; the problem is that nothing on the app says so and a change elsewhere can weaken it. Medium when the default policy has no MFA step, because the app then signs users in with a password alone.',
    },
    messages: {
      defaultPolicy: 'Application {{app}} has no sign-on policy assigned, so it uses the environment’s default, {{policy}}, and changes with it: assign the policy it should use.',
      defaultPolicyWithoutMfa:
        'Application {{app}} has no sign-on policy assigned, so it uses the environment’s default, {{policy}}, which has no MFA step: assign a policy with multi-factor authentication.',
    },
    precision: 'medium',
  },
  check(snapshot, { report, leaveUnjudged }) {
    skipDaVinciApplications(snapshot, leaveUnjudged);
    return applicationsOf(snapshot).flatMap((located) =>
      reportsIf(whetherUsesDefaultPolicy(located.app), applicationRef(located), leaveUnjudged, () => {
        const policy = defaultPolicyOf(located);
        // Unread actions or a missing default leave the strength unknown: the low finding still stands.
        const weak = policy !== undefined && hasMfaStep(policy) === false;
        return [
          report(
            weak ? 'defaultPolicyWithoutMfa' : 'defaultPolicy',
            { app: located.app.name, policy: policy?.name ?? 'not in the snapshot' },
            {
              resource: applicationRef(located),
              pointer: '/_embedded/signOnPolicyAssignments',
              ...severityOverride(weak ? 'medium' : SEVERITY, SEVERITY),
            },
          ),
        ];
      }),
    );
  },
});
