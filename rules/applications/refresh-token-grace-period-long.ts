import { defineRule } from '../../src/engine/define-rule.js';
import type { Severity } from '../../src/engine/types.js';
import { applicationRef, issuesRefreshTokens, isPublicClient, oidcApplicationsOf } from '../../src/pingone/applications.js';
import { describeDuration } from '../../src/pingone/durations.js';
import { REFERENCES } from '../shared/references.js';
import { severityOverride } from '../shared/severity.js';

const SEVERITY: Severity = 'low';

export default defineRule({
  id: 'refresh-token-grace-period-long',
  meta: {
    title: 'Long refresh token reuse grace period',
    description: 'Disallow a refresh token rolling grace period longer than the configured maximum.',
    severity: SEVERITY,
    category: 'applications',
    tags: ['refresh-token', 'rotation', 'token-theft', 'rfc9700'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['IA-2(8)', 'SC-23'], 'iso-27001-2022': ['A.8.5'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['16.11'], 'pci-dss-4.0.1': ['8.5.1'] },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          maxGracePeriodSeconds: { type: 'integer', minimum: 0, maximum: 86400, description: 'Longest accepted refreshTokenRollingGracePeriodDuration.' },
        },
      },
      defaults: { maxGracePeriodSeconds: 60 },
    },
    docs: {
      frameworkRationale: 'A long rolling grace period lets an old refresh token be replayed after it was used.',
      rationale:
        'PingOne rotates refresh tokens: each refresh returns a new one and retires the old. `refreshTokenRollingGracePeriodDuration` lets a retired token be used again for that many seconds, so that a client whose response was lost on the network can retry. Within the window a reused token is not a replay, so replay protection does not fire and a thief racing the client gets a token family of their own. RFC 9700 §4.14.2 builds refresh token security for public clients on single use plus replay detection; a retry needs seconds, not hours. The default maximum is 60 seconds (PingOne allows up to 86400); set the option to your policy. Only OIDC apps that allow the refresh_token grant are checked, and a grace period that is not set counts as 0.',
      remediation: [
        'Console: Applications > Applications > the application > Configuration > edit, and lower the refresh token rolling grace period to the few seconds a retry needs (0 if the client never retries).',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"refreshTokenRollingGracePeriodDuration": <seconds>`.',
      ],
      references: [
        { title: 'RFC 9700 §4.14.2 (refresh token rotation and replay detection)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2' },
        { title: 'PingOne: refresh token rotation', url: 'https://docs.pingidentity.com/pingone/applications/p1_refresh_token_rotation.html' },
        REFERENCES.pingUpdateApplication,
      ],
      severityRationale:
        'Low for confidential clients, which must authenticate to use a refresh token at all. Medium for public clients, where rotation with replay detection is the main defence and the grace period switches it off for its whole length.',
    },
    messages: {
      gracePeriodLong:
        'Application {{app}} accepts a used refresh token again for {{actual}} (maximum {{max}}), during which reuse by a thief is not detected as replay: shorten refreshTokenRollingGracePeriodDuration.',
    },
    precision: 'very-high',
  },
  check(snapshot, context) {
    const max = context.options.maxGracePeriodSeconds;
    return oidcApplicationsOf(snapshot)
      .filter(({ app }) => issuesRefreshTokens(app) && (app.refreshTokenRollingGracePeriodDuration ?? 0) > max)
      .map((located) =>
        context.report(
          'gracePeriodLong',
          { app: located.app.name, actual: describeDuration(located.app.refreshTokenRollingGracePeriodDuration ?? 0), max: describeDuration(max) },
          {
            resource: applicationRef(located),
            pointer: '/refreshTokenRollingGracePeriodDuration',
            ...severityOverride(isPublicClient(located.app) ? 'medium' : SEVERITY, SEVERITY),
          },
        ),
      );
  },
});
