import { seededId, type Fragment } from '../fragment.js';
import { seededKey } from './key-and-webhook-items.js';

const short = seededId(31, 1);
const long = seededId(31, 2);

/** A 1024-bit RSA key beside a 3072-bit one, both far from expiry. */
export const keyWeak: Fragment = {
  rule: 'key-weak',
  bad: { type: 'key', id: short },
  good: [{ type: 'key', id: long }],
  seed: { keys: [seededKey(short, 'Legacy 1024-bit key', { keyLength: 1024 }), seededKey(long, 'Current 3072-bit key', { keyLength: 3072 })] },
};
