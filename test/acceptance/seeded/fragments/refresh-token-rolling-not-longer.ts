import { hardenedWebApp, seededId, signsInWithMfa, type Fragment } from '../fragment.js';

const equal = seededId(1, 1);
const longer = seededId(1, 2);

/** Refresh tokens living as long as the rolling duration, beside ones living a week of a 90-day session. */
export const refreshTokenRollingNotLonger: Fragment = {
  rule: 'refresh-token-rolling-not-longer',
  bad: { type: 'application', id: equal },
  good: [{ type: 'application', id: longer }],
  seed: {
    applications: [
      hardenedWebApp(equal, 'Rolling equal to lifetime', { refreshTokenDuration: 7_776_000, refreshTokenRollingDuration: 7_776_000 }),
      hardenedWebApp(longer, 'Rolling longer than lifetime'),
    ],
    signOnPolicyAssignments: signsInWithMfa(equal, longer),
  },
};
