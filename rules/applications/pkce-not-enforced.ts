import { defineRule } from '../../src/engine/define-rule.js';
import type { Severity } from '../../src/engine/types.js';
import { applicationRef, oidcApplicationsOf, hasGrant, isPublicClient, skipUnknownValue } from '../../src/pingone/applications.js';
import { REFERENCES } from '../shared/references.js';
import { severityOverride } from '../shared/severity.js';

const SEVERITY: Severity = 'medium';

export default defineRule({
  id: 'pkce-not-enforced',
  meta: {
    title: 'PKCE with S256 not enforced on the authorization code flow',
    description: 'Require PKCE with the S256 challenge method (S256_REQUIRED) on every application that allows the authorization code grant.',
    severity: SEVERITY,
    category: 'applications',
    tags: ['oauth', 'pkce', 'authorization-code', 'rfc9700', 'rfc7636'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['IA-2(8)', 'SC-23'], 'iso-27001-2022': ['A.8.5'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['16.11'], 'pci-dss-4.0.1': ['8.3.1', '8.5.1'] },
    docs: {
      frameworkRationale: 'Without S256 PKCE an intercepted authorization code can be redeemed by someone else, so authentication is not replay resistant.',
      rationale:
        'PKCE binds an authorization code to the client instance that asked for it, so a code stolen from the redirect (a malicious app registered for the same scheme, a leaked log, an open redirector) or injected into another session cannot be redeemed. RFC 9700 §2.1.1 requires it for public clients and recommends it for confidential ones, where it is the defence against code injection (§4.5); OAuth 2.1 makes it the default for every code flow. Only S256 counts: with `plain` the challenge equals the verifier, so whoever sees the authorization request can redeem the code. PingOne enforces nothing with OPTIONAL (the default) and accepts `plain` with REQUIRED; only S256_REQUIRED refuses both, which also closes the PKCE downgrade of RFC 9700 §4.8. Integrators who document OPTIONAL (StackOne) still get this finding: ask them whether their client sends S256 and, if it does, enforce it.',
      remediation: [
        'Make sure the client sends `code_challenge` with `code_challenge_method=S256` on every authorize request (all current OAuth libraries do).',
        'Console: Applications > Applications > the application > Configuration > edit, and set PKCE Enforcement to S256_REQUIRED.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"pkceEnforcement": "S256_REQUIRED"`.',
      ],
      references: [
        { title: 'RFC 9700 §2.1.1 (authorization code grant: PKCE)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.1.1' },
        { title: 'RFC 9700 §4.8 (PKCE downgrade attack)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.8' },
        { title: 'RFC 7636 §4.2 (S256 code challenge method)', url: 'https://www.rfc-editor.org/rfc/rfc7636#section-4.2' },
        { title: 'OAuth 2.1 §4.1.1 (code_challenge required)', url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-4.1.1' },
        { title: 'PingOne: PKCE enforcement', url: 'https://docs.pingidentity.com/pingone/applications/p1_pkce_enforcement.html' },
        REFERENCES.pingUpdateApplication,
      ],
      severityRationale:
        'Medium for a confidential client without PKCE: a stolen code still needs the client’s credentials, but code injection stays open. High for a public client (`tokenEndpointAuthMethod: NONE`) without PKCE, where a stolen code is all an attacker needs. One step lower when PKCE is REQUIRED but `plain` is accepted: it stops blind code theft but not an attacker who can read the authorization request.',
    },
    messages: {
      notRequired: 'Application {{app}} ({{client}}) allows the authorization code grant with PKCE Enforcement {{setting}}, so codes can be redeemed without a code verifier: set it to S256_REQUIRED.',
      plainAllowed: 'Application {{app}} ({{client}}) requires PKCE but accepts the plain method, whose challenge is the verifier itself: set PKCE Enforcement to S256_REQUIRED.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report, leaveUnjudged }) {
    return oidcApplicationsOf(snapshot)
      .filter((located) => hasGrant(located.app, 'AUTHORIZATION_CODE') && !skipUnknownValue(located, 'PKCE enforcement', located.app.pkceEnforcement, leaveUnjudged))
      .filter(({ app }) => app.pkceEnforcement !== 'S256_REQUIRED')
      .map((located) => {
        const { app } = located;
        const isPublic = isPublicClient(app);
        const plainOnly = app.pkceEnforcement === 'REQUIRED';
        const data = { app: app.name, client: isPublic ? 'public client' : 'confidential client', setting: app.pkceEnforcement ?? 'OPTIONAL (not set)' };
        return report(plainOnly ? 'plainAllowed' : 'notRequired', data, {
          resource: applicationRef(located),
          pointer: '/pkceEnforcement',
          ...severityOverride(pkceSeverity(isPublic, plainOnly), SEVERITY),
        });
      });
  },
});

function pkceSeverity(isPublic: boolean, plainOnly: boolean): Severity {
  if (isPublic) return plainOnly ? 'medium' : 'high';
  return plainOnly ? 'low' : 'medium';
}
