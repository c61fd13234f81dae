import { defineRule } from '../../src/engine/define-rule.js';
import type { Severity } from '../../src/engine/types.js';
import { applicationRef, issuesRefreshTokens, isPublicClient, isWorker, oidcApplicationsOf } from '../../src/pingone/applications.js';
import { DEFAULT_REFRESH_TOKEN_DURATION_SECONDS, describeDuration } from '../../src/pingone/durations.js';
import { REFERENCES } from '../shared/references.js';
import { severityOverride } from '../shared/severity.js';

const SEVERITY: Severity = 'medium';

export default defineRule({
  id: 'refresh-token-no-idle-limit',
  meta: {
    title: 'Public client refresh tokens that never force a new sign-in',
    description: 'Require a rolling duration (refreshTokenRollingDuration) on public clients that hold refresh tokens.',
    severity: SEVERITY,
    category: 'applications',
    tags: ['refresh-token', 'public-client', 'session-lifetime', 'rfc9700'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['AC-12', 'IA-11'], 'iso-27001-2022': ['A.8.5'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['16.11'], 'pci-dss-4.0.1': ['8.2.8'] },
    docs: {
      frameworkRationale: 'Without a rolling duration an idle public client keeps its session with no re-authentication, against idle session limits.',
      rationale:
        'PingOne gives each refresh token a lifetime (`refreshTokenDuration`, 30 days by default) and issues a fresh one at every refresh, so the lifetime restarts each time the token is used. `refreshTokenRollingDuration` is the cap on the whole chain: how long after sign-in refreshing works before the user must authenticate again. PingOne documents that without it the refresh token is valid forever. For a public client, whose refresh token is a bearer credential, that means a stolen token that is used now and then never expires, and a user removed from a group or forced to reset a password keeps refreshing. RFC 9700 §4.14.2 asks for refresh tokens to expire, and §2.2.2 treats public-client refresh tokens as the ones to constrain. Confidential clients without a cap are reported by refresh-token-lifetime-too-long.',
      remediation: [
        'Pick the longest time a user may stay signed in to the client without authenticating again (for example 180 days for a mobile app, hours or days for an admin tool).',
        'Console: Applications > Applications > the application > Configuration > edit, and set the refresh token rolling duration.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"refreshTokenRollingDuration": <seconds>` (at least `refreshTokenDuration`; once set it cannot be cleared).',
      ],
      references: [
        { title: 'RFC 9700 §4.14.2 (refresh token expiration)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2' },
        { title: 'RFC 9700 §2.2.2 (refresh tokens of public clients)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.2.2' },
        REFERENCES.pingRefreshTokens,
        REFERENCES.pingUpdateApplication,
      ],
      severityRationale:
        'Medium: it turns any refresh token theft into permanent access, but a theft has to happen first. High for public worker apps (command-line tools), whose tokens carry the signed-in user’s admin roles.',
    },
    messages: {
      noRollingDuration:
        'Public client {{app}} holds refresh tokens with no rolling duration: each refresh restarts their {{duration}} lifetime, so a token that keeps being used never requires a new sign-in: set refreshTokenRollingDuration.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report }) {
    return oidcApplicationsOf(snapshot)
      .filter(({ app }) => isPublicClient(app) && issuesRefreshTokens(app) && app.refreshTokenRollingDuration == null)
      .map((located) =>
        report(
          'noRollingDuration',
          { app: located.app.name, duration: describeDuration(located.app.refreshTokenDuration ?? DEFAULT_REFRESH_TOKEN_DURATION_SECONDS) },
          {
            resource: applicationRef(located),
            pointer: '/refreshTokenRollingDuration',
            ...severityOverride(isWorker(located.app) ? 'high' : SEVERITY, SEVERITY),
          },
        ),
      );
  },
});
