import { defineRule } from '../../src/engine/define-rule.js';

import { applicationRef, oidcApplicationsOf } from '../../src/pingone/applications.js';
import { REFERENCES } from '../shared/references.js';
import { isLoopbackHost, parseRedirectUri, redirectUriEntries } from '../../src/pingone/redirect-uris.js';

export default defineRule({
  id: 'redirect-uri-not-https',
  meta: {
    title: 'Redirect URI over plain http',
    description: 'Disallow http redirect URIs except loopback addresses used by native apps.',
    severity: 'high',
    category: 'applications',
    tags: ['redirect-uri', 'oauth', 'tls', 'rfc9700', 'rfc8252'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['SC-8', 'SC-8(1)'], 'iso-27001-2022': ['A.8.24', 'A.5.14'], 'soc2-2017': ['CC6.7'], 'cis-v8.1': ['3.10'], 'pci-dss-4.0.1': ['4.2.1', '8.3.2'] },
    docs: {
      frameworkRationale: 'Codes and tokens sent to an http redirect URI cross the network without encryption.',
      rationale:
        'The authorization response travels in the redirect URI. Over plain http anyone on the network path (public Wi-Fi, a compromised proxy) reads the authorization code or tokens, or rewrites the page the user lands on. RFC 9700 §2.6 says authorization servers must not allow http redirect URIs, with one exception: native apps receiving the redirect on the loopback interface (RFC 8252 §7.3), where the traffic never leaves the machine. So `http://127.0.0.1:…`, `http://[::1]:…` and `http://localhost:…` are not reported (tools such as pingctl and Ping CLI use them), nor are custom schemes of native apps (`com.example.app:/callback`, RFC 8252 §7.1). Post-logout redirect URIs carry no code or token and are reported at lower severity: an http sign-out page can still be rewritten to phish the user.',
      remediation: [
        'Serve the callback over https and register the https URI (for local development, use a loopback address instead of a host name on the network).',
        'Console: Applications > Applications > the application > Configuration > edit, and replace each http redirect URI with its https form.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and the https `redirectUris` / `postLogoutRedirectUris`.',
      ],
      references: [
        { title: 'RFC 9700 §2.6 (no http redirect URIs except loopback)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.6' },
        { title: 'RFC 8252 §7.3 (loopback interface redirection)', url: 'https://www.rfc-editor.org/rfc/rfc8252#section-7.3' },
        { title: 'OAuth 2.1 §2.3 (client redirection endpoint)', url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-2.3' },
        REFERENCES.pingUpdateApplication,
      ],
      severityRationale:
        'High for sign-in redirect URIs: a passive network attacker collects authorization codes (and, with the implicit grant, tokens) without any other weakness. Low for post-logout redirect URIs, which carry no credential.',
    },
    messages: {
      httpRedirect:
        '{{field}} entry {{uri}} of {{app}} uses plain http on host {{host}}, so the authorization response can be read or altered on the network: use https (only loopback addresses may use http).',
    },
    precision: 'very-high',
  },
  check(snapshot, { report }) {
    return oidcApplicationsOf(snapshot).flatMap((located) =>
      redirectUriEntries(located.app).flatMap((entry) => {
        const url = parseRedirectUri(entry.uri);
        if (url?.protocol !== 'http:' || isLoopbackHost(url.hostname)) return [];
        return [
          report(
            'httpRedirect',
            { app: located.app.name, field: entry.field, uri: entry.uri, host: url.hostname },
            {
              resource: applicationRef(located),
              pointer: entry.pointer,
              ...(entry.field === 'postLogoutRedirectUris' ? { severity: 'low' as const } : {}),
            },
          ),
        ];
      }),
    );
  },
});
