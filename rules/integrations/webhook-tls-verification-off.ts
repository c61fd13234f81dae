import { defineRule } from '../../src/engine/define-rule.js';
import { subscriptionRef, subscriptionsOf, webhookDestination } from '../../src/pingone/keys-and-webhooks.js';
import { REFERENCES } from '../shared/references.js';
import { severityOverride } from '../shared/severity.js';

const SEVERITY = 'medium';

export default defineRule({
  id: 'webhook-tls-verification-off',
  meta: {
    title: 'Webhook TLS certificate verification off',
    description: 'Require webhooks to verify the TLS certificate of their destination (verifyTlsCertificates).',
    severity: SEVERITY,
    category: 'integrations',
    tags: ['webhooks', 'tls', 'confidentiality'],
    requires: ['subscriptions'],
    frameworks: { 'nist-800-53-r5': ['SC-8', 'SC-17'], 'iso-27001-2022': ['A.8.24', 'A.5.14'], 'soc2-2017': ['CC6.7'], 'cis-v8.1': ['3.10'], 'pci-dss-4.0.1': ['4.2.1'] },
    docs: {
      frameworkRationale: 'Without certificate verification TLS does not authenticate the webhook destination, so events can go to an impostor.',
      rationale:
        'A webhook sends PingOne’s audit events (sign-ons, user and admin changes, with user names and often IP addresses) to another system. With `verifyTlsCertificates` false PingOne trusts any certificate the destination presents, so whoever can intercept or redirect the connection (DNS, a proxy, a compromised network on the way) reads every event and can answer in the destination’s place, and the receiving system silently stops getting them. For a destination whose certificate a private CA signed, PingOne verifies against certificates you add to the webhook; turning verification off is never needed for that. A webhook to plain http is reported by webhook-http-destination instead: it has no TLS to verify.',
      remediation: [
        'Console: Integrations > Webhooks > the webhook > edit, and turn on verification of TLS certificates (add the destination’s CA certificate if a private CA signed it).',
        'API: `PUT /environments/{envId}/subscriptions/{subscriptionId}` with the current body and `"verifyTlsCertificates": true`.',
      ],
      references: [REFERENCES.pingWebhooks, { title: 'RFC 9110 §4.3.4 (https certificate verification)', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-4.3.4' }],
      severityRationale:
        'Medium for an enabled webhook: exploiting it needs a position on the network path or control of name resolution, but then yields a stream of identity data and lets audit events be suppressed. Low for a disabled webhook, which sends nothing until someone turns it on.',
    },
    messages: {
      verificationOff:
        'Webhook {{name}} sends events without verifying the TLS certificate of its destination, so anyone who can intercept the connection reads them: set verifyTlsCertificates to true.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report }) {
    return subscriptionsOf(snapshot)
      .filter(({ subscription }) => subscription.verifyTlsCertificates === false && webhookDestination(subscription) !== 'http')
      .map((located) =>
        report(
          'verificationOff',
          { name: located.subscription.name },
          {
            resource: subscriptionRef(located),
            pointer: '/verifyTlsCertificates',
            ...severityOverride(located.subscription.enabled ? SEVERITY : 'low', SEVERITY),
          },
        ),
      );
  },
});
