import { defineRule } from '../../src/engine/define-rule.js';
import type { Severity } from '../../src/engine/types.js';
import { mfaPolicyOfAction, outOfBandMethodsOf } from '../../src/pingone/mfa-policies.js';
import { applicationRef, applicationsOf } from '../../src/pingone/applications.js';
import { appsOf, policiesInUse, policyRef, signsAdminsIn, signsInThroughDaVinci } from '../../src/pingone/sign-on-policies.js';
import { listNames } from '../shared/wording.js';

const SEVERITY: Severity = 'high';

const METHOD_NAMES: Readonly<Record<string, string>> = { sms: 'SMS', voice: 'voice', email: 'email', whatsApp: 'WhatsApp' };

export default defineRule({
  id: 'admin-mfa-not-phishing-resistant',
  meta: {
    title: 'Admin sign-in accepts phishable MFA methods',
    description: 'Require the MFA steps of sign-on policies that sign administrators in to accept only phishing-resistant methods, not SMS, voice or email passcodes.',
    severity: SEVERITY,
    category: 'policies',
    tags: ['mfa', 'admin-users', 'phishing-resistance', 'sign-on-policy'],
    requires: ['applications', 'applicationSignOnPolicyAssignments', 'applicationFlowPolicyAssignments', 'signOnPolicies', 'signOnPolicyActions', 'deviceAuthenticationPolicies'],
    frameworks: { 'nist-800-53-r5': ['IA-2(1)', 'IA-2(8)'], 'iso-27001-2022': ['A.8.5', 'A.8.2'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['6.5'], 'pci-dss-4.0.1': ['8.4.1', '8.5.1'] },
    docs: {
      frameworkRationale: 'SMS, voice and email factors can be phished or replayed, which privileged access should not rely on.',
      rationale:
        'An administrator’s session reaches the Management API, so the second factor of admin sign-in is what stands between one phished password and the tenant. A passcode sent by SMS, voice call, email or WhatsApp does not stop phishing: a proxy page relays it as readily as the password, and SIM swaps, number porting and mailbox takeovers deliver it to the attacker. NIST SP 800-63B-4 restricts the telephone network as an authentication channel (§3.1.3.3) and asks for phishing resistance (§3.2.5), which FIDO2 / WebAuthn authenticators (platform authenticators, passkeys, security keys) give because the browser binds the signature to the real origin; CISA asks for phishing-resistant MFA first for administrators. In PingOne the MFA step of a sign-on policy applies an MFA policy (a device authentication policy: the one the step names, else the environment’s default), and each method of that policy is switched on or off. The rule reports sign-on policies that apps signing administrators in use (worker apps with a sign-in grant, apps restricted to admin users) whose MFA step’s MFA policy has SMS, voice, email or WhatsApp on. TOTP and mobile push are not phishing-resistant either, but they do not travel over a channel an attacker can redirect; the rule leaves them alone rather than report every tenant that uses an authenticator app. The PingOne admin console follows the environment’s administrator security settings, not sign-on policies, and apps bound to a DaVinci flow are not judged.',
      remediation: [
        'Create an MFA policy for administrators with only FIDO2 enabled (Authentication > MFA > MFA Policies, or `POST /environments/{envId}/deviceAuthenticationPolicies` with `"fido2": {"enabled": true}` and `"sms"`, `"voice"`, `"email"` disabled), and have administrators register a passkey or security key first.',
        'Point the MFA step of the admin sign-on policy at it: Authentication > Policies > the policy > the MFA step > MFA policy, or `PUT /environments/{envId}/signOnPolicies/{policyId}/actions/{actionId}` with `"deviceAuthenticationPolicy": {"id": …}`.',
        'Or give the admin apps a sign-on policy of their own instead of the one customers use (Applications > the app > Policies).',
      ],
      references: [
        { title: 'NIST SP 800-63B-4 §3.2.5 (phishing resistance)', url: 'https://pages.nist.gov/800-63-4/sp800-63b.html' },
        { title: 'NIST SP 800-63B-4 §3.1.3.3 (authentication using the public switched telephone network)', url: 'https://pages.nist.gov/800-63-4/sp800-63b.html' },
        { title: 'CISA: implementing phishing-resistant MFA', url: 'https://www.cisa.gov/sites/default/files/publications/fact-sheet-implementing-phishing-resistant-mfa-508c.pdf' },
        { title: 'PingOne MFA API: device authentication policies (MFA policies)', url: 'https://developer.pingidentity.com/pingone-api/mfa/device-authentication-policy.html' },
        { title: 'PingOne API: sign-on policy actions (deviceAuthenticationPolicy)', url: 'https://developer.pingidentity.com/pingone-api/platform/sign-on-policies/sign-on-policy-actions.html' },
      ],
      severityRationale: 'High: admin accounts are what phishing campaigns against identity providers aim for, and this MFA is exactly what such campaigns relay.',
    },
    messages: {
      phishableMethods:
        'Sign-on policy {{policy}} signs administrators in to {{admins}}, and its MFA step’s MFA policy {{mfaPolicy}} accepts {{methods}} passcodes, which phishing relays: allow only FIDO2 for administrators.',
    },
    precision: 'high',
  },
  check(snapshot, { report, leaveUnjudged }) {
    for (const located of applicationsOf(snapshot)) {
      if (located.app.enabled !== false && signsAdminsIn(located.app) && signsInThroughDaVinci(located.app)) {
        leaveUnjudged(applicationRef(located), 'signs administrators in through DaVinci: the flow decides which MFA methods count, and this audit does not read flows');
      }
    }
    return policiesInUse(snapshot).flatMap((inUse) => {
      const { policy, env } = inUse;
      const admins = appsOf(inUse).filter(signsAdminsIn);
      if (admins.length === 0) return [];
      const resource = policyRef(policy, env);
      return (policy._embedded?.actions ?? []).flatMap((action, i) => {
        // PingID's actions use PingID's own methods, which the Management API does not show.
        if (action.type.startsWith('PINGID_')) {
          leaveUnjudged(resource, `its ${action.type} step uses PingID methods, which this audit cannot read`);
          return [];
        }
        if (action.type !== 'MULTI_FACTOR_AUTHENTICATION') return [];
        const mfaPolicy = mfaPolicyOfAction(action, env);
        if (mfaPolicy === undefined) {
          const named = action.deviceAuthenticationPolicy?.id;
          leaveUnjudged(
            resource,
            named === undefined ? 'its MFA step uses the default MFA policy, and the environment has none' : `its MFA step names MFA policy ${named}, which is not in the snapshot`,
          );
          return [];
        }
        const methods = outOfBandMethodsOf(mfaPolicy);
        if (methods.length === 0) return [];
        const data = {
          policy: policy.name,
          admins: listNames(admins.map((app) => app.name)),
          mfaPolicy: mfaPolicy.name,
          methods: listNames(
            methods.map((method) => METHOD_NAMES[method] ?? method),
            methods.length,
          ),
        };
        const pointer = action.deviceAuthenticationPolicy === undefined ? `/_embedded/actions/${i}` : `/_embedded/actions/${i}/deviceAuthenticationPolicy`;
        return [report('phishableMethods', data, { resource, pointer })];
      });
    });
  },
});
