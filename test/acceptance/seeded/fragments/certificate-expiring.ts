import { seededId, type Fragment } from '../fragment.js';
import { daysFromNow, seededKey } from './key-and-webhook-items.js';

const soon = seededId(32, 1);
const later = seededId(32, 2);

/** A partner certificate expiring in ten days beside one valid for three years. */
export const certificateExpiring: Fragment = {
  rule: 'certificate-expiring',
  bad: { type: 'certificate', id: soon },
  good: [{ type: 'certificate', id: later }],
  seed: {
    certificates: [seededKey(soon, 'Partner certificate, expiring', { expiresAt: daysFromNow(10), usageType: 'SIGNING' }), seededKey(later, 'Partner certificate, renewed')],
  },
};
