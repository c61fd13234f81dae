import { defineRule } from '../../src/engine/define-rule.js';
import type { Severity } from '../../src/engine/types.js';
import type { Application } from '../../src/snapshot/model.js';
import { applicationRef, customerApplicationsOf, hasGrant, isOidc } from '../../src/pingone/applications.js';
import { REFERENCES } from '../shared/references.js';

const SEVERITY: Severity = 'medium';

/** The app's own URLs people mistake for a redirect URI: the console's sign-on URL, home page and custom login page. */
const NOT_REDIRECT_URIS = {
  initiateLoginUri: 'sign-on URL (initiateLoginUri)',
  homePageUrl: 'home page URL (homePageUrl)',
  loginPageUrl: 'login page URL (loginPageUrl)',
} as const;

export default defineRule({
  id: 'redirect-uri-missing',
  meta: {
    title: 'Application signs users in but has no redirect URI',
    description: 'Require at least one redirect URI on every enabled OIDC application with the authorization code or implicit grant.',
    severity: SEVERITY,
    category: 'applications',
    tags: ['redirect-uri', 'oauth', 'availability'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['CM-6'], 'iso-27001-2022': ['A.8.9'], 'soc2-2017': ['CC8.1'], 'cis-v8.1': ['4.1'], 'pci-dss-4.0.1': [] },
    docs: {
      frameworkRationale: 'An app that signs users in without a redirect URI is misconfigured and fails every sign-in.',
      unmappedFrameworks: { 'pci-dss-4.0.1': 'A broken sign-in weakens no requirement 8 control.' },
      rationale:
        'PingOne sends the authorization response (the code, or tokens for the implicit grant) only to a URI registered in the application’s `redirectUris`, compared exactly (RFC 9700 §2.1). An enabled OIDC app with the authorization code or implicit grant and no redirect URI therefore fails every sign-in at the authorize step with a redirect mismatch. The usual cause is a URL entered in the wrong field: the sign-on URL (`initiateLoginUri`, where PingOne sends users to start a sign-in at the app), the home page URL or a custom login page URL are where the app begins, not where PingOne may answer, and none of them is ever used as a redirect URI. Under pressure the quick fix is often a wildcard or a broad URI, which redirect-uri-wildcard reports. Disabled apps are reported by app-disabled, and PingOne’s own applications are not checked.',
      remediation: [
        'Find the callback path the app’s OIDC library listens on (often `/callback` or `/oidc/cb`), and register its full URL.',
        'Console: Applications > Applications > the application > Configuration > edit, and add it under Redirect URIs (exactly as the app sends it).',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"redirectUris": ["https://app.example.com/callback"]`.',
      ],
      references: [
        { title: 'RFC 9700 §2.1 (exact redirect URI matching)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.1' },
        { title: 'RFC 6749 §3.1.2.2 (redirection endpoint registration)', url: 'https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2.2' },
        { title: 'OpenID Connect Core 1.0 §4 (initiating login from a third party)', url: 'https://openid.net/specs/openid-connect-core-1_0.html#ThirdPartyInitiatedLogin' },
        REFERENCES.pingUpdateApplication,
      ],
      severityRationale:
        'Medium: nothing is exposed, but nobody can sign in to the app, and the fixes tried under that pressure (wildcards, broad URIs, the implicit grant) are the ones other rules report as high.',
    },
    messages: {
      noRedirectUri: 'Application {{app}} allows {{grant}} but has no redirect URI, so every sign-in fails with a redirect mismatch: add the app’s callback URL to redirectUris.',
      signOnUrlIsNotRedirectUri:
        'Application {{app}} allows {{grant}} but has no redirect URI, so every sign-in fails with a redirect mismatch. Its {{field}} {{url}} is not a redirect URI (PingOne never answers there): add the app’s callback URL to redirectUris.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report }) {
    return customerApplicationsOf(snapshot)
      .filter(({ app }) => app.enabled && isOidc(app) && (app.redirectUris ?? []).length === 0)
      .flatMap((located) => {
        const { app } = located;
        const grant = hasGrant(app, 'AUTHORIZATION_CODE') ? 'the authorization code grant' : hasGrant(app, 'IMPLICIT') ? 'the implicit grant' : undefined;
        if (grant === undefined) return [];
        const at = { resource: applicationRef(located), pointer: '/redirectUris' };
        const mistaken = mistakenUrlOf(app);
        if (mistaken === undefined) return [report('noRedirectUri', { app: app.name, grant }, at)];
        return [report('signOnUrlIsNotRedirectUri', { app: app.name, grant, field: mistaken.field, url: mistaken.url }, at)];
      });
  },
});

function mistakenUrlOf(app: Application): { field: string; url: string } | undefined {
  for (const [name, field] of Object.entries(NOT_REDIRECT_URIS)) {
    const url = app[name];
    if (typeof url === 'string' && url !== '') return { field, url };
  }
  return undefined;
}
