import { seededId, type Fragment } from '../fragment.js';

const weak = seededId(0x16a2, 1);
const strong = seededId(0x16a2, 2);
const policy = (id: string, name: string, hardened: boolean) => ({
  id,
  name,
  default: false,
  excludesCommonlyUsed: hardened,
  length: { min: hardened ? 12 : 8, max: 255 },
  ...(hardened ? { lockout: { failureCount: 5, durationSeconds: 900 } } : {}),
});

/** A population whose policy never locks out and accepts common passwords, beside one whose policy does both. */
export const passwordPolicyWeak: Fragment = {
  rule: 'password-policy-weak',
  bad: { type: 'passwordPolicy', id: weak },
  good: [{ type: 'passwordPolicy', id: strong }],
  seed: {
    passwordPolicies: [policy(weak, 'Legacy import', false), policy(strong, 'Partners', true)],
    populations: [
      { id: seededId(0x16a2, 3), name: 'Imported customers', passwordPolicy: { id: weak } },
      { id: seededId(0x16a2, 4), name: 'Partners', passwordPolicy: { id: strong } },
    ],
  },
};
