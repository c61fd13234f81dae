import { defineRule } from '../../src/engine/define-rule.js';
import type { Severity } from '../../src/engine/types.js';
import { applicationRef, issuesRefreshTokens, oidcApplicationsOf } from '../../src/pingone/applications.js';
import { DEFAULT_REFRESH_TOKEN_DURATION_SECONDS, describeDuration } from '../../src/pingone/durations.js';
import { REFERENCES } from '../shared/references.js';

const SEVERITY: Severity = 'low';

export default defineRule({
  id: 'refresh-token-rolling-not-longer',
  meta: {
    title: 'Refresh token rolling duration not longer than the token lifetime',
    description: 'Require refreshTokenRollingDuration to be longer than refreshTokenDuration, so that refreshing extends a session and an unused token expires first.',
    severity: SEVERITY,
    category: 'applications',
    tags: ['refresh-token', 'session-lifetime', 'rfc9700'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['AC-12', 'CM-6'], 'iso-27001-2022': ['A.8.5', 'A.8.9'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['4.1'], 'pci-dss-4.0.1': ['8.2.8'] },
    docs: {
      frameworkRationale: 'A rolling duration not longer than the absolute one makes idle and absolute session limits meaningless.',
      rationale:
        'PingOne issues a new refresh token at every refresh, valid for `refreshTokenDuration` (30 days when not set) but never beyond `refreshTokenRollingDuration` after sign-in. The two make a session with an idle limit only when the rolling duration is the longer: a client that stops refreshing for one token lifetime is signed out, and an active one keeps going until the rolling cap. When the rolling duration is equal to the lifetime or shorter, every refresh token already expires at the rolling cap, so refreshing never extends anything, and a refresh token left unused on a lost laptop or in a log stays valid for the whole session. The API refuses a lifetime above the rolling duration, so the usual case is the two set equal, often by someone who read them as one setting. RFC 9700 §4.14.2 asks refresh tokens to expire after a period of inactivity. Applications whose rolling duration is not set are reported by refresh-token-no-idle-limit and refresh-token-lifetime-too-long instead.',
      remediation: [
        'Decide the idle limit (how long a client may go without refreshing) and the session cap (how long until a new sign-in), the first shorter than the second: for example 7 days and 90 days.',
        'Console: Applications > Applications > the application > Configuration > edit, and set the refresh token duration to the idle limit and the rolling duration to the session cap.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body, `refreshTokenDuration` lower than `refreshTokenRollingDuration`.',
      ],
      references: [
        { title: 'RFC 9700 §4.14.2 (refresh token expiration after inactivity)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2' },
        REFERENCES.pingRefreshTokens,
        REFERENCES.pingUpdateApplication,
      ],
      severityRationale: 'Low: the session still ends at the rolling duration; what is lost is the idle limit, which matters only once a refresh token has leaked.',
    },
    messages: {
      rollingNotLonger:
        'Application {{app}} issues refresh tokens that each live {{duration}}, while the rolling duration is {{rolling}}: refreshing never extends the session, and an unused refresh token stays valid until the session ends. Set refreshTokenDuration (the idle limit) lower than refreshTokenRollingDuration.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report }) {
    return oidcApplicationsOf(snapshot).flatMap((located) => {
      const { app } = located;
      const rolling = app.refreshTokenRollingDuration;
      if (!issuesRefreshTokens(app) || rolling == null) return [];
      // Not set means PingOne's 30-day lifetime, which a rolling duration of 30 days or less does not exceed.
      const duration = app.refreshTokenDuration ?? DEFAULT_REFRESH_TOKEN_DURATION_SECONDS;
      if (rolling > duration) return [];
      return [
        report(
          'rollingNotLonger',
          { app: app.name, duration: describeDuration(duration), rolling: describeDuration(rolling) },
          { resource: applicationRef(located), pointer: '/refreshTokenRollingDuration' },
        ),
      ];
    });
  },
});
