import { defineRule } from '../../src/engine/define-rule.js';

import { applicationRef, oidcApplicationsOf } from '../../src/pingone/applications.js';
import { REFERENCES } from '../shared/references.js';
import { redirectUriEntries } from '../../src/pingone/redirect-uris.js';

export default defineRule({
  id: 'redirect-uri-fragment',
  meta: {
    title: 'Redirect URI with a fragment',
    description: 'Disallow redirect URIs that contain a fragment (#).',
    severity: 'low',
    category: 'applications',
    tags: ['redirect-uri', 'oauth', 'rfc6749'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['SI-10', 'CM-6'], 'iso-27001-2022': ['A.8.26'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['16.7'], 'pci-dss-4.0.1': [] },
    docs: {
      frameworkRationale: 'RFC 6749 forbids fragments in redirect URIs, so one is an input the authorization server should not accept.',
      unmappedFrameworks: { 'pci-dss-4.0.1': 'Redirect URI syntax is not an authentication control of requirement 8.' },
      rationale:
        'RFC 6749 §3.1.2 says a redirection endpoint URI must not include a fragment, and OAuth 2.1 keeps the rule. The authorization server appends its response to the redirect URI (in the query, or in the fragment with `response_mode=fragment`), so a registered fragment either collides with the response or is silently dropped, and client-side routers that read `#…` can end up handling, logging or forwarding the response parameters. Browsers also carry a fragment across further redirects, which is how front-channel credentials leak through open redirectors (RFC 9700 §4.1.2). Only sign-in redirect URIs are checked; the rule is about the authorization response.',
      remediation: [
        'Give the callback its own path (`https://app.example.com/callback`) and let the client route from there after it has consumed the response.',
        'Console: Applications > Applications > the application > Configuration > edit, and remove the `#…` part from each redirect URI.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `redirectUris` without fragments.',
      ],
      references: [
        { title: 'RFC 6749 §3.1.2 (redirection endpoint: no fragment)', url: 'https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2' },
        { title: 'RFC 9700 §4.1.2 (fragments carried across redirects)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.1.2' },
        REFERENCES.pingUpdateApplication,
      ],
      severityRationale:
        'Low: a fragment breaks the protocol and makes the response’s handling unpredictable, but exposes nothing by itself; it needs a client that mishandles the response or an open redirector to leak anything.',
    },
    messages: {
      fragment: 'Redirect URI {{uri}} of {{app}} contains the fragment {{fragment}}, which RFC 6749 forbids and which collides with the authorization response: register the URI without it.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report }) {
    return oidcApplicationsOf(snapshot).flatMap((located) =>
      redirectUriEntries(located.app, ['redirectUris'])
        .filter((entry) => entry.uri.includes('#'))
        .map((entry) =>
          report(
            'fragment',
            { app: located.app.name, uri: entry.uri, fragment: entry.uri.slice(entry.uri.indexOf('#')) },
            {
              resource: applicationRef(located),
              pointer: entry.pointer,
            },
          ),
        ),
    );
  },
});
