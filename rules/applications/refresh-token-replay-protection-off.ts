import { defineRule } from '../../src/engine/define-rule.js';
import type { Severity } from '../../src/engine/types.js';
import { applicationRef, issuesRefreshTokens, isPublicClient, isWorker, oidcApplicationsOf } from '../../src/pingone/applications.js';
import { REFERENCES } from '../shared/references.js';
import { severityOverride } from '../shared/severity.js';

const SEVERITY: Severity = 'medium';

export default defineRule({
  id: 'refresh-token-replay-protection-off',
  meta: {
    title: 'Public client refresh tokens without replay protection',
    description: 'Require refresh token replay protection on public clients that hold refresh tokens.',
    severity: SEVERITY,
    category: 'applications',
    tags: ['refresh-token', 'public-client', 'token-theft', 'rfc9700'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['IA-2(8)', 'SC-23'], 'iso-27001-2022': ['A.8.5'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['16.11'], 'pci-dss-4.0.1': ['8.5.1'] },
    docs: {
      frameworkRationale: 'Without replay protection a stolen refresh token of a public client can be used in parallel with the real one.',
      rationale:
        'A public client (`tokenEndpointAuthMethod: NONE`: a SPA, a native app, a command-line tool) does not authenticate when it refreshes, so its refresh token is a bearer credential: whoever steals it can mint access tokens. RFC 9700 §2.2.2 and §4.14.2 therefore require public-client refresh tokens to be sender-constrained or rotated with replay detection: when an already used refresh token comes back, the server revokes the whole token family, so the thief and the victim both lose it and the theft surfaces. PingOne rotates refresh tokens; `additionalRefreshTokenReplayProtectionEnabled` is the replay detection that revokes the reused token and its descendants. With it off, a thief who refreshes first keeps a working chain while the legitimate client just sees errors. Only an explicit `false` is reported: PingOne documents `true` as the default. Confidential clients are not reported, because their refresh requests need the client’s credentials.',
      remediation: [
        'Console: Applications > Applications > the application > Configuration > edit, and in the refresh token settings turn replay protection on.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"additionalRefreshTokenReplayProtectionEnabled": true`.',
        'Keep `refreshTokenRollingGracePeriodDuration` short (see refresh-token-grace-period-long): reuse within the grace period is not treated as replay.',
      ],
      references: [
        { title: 'RFC 9700 §2.2.2 (refresh tokens of public clients)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.2.2' },
        { title: 'RFC 9700 §4.14.2 (refresh token rotation and replay detection)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2' },
        { title: 'PingOne: refresh token rotation', url: 'https://docs.pingidentity.com/pingone/applications/p1_refresh_token_rotation.html' },
        REFERENCES.pingUpdateApplication,
      ],
      severityRationale:
        'Medium: exploiting it needs a stolen refresh token first (XSS, a compromised device, a leaked log), but then access lasts as long as the chain and nothing detects it. High for public worker apps (command-line tools), whose tokens carry the signed-in user’s admin roles over the Management API.',
    },
    messages: {
      replayProtectionOff:
        'Public client {{app}} holds refresh tokens with replay protection turned off, so a stolen refresh token keeps working and its reuse revokes nothing: turn additional refresh token replay protection on.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report }) {
    return oidcApplicationsOf(snapshot)
      .filter(({ app }) => isPublicClient(app) && issuesRefreshTokens(app) && app.additionalRefreshTokenReplayProtectionEnabled === false)
      .map((located) =>
        report(
          'replayProtectionOff',
          { app: located.app.name },
          {
            resource: applicationRef(located),
            pointer: '/additionalRefreshTokenReplayProtectionEnabled',
            ...severityOverride(isWorker(located.app) ? 'high' : SEVERITY, SEVERITY),
          },
        ),
      );
  },
});
