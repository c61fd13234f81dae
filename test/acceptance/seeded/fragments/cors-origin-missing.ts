import { hardenedSpa, seededId, signsInWithMfa, type Fragment } from '../fragment.js';

const closed = seededId(4, 1);
const ownOrigin = seededId(4, 2);

/** A SPA allowing no CORS origin, beside one allowing exactly the origin of its redirect URI. */
export const corsOriginMissing: Fragment = {
  rule: 'cors-origin-missing',
  bad: { type: 'application', id: closed },
  good: [{ type: 'application', id: ownOrigin }],
  seed: {
    applications: [hardenedSpa(closed, 'SPA allowing no origin', { corsSettings: { behavior: 'ALLOW_NO_ORIGINS' } }), hardenedSpa(ownOrigin, 'SPA allowing its origin')],
    signOnPolicyAssignments: signsInWithMfa(closed, ownOrigin),
  },
};
