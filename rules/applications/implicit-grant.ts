import { defineRule } from '../../src/engine/define-rule.js';

import type { ResponseType } from '../../src/snapshot/model.js';
import { applicationRef, isWorker, oidcApplicationsOf } from '../../src/pingone/applications.js';

export default defineRule({
  id: 'implicit-grant',
  meta: {
    title: 'Tokens issued from the authorization endpoint',
    description: 'Disallow the implicit grant and the response types that return tokens from the authorization endpoint.',
    severity: 'medium',
    category: 'applications',
    tags: ['oauth', 'implicit', 'token-leakage', 'rfc9700'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['SC-8', 'SC-23', 'IA-2(8)'], 'iso-27001-2022': ['A.8.5', 'A.8.26'], 'soc2-2017': ['CC6.1', 'CC6.7'], 'cis-v8.1': ['16.11'], 'pci-dss-4.0.1': ['8.3.2'] },
    docs: {
      frameworkRationale: 'Tokens returned in the redirect URI can leak or be injected, against transmission protection, session authenticity and replay-resistant authentication.',
      rationale:
        'With the implicit grant the authorization endpoint returns tokens in the redirect URI, where browser history, Referer headers, logs and injected scripts can read them and where they cannot be bound to the client. RFC 9700 §2.1.2 says clients should not use it, and OAuth 2.1 removes it. The authorization code grant with PKCE does the same job with tokens delivered over the back channel. An ID_TOKEN response type next to CODE (the hybrid `code id_token`) returns no access token from the authorization endpoint and is not reported.',
      remediation: [
        'Console: Applications > Applications > the application > Configuration > edit: under Response Type select Code only, under Grant Type clear Implicit and select Authorization Code, set PKCE Enforcement to S256_REQUIRED, then update the client to use the authorization code flow.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body, `"grantTypes"` without `IMPLICIT` (add `AUTHORIZATION_CODE`), `"responseTypes": ["CODE"]` and `"pkceEnforcement": "S256_REQUIRED"`.',
      ],
      references: [
        { title: 'RFC 9700 §2.1.2 (implicit grant)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.1.2' },
        { title: 'OAuth 2.1 §10.1 (implicit grant removed)', url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-10.1' },
        { title: 'OpenID Connect Core 1.0 §3.2 (implicit flow)', url: 'https://openid.net/specs/openid-connect-core-1_0.html#ImplicitFlowAuth' },
      ],
      severityRationale:
        'Medium: tokens exposed in the front channel can be stolen or injected, but exploitation needs another weakness (an open redirect, a malicious script, leaked logs). High for worker apps, whose tokens carry the signed-in user’s admin roles over the Management API.',
    },
    messages: {
      implicitGrant:
        'Application {{app}} allows the implicit grant, so PingOne returns tokens in the redirect URI (response types: {{responseTypes}}) where they can leak or be injected: switch to authorization_code with PKCE.',
      tokenResponseType:
        'Application {{app}} has response type {{responseType}}, which returns a token from the authorization endpoint in the redirect URI: keep CODE only and use authorization_code with PKCE.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report }) {
    return oidcApplicationsOf(snapshot).flatMap((located) => {
      const { app } = located;
      const resource = applicationRef(located);
      const severity = isWorker(app) ? { severity: 'high' as const } : {};
      const responseTypes = app.responseTypes ?? [];
      const implicitAt = (app.grantTypes ?? []).indexOf('IMPLICIT');
      // The grant is the cause; its TOKEN / ID_TOKEN response types go with it, so one finding per app.
      if (implicitAt >= 0) {
        const data = { app: app.name, responseTypes: responseTypes.join(', ') || 'none' };
        return [report('implicitGrant', data, { resource, pointer: `/grantTypes/${implicitAt}`, ...severity })];
      }
      return responseTypes.flatMap((responseType, i) =>
        returnsTokenFromAuthorizationEndpoint(responseType, responseTypes)
          ? [report('tokenResponseType', { app: app.name, responseType }, { resource, pointer: `/responseTypes/${i}`, ...severity })]
          : [],
      );
    });
  },
});

/** TOKEN always does; ID_TOKEN only without CODE (RFC 9700 §2.1.2 accepts the hybrid `code id_token`). */
function returnsTokenFromAuthorizationEndpoint(responseType: ResponseType, all: readonly ResponseType[]): boolean {
  return responseType === 'TOKEN' || (responseType === 'ID_TOKEN' && !all.includes('CODE'));
}
