import { defineRule } from '../../src/engine/define-rule.js';
import type { Severity } from '../../src/engine/types.js';
import { applicationRef, issuesRefreshTokens, isPublicClient, oidcApplicationsOf } from '../../src/pingone/applications.js';
import { DEFAULT_REFRESH_TOKEN_DURATION_SECONDS, describeDuration } from '../../src/pingone/durations.js';
import { REFERENCES } from '../shared/references.js';
import { severityOverride } from '../shared/severity.js';

const SEVERITY: Severity = 'low';

export default defineRule({
  id: 'refresh-token-lifetime-too-long',
  meta: {
    title: 'Refresh token lifetimes above the configured maxima',
    description: 'Disallow refresh token durations and rolling durations longer than the configured maxima.',
    severity: SEVERITY,
    category: 'applications',
    tags: ['refresh-token', 'session-lifetime', 'rfc9700'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['AC-12', 'IA-11'], 'iso-27001-2022': ['A.8.5'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['16.11'], 'pci-dss-4.0.1': ['8.2.8'] },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          maxRefreshTokenDurationSeconds: { type: 'integer', minimum: 60, description: 'Longest accepted refreshTokenDuration (one token’s lifetime).' },
          maxRollingDurationSeconds: { type: 'integer', minimum: 60, description: 'Longest accepted refreshTokenRollingDuration (time until a new sign-in).' },
        },
      },
      defaults: { maxRefreshTokenDurationSeconds: DEFAULT_REFRESH_TOKEN_DURATION_SECONDS, maxRollingDurationSeconds: 15_552_000 },
    },
    docs: {
      frameworkRationale: 'Long refresh token lifetimes keep sessions alive without re-authentication, against session termination and re-authentication controls.',
      rationale:
        'Every day a refresh token stays valid is a day a stolen one works and a revoked user keeps access. PingOne has two knobs: `refreshTokenDuration`, the lifetime of each refresh token (30 days when not set), and `refreshTokenRollingDuration`, how long after sign-in refreshing works at all (forever when not set). RFC 9700 §4.14.2 asks for refresh tokens to expire; how long is a business decision, so the maxima are options. The defaults, 30 days and 180 days, are PingOne’s own default lifetime and the rolling duration integrators such as StackOne ask for. Only OIDC apps that allow the refresh_token grant are checked. A confidential client with no rolling duration is reported here as unlimited; a public one is reported by refresh-token-no-idle-limit instead.',
      remediation: [
        'Decide the longest session each client needs and set the rule’s options to your policy (e.g. `{ "maxRollingDurationSeconds": 2592000 }`).',
        'Console: Applications > Applications > the application > Configuration > edit, and lower the refresh token duration and rolling duration.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and lower `refreshTokenDuration` / `refreshTokenRollingDuration` (the duration may not exceed the rolling duration).',
      ],
      references: [
        { title: 'RFC 9700 §4.14.2 (refresh token expiration)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2' },
        REFERENCES.pingRefreshTokens,
        REFERENCES.stackOneGuide,
        REFERENCES.pingUpdateApplication,
      ],
      severityRationale:
        'Low for confidential clients, whose refresh tokens are useless without the client’s credentials: a long lifetime widens exposure rather than creating it. Medium for public clients, whose refresh tokens are bearer credentials.',
    },
    messages: {
      durationTooLong: 'Application {{app}} issues refresh tokens that each live {{actual}}, above the maximum of {{max}}: lower refreshTokenDuration.',
      rollingTooLong: 'Application {{app}} lets refresh tokens be renewed for {{actual}} after sign-in, above the maximum of {{max}}: lower refreshTokenRollingDuration.',
      rollingUnlimited: 'Application {{app}} has no refresh token rolling duration, so refreshing never requires a new sign-in (maximum {{max}}): set refreshTokenRollingDuration.',
    },
    precision: 'very-high',
  },
  check(snapshot, { options, report }) {
    const maxDuration = options.maxRefreshTokenDurationSeconds;
    const maxRolling = options.maxRollingDurationSeconds;
    return oidcApplicationsOf(snapshot)
      .filter(({ app }) => issuesRefreshTokens(app))
      .flatMap((located) => {
        const { app } = located;
        const at = (pointer: string) => ({ resource: applicationRef(located), pointer, ...severityOverride(isPublicClient(app) ? 'medium' : SEVERITY, SEVERITY) });
        const above = (max: number, actual: number) => ({ app: app.name, max: describeDuration(max), actual: describeDuration(actual) });
        const reports = [];
        // Not set means PingOne's 30-day default, which a stricter maximum must still catch.
        const duration = app.refreshTokenDuration ?? DEFAULT_REFRESH_TOKEN_DURATION_SECONDS;
        if (duration > maxDuration) reports.push(report('durationTooLong', above(maxDuration, duration), at('/refreshTokenDuration')));
        const rolling = app.refreshTokenRollingDuration;
        // Public clients without a cap belong to refresh-token-no-idle-limit: one finding per cause.
        if (rolling == null && !isPublicClient(app)) {
          reports.push(report('rollingUnlimited', { app: app.name, max: describeDuration(maxRolling) }, at('/refreshTokenRollingDuration')));
        }
        if (rolling != null && rolling > maxRolling) reports.push(report('rollingTooLong', above(maxRolling, rolling), at('/refreshTokenRollingDuration')));
        return reports;
      });
  },
});
