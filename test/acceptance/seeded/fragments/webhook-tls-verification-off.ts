import { seededId, type Fragment } from '../fragment.js';
import { seededWebhook } from './key-and-webhook-items.js';

const trustsAll = seededId(33, 1);
const verifies = seededId(33, 2);

/** An https webhook trusting any certificate beside one that verifies it. */
export const webhookTlsVerificationOff: Fragment = {
  rule: 'webhook-tls-verification-off',
  bad: { type: 'subscription', id: trustsAll },
  good: [{ type: 'subscription', id: verifies }],
  seed: { subscriptions: [seededWebhook(trustsAll, 'SIEM, any certificate', { verifyTlsCertificates: false }), seededWebhook(verifies, 'SIEM, verified')] },
};
