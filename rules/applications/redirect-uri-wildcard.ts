import { defineRule } from '../../src/engine/define-rule.js';

import { applicationRef, oidcApplicationsOf } from '../../src/pingone/applications.js';
import { REFERENCES } from '../shared/references.js';
import { redirectUriEntries } from '../../src/pingone/redirect-uris.js';

export default defineRule({
  id: 'redirect-uri-wildcard',
  meta: {
    title: 'Wildcard redirect URIs',
    description: 'Disallow wildcard patterns in redirect URIs and the setting that enables them.',
    severity: 'high',
    category: 'applications',
    tags: ['redirect-uri', 'oauth', 'open-redirect', 'rfc9700'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['AC-3', 'SI-10'], 'iso-27001-2022': ['A.8.26', 'A.8.5'], 'soc2-2017': ['CC6.1', 'CC6.6'], 'cis-v8.1': ['16.7'], 'pci-dss-4.0.1': ['8.3.1'] },
    docs: {
      frameworkRationale: 'A wildcard redirect URI lets codes and tokens go to hosts nobody registered, bypassing the access the registration enforces.',
      rationale:
        'A redirect URI is where PingOne sends the authorization code (or tokens). RFC 9700 §2.1 and §4.1 require exact string matching because every pattern ever deployed has matched more than intended: a wildcard host matches a forgotten or taken-over subdomain, a wildcard path matches an open redirector or a page with attacker-controlled content, and the code lands there (RFC 9700 §4.1.1). OAuth 2.1 and OIDC Core §3.1.2.1 demand exact matching as well. PingOne allows patterns only when `allowWildcardInRedirectUris` is on; each redirect or post-logout URI containing `*` is reported, and the setting itself is reported (at low severity) when no pattern uses it yet, because it lets the next edit add one silently.',
      remediation: [
        'List the exact callback URIs the client uses (one per environment or host) instead of a pattern.',
        'Console: Applications > Applications > the application > Configuration > edit: replace each redirect URI containing * with the exact URIs, and clear Allow wildcards in Redirect URIs.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body, exact `redirectUris` / `postLogoutRedirectUris` and `"allowWildcardInRedirectUris": false`.',
      ],
      references: [
        { title: 'RFC 9700 §2.1 (exact redirect URI matching)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.1' },
        { title: 'RFC 9700 §4.1.1 (redirect URI validation attacks)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.1.1' },
        { title: 'OpenID Connect Core 1.0 §3.1.2.1', url: 'https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest' },
        { title: 'PingOne: wildcards in redirect URIs', url: 'https://docs.pingidentity.com/csh?context=p1_c_wildcard_redirect_uri' },
        REFERENCES.pingUpdateApplication,
      ],
      severityRationale:
        'High: a pattern hands authorization codes to any matching URI, and one vulnerable or taken-over page under it is enough to steal them; PKCE does not help when the attacker starts the flow. Low when only the setting is on and no URI uses a pattern yet: nothing is exposed until someone adds one.',
    },
    messages: {
      wildcardUri: '{{field}} entry {{uri}} of {{app}} is a wildcard pattern, so PingOne sends codes or tokens to any URI it matches: list the exact URIs instead.',
      wildcardsAllowed: 'Application {{app}} allows wildcards in redirect URIs; none is used yet, but the next edit can add a pattern unnoticed: turn the setting off.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report }) {
    return oidcApplicationsOf(snapshot).flatMap((located) => {
      const { app } = located;
      const resource = applicationRef(located);
      const patterns = redirectUriEntries(app).filter((entry) => entry.uri.includes('*'));
      if (patterns.length === 0) {
        return app.allowWildcardInRedirectUris === true ? [report('wildcardsAllowed', { app: app.name }, { resource, pointer: '/allowWildcardInRedirectUris', severity: 'low' })] : [];
      }
      // A `*` is reported even with the setting off: it is then matched literally today, and
      // becomes a live pattern the day someone turns the setting on.
      return patterns.map((entry) =>
        report(
          'wildcardUri',
          { app: app.name, field: entry.field, uri: entry.uri },
          {
            resource,
            pointer: entry.pointer,
          },
        ),
      );
    });
  },
});
