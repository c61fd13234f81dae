import { defineRule } from '../../src/engine/define-rule.js';

import { applicationRef, oidcApplicationsOf } from '../../src/pingone/applications.js';
import { REFERENCES } from '../shared/references.js';

export default defineRule({
  id: 'hybrid-response-type',
  meta: {
    title: 'Hybrid response type',
    description: 'Disallow hybrid response types (CODE together with ID_TOKEN or TOKEN); require CODE alone.',
    severity: 'low',
    category: 'applications',
    tags: ['oauth', 'oidc', 'hybrid-flow', 'token-leakage', 'rfc9700'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['SC-8', 'SC-23', 'CM-7'], 'iso-27001-2022': ['A.8.26', 'A.8.5'], 'soc2-2017': ['CC6.1', 'CC6.7'], 'cis-v8.1': ['16.11'], 'pci-dss-4.0.1': ['8.3.2'] },
    docs: {
      frameworkRationale: 'Hybrid response types put tokens in the front channel where they can leak, against transmission protection and session authenticity.',
      rationale:
        'A hybrid flow (OIDC Core §3.3) returns an ID token and/or an access token from the authorization endpoint next to the code, in the front channel. The ID token’s claims (name, e-mail, and whatever else the app asks for) then pass through the browser, its history and any page the redirect URI leaks to, and an access token there is exposed exactly as with the implicit grant. Hybrid flows existed to detect code injection through the ID token’s `c_hash`; PKCE with S256 now does that for every client type (RFC 9700 §2.1.1, §4.5), and OAuth 2.1 and FAPI 2.0 use `response_type=code` only. The TOKEN part of `code token` is also reported by implicit-grant, which covers access tokens in the front channel; this rule reports the hybrid combination once per application.',
      remediation: [
        'Change the client to request `response_type=code` and take the ID token from the token response (with PKCE S256).',
        'Console: Applications > Applications > the application > Configuration > edit, and under Response Type keep Code only.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"responseTypes": ["CODE"]`.',
      ],
      references: [
        { title: 'RFC 9700 §2.1.1 (PKCE replaces nonce/c_hash-based code injection defences)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.1.1' },
        { title: 'OpenID Connect Core 1.0 §3.3 (hybrid flow)', url: 'https://openid.net/specs/openid-connect-core-1_0.html#HybridFlowAuth' },
        { title: 'PingOne API: hybrid grant type', url: 'https://apidocs.pingidentity.com/pingone/main/v1/api/#hybrid-grant-type' },
        REFERENCES.fapi2SecurityProfile,
        REFERENCES.pingUpdateApplication,
      ],
      severityRationale:
        'Low: `code id_token` exposes identity claims, not an access token, and RFC 9700 still tolerates it; its cost is privacy and a larger front-channel surface for no benefit over PKCE. Access tokens in the front channel (`code token`) are rated by implicit-grant.',
    },
    messages: {
      hybrid:
        'Application {{app}} allows the hybrid response type {{responseTypes}}, which returns {{frontChannel}} through the browser next to the code: keep CODE only and get tokens from the token endpoint.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report }) {
    return oidcApplicationsOf(snapshot).flatMap((located) => {
      const responseTypes = located.app.responseTypes ?? [];
      const extras = responseTypes.filter((type) => type !== 'CODE');
      if (!responseTypes.includes('CODE') || extras.length === 0) return [];
      const frontChannel = extras.map((type) => (type === 'TOKEN' ? 'an access token' : 'an ID token')).join(' and ');
      const data = { app: located.app.name, responseTypes: responseTypes.join(' '), frontChannel };
      return [report('hybrid', data, { resource: applicationRef(located), pointer: '/responseTypes' })];
    });
  },
});
