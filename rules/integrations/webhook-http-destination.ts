import { defineRule } from '../../src/engine/define-rule.js';
import { subscriptionRef, subscriptionsOf, webhookDestination } from '../../src/pingone/keys-and-webhooks.js';
import { REFERENCES } from '../shared/references.js';
import { severityOverride } from '../shared/severity.js';

const MAX_HOST = 260;

const SEVERITY = 'high';

export default defineRule({
  id: 'webhook-http-destination',
  meta: {
    title: 'Webhook sends events over plain http',
    description: 'Disallow webhooks whose destination is a plain http URL on a host other than loopback.',
    severity: SEVERITY,
    category: 'integrations',
    tags: ['webhooks', 'tls', 'confidentiality'],
    requires: ['subscriptions'],
    frameworks: { 'nist-800-53-r5': ['SC-8', 'SC-8(1)'], 'iso-27001-2022': ['A.8.24', 'A.5.14'], 'soc2-2017': ['CC6.7'], 'cis-v8.1': ['3.10'], 'pci-dss-4.0.1': ['4.2.1'] },
    docs: {
      frameworkRationale: 'Events sent over plain http cross the network unencrypted.',
      rationale:
        'A webhook sends PingOne’s audit events (sign-ons, user and admin changes, with user names and often IP addresses) to its destination URL. Over plain http they cross the internet unencrypted and unauthenticated: anyone on the path reads them, and can alter or drop them before the receiving system (a SIEM, an audit store) sees them. Any request headers the webhook sends, usually the destination’s credentials, travel in the clear too. Ping’s admin guide expects an HTTPS destination and says a non-HTTPS listener fails delivery; a webhook configured this way either loses its events or sends them in the clear, and neither is wanted. A loopback host is not reported (no network is crossed), nor is a URL that does not parse, which is left unjudged.',
      remediation: [
        'Serve the receiving endpoint over HTTPS with a certificate its clients can verify.',
        'Console: Integrations > Webhooks > the webhook > edit, and change the destination URL to its https:// form.',
        'API: `PUT /environments/{envId}/subscriptions/{subscriptionId}` with the current body and an `https://` `httpEndpoint.url` (and `"verifyTlsCertificates": true`).',
      ],
      references: [REFERENCES.pingCreateWebhook, REFERENCES.pingWebhooks, { title: 'RFC 9110 §4.2.2 (https URI scheme)', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-4.2.2' }],
      severityRationale:
        'High for an enabled webhook: reading or tampering with the events needs only a passive or active position on any network between PingOne and the destination, and the events carry personal data and the destination’s credentials. Low for a disabled webhook, which sends nothing until someone turns it on.',
    },
    messages: {
      plainHttp: 'Webhook {{name}} sends events to {{host}} over plain http, readable and alterable by anyone on the way: use an https:// destination.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report, leaveUnjudged }) {
    return subscriptionsOf(snapshot).flatMap((located) => {
      const { subscription } = located;
      const destination = webhookDestination(subscription);
      if (destination === 'unparsable') leaveUnjudged(subscriptionRef(located), 'has a destination URL that does not parse');
      if (destination !== 'http') return [];
      // A DNS name is at most 253 characters (259 with a port): a longer host is bad data, cut so one finding does not carry megabytes.
      const fullHost = new URL(subscription.httpEndpoint!.url).host;
      const host = fullHost.length > MAX_HOST ? `${fullHost.slice(0, MAX_HOST)}…` : fullHost;
      return [
        report(
          'plainHttp',
          { name: subscription.name, host },
          {
            resource: subscriptionRef(located),
            pointer: '/httpEndpoint/url',
            ...severityOverride(subscription.enabled ? SEVERITY : 'low', SEVERITY),
          },
        ),
      ];
    });
  },
});
