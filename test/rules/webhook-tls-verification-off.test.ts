import rule from '../../rules/integrations/webhook-tls-verification-off.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot } from '../helpers/snapshot-builder.js';
import { webhook } from './key-fixtures.js';

const SUB = { type: 'subscription' as const, id: 'sub-1' };
const withWebhook = (...subscriptions: ReturnType<typeof webhook>[]) => buildSnapshot({ environments: [{ subscriptions }] });

testRule(rule, {
  valid: [
    { name: 'verification on', snapshot: withWebhook(webhook()) },
    {
      name: 'plain http has no TLS to verify (webhook-http-destination reports it)',
      snapshot: withWebhook(webhook({ verifyTlsCertificates: false, httpEndpoint: { url: 'http://siem.example.com/events' } })),
    },
  ],
  invalid: [
    {
      name: 'an enabled webhook trusting any certificate',
      snapshot: withWebhook(webhook({ verifyTlsCertificates: false })),
      errors: [{ messageId: 'verificationOff', resource: SUB, pointer: '/verifyTlsCertificates', data: { name: 'SIEM' } }],
    },
    {
      name: 'a disabled one: low',
      snapshot: withWebhook(webhook({ verifyTlsCertificates: false, enabled: false })),
      errors: [{ messageId: 'verificationOff', resource: SUB, pointer: '/verifyTlsCertificates', severity: 'low' }],
    },
    {
      name: 'http to loopback still uses no TLS but is not webhook-http-destination’s: reported here',
      snapshot: withWebhook(webhook({ verifyTlsCertificates: false, httpEndpoint: { url: 'http://127.0.0.1:8080/events' } })),
      errors: [{ messageId: 'verificationOff', resource: SUB, pointer: '/verifyTlsCertificates' }],
    },
  ],
});
