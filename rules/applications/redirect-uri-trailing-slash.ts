import { defineRule } from '../../src/engine/define-rule.js';

import { REFERENCES } from '../shared/references.js';
import { applicationRef, customerApplicationsOf } from '../../src/pingone/applications.js';
import { hasTrailingSlashAfterPath, redirectUriEntries, withoutTrailingSlash } from '../../src/pingone/redirect-uris.js';

export default defineRule({
  id: 'redirect-uri-trailing-slash',
  meta: {
    title: 'Redirect URI ends with a slash after its path',
    description: 'Disallow redirect and post-logout redirect URIs whose path ends with a trailing slash.',
    severity: 'low',
    category: 'applications',
    tags: ['redirect-uri', 'oauth', 'integration'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['CM-6'], 'iso-27001-2022': ['A.8.9'], 'soc2-2017': ['CC8.1'], 'cis-v8.1': ['4.1'], 'pci-dss-4.0.1': [] },
    docs: {
      frameworkRationale: 'A trailing slash that does not match what the client sends is a configuration error behind redirect mismatches.',
      unmappedFrameworks: { 'pci-dss-4.0.1': 'A redirect mismatch weakens no requirement 8 control.' },
      rationale:
        'Redirect URIs are compared as exact strings (RFC 9700 §2.1, OAuth 2.1, OIDC Core §3.1.2.1), so `https://x.example/callback/` and `https://x.example/callback` are different URIs. A trailing slash after a path is almost always a copy-paste accident, and an integration that sends its callback exactly as documented, such as StackOne’s `https://api.stackone.com/connect/oauth2/pingone/callback`, is refused with a redirect URI mismatch. A bare origin (`https://x.example/`) is not reported: URL parsers add that slash themselves.',
      remediation: [
        'Console: Applications > Applications > the application > Configuration > edit, and remove the trailing slash from the redirect URI (or post-logout redirect URI) so it matches what the client sends, character for character.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the application’s current body and the corrected `redirectUris` / `postLogoutRedirectUris`.',
      ],
      references: [
        { title: 'RFC 9700 §2.1 (exact redirect URI matching)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.1' },
        { title: 'OpenID Connect Core 1.0 §3.1.2.1', url: 'https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest' },
        REFERENCES.stackOneGuide,
      ],
      severityRationale:
        'Low by default: if the app works today, its client sends the slash too. High for apps bound to an integration profile, whose client sends a documented callback that the slash cannot match.',
    },
    messages: {
      trailingSlash:
        '{{field}} entry {{uri}} of {{app}} ends with a slash after its path; PingOne matches redirect URIs exactly, so a client sending {{expected}} is refused: remove the slash unless the client really sends it.',
    },
    precision: 'medium',
  },
  check(snapshot, context) {
    return customerApplicationsOf(snapshot).flatMap((located) => {
      const bound = context.integrations.profilesFor(located.app).length > 0;
      return redirectUriEntries(located.app)
        .filter((entry) => hasTrailingSlashAfterPath(entry.uri))
        .map((entry) =>
          context.report(
            'trailingSlash',
            { app: located.app.name, field: entry.field, uri: entry.uri, expected: withoutTrailingSlash(entry.uri) },
            {
              resource: applicationRef(located),
              pointer: entry.pointer,
              ...(bound ? { severity: 'high' as const } : {}),
            },
          ),
        );
    });
  },
});
