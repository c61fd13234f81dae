import { defineRule } from '../../src/engine/define-rule.js';
import type { Severity } from '../../src/engine/types.js';
import { passwordPoliciesInUse, passwordPolicyRef } from '../../src/pingone/password-policies.js';
import { listNames } from '../shared/wording.js';

const SEVERITY: Severity = 'medium';

const nist80063b4 = (section: string, title: string) => ({
  title: `NIST SP 800-63B-4 §${section} (${title})`,
  url: 'https://pages.nist.gov/800-63-4/sp800-63b.html',
});

export default defineRule({
  id: 'password-policy-weak',
  meta: {
    title: 'Password policy in use is weak',
    description: 'Require the password policies in use to ask for a minimum length, lock accounts after failed sign-ons and refuse commonly used passwords.',
    severity: SEVERITY,
    category: 'policies',
    tags: ['password', 'authentication', 'nist-800-63b'],
    requires: ['passwordPolicies', 'populations'],
    frameworks: { 'nist-800-53-r5': ['IA-5(1)', 'AC-7'], 'iso-27001-2022': ['A.5.17', 'A.8.5'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['5.2'], 'pci-dss-4.0.1': ['8.3.4', '8.3.6'] },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          minLength: { type: 'integer', minimum: 1, description: 'Shortest acceptable length.min of a password policy in use.' },
        },
      },
      defaults: { minLength: 8 },
    },
    docs: {
      frameworkRationale: 'Short, common or never-locked passwords break password-based authenticator requirements.',
      rationale:
        'The password is the first factor of every sign-on a sign-on policy asks one for, and for users who never enrolled an MFA method it may be the only one. NIST SP 800-63B-4 §3.1.1.2 asks verifiers for a minimum length (8 characters when the password is one factor of two, 15 when it stands alone) and to refuse passwords found in lists of commonly used or breached values, which PingOne does with `excludesCommonlyUsed`; §3.2.2 asks them to limit failed attempts, which PingOne does with `lockout` (failures before the account locks, and for how long). A policy without lockout lets an attacker guess or spray passwords for as long as they like. The rule judges the policies in force: each population’s own (`passwordPolicy.id`) and the environment’s default for populations that name none; a policy no population uses is not reported. The minimum length is an option (8 by default, the NIST floor for a password that is one of two factors; raise it to 15 where passwords stand alone).',
      remediation: [
        'Console: Authentication > Password Policies > the policy > edit: set the minimum length, turn on account lockout (for example 5 failures, 15 minutes), and check “Not a commonly used password”.',
        'API: `PUT /environments/{envId}/passwordPolicies/{passwordPolicyId}` with the current body plus `"length": {"min": 8, …}`, `"lockout": {"failureCount": 5, "durationSeconds": 900}` and `"excludesCommonlyUsed": true`.',
        'Or point the population at a stronger policy: `PUT /environments/{envId}/populations/{populationId}` with `"passwordPolicy": {"id": …}`.',
      ],
      references: [
        nist80063b4('3.1.1.2', 'password verifiers: minimum length, blocklist of commonly used passwords'),
        nist80063b4('3.2.2', 'rate limiting failed authentication attempts'),
        { title: 'PingOne API: password policies (applied to users through populations; data model)', url: 'https://developer.pingidentity.com/pingone-api/platform/password-policies.html' },
      ],
      severityRationale:
        'Medium: a weak first factor makes password guessing and credential stuffing work, but the sign-on policy may still ask for a second factor. High for a policy with no lockout, which leaves online guessing unbounded.',
    },
    messages: {
      tooShort: 'Password policy {{policy}} (used by {{populations}}) accepts passwords of {{actual}} characters, below the minimum of {{min}}: raise length.min.',
      noLockout:
        'Password policy {{policy}} (used by {{populations}}) never locks an account after failed sign-ons, so passwords can be guessed without limit: set lockout.failureCount and lockout.durationSeconds.',
      commonPasswordsAllowed: 'Password policy {{policy}} (used by {{populations}}) accepts commonly used passwords: set excludesCommonlyUsed to true.',
    },
    precision: 'high',
  },
  check(snapshot, { options, report }) {
    return passwordPoliciesInUse(snapshot).flatMap(({ policy, env, populations }) => {
      const at = (pointer: string, severity?: Severity) => ({ resource: passwordPolicyRef(policy, env), pointer, ...(severity === undefined ? {} : { severity }) });
      const used = { policy: policy.name, populations: listNames(populations.map((population) => `population ${population.name}`)) };
      const reports = [];
      const min = policy.length?.min;
      // An unset minimum is not guessed at: PingOne's data model always returns one for a policy.
      if (typeof min === 'number' && min < options.minLength) {
        reports.push(report('tooShort', { ...used, actual: String(min), min: String(options.minLength) }, at('/length/min')));
      }
      if (typeof policy.lockout?.failureCount !== 'number') reports.push(report('noLockout', used, at('/lockout', 'high')));
      if (policy.excludesCommonlyUsed !== true) reports.push(report('commonPasswordsAllowed', used, at('/excludesCommonlyUsed')));
      return reports;
    });
  },
});
