import { defineRule } from '../../src/engine/define-rule.js';

import { applicationRef, oidcApplicationsOf } from '../../src/pingone/applications.js';
import { REFERENCES } from '../shared/references.js';
import { parseRedirectUri, redirectUriEntries, type RedirectUriEntry } from '../../src/pingone/redirect-uris.js';

export default defineRule({
  id: 'redirect-uri-duplicate',
  meta: {
    title: 'Duplicate redirect URI',
    description: 'Disallow a redirect or post-logout redirect URI registered twice, literally or in an equivalent spelling.',
    severity: 'info',
    category: 'applications',
    tags: ['redirect-uri', 'hygiene'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['CM-6'], 'iso-27001-2022': ['A.8.9'], 'soc2-2017': ['CC8.1'], 'cis-v8.1': ['4.1'], 'pci-dss-4.0.1': [] },
    docs: {
      frameworkRationale: 'A redirect URI registered twice is configuration drift that hides which one is meant.',
      unmappedFrameworks: { 'pci-dss-4.0.1': 'A duplicate URI weakens no requirement 8 control.' },
      rationale:
        'Each redirect URI should appear once. A second copy is harmless on its own, but it hides the real list from reviewers, and when someone removes a URI to close a hole (an old host, an http callback) the forgotten twin keeps it open. Equivalent spellings count too: the scheme and host are case-insensitive and a default port is implied (`https://App.example.com:443/cb` is `https://app.example.com/cb`), so a reviewer may read them as two different URIs. Duplicates are looked for within each list (sign-in, post-logout), and the later copy is reported.',
      remediation: [
        'Console: Applications > Applications > the application > Configuration > edit, and delete the later copy of each duplicated URI.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and each URI once in `redirectUris` / `postLogoutRedirectUris`.',
      ],
      references: [{ title: 'RFC 9700 §2.1 (exact redirect URI matching)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.1' }, REFERENCES.pingUpdateApplication],
      severityRationale: 'Info: nothing is exposed by the copy itself; it is list hygiene that makes later clean-ups reliable.',
    },
    messages: {
      duplicate: '{{field}} entry {{uri}} of {{app}} repeats entry {{firstIndex}}: delete the copy so that removing the URI later really removes it.',
      equivalent: '{{field}} entry {{uri}} of {{app}} is the same URI as entry {{firstIndex}} ({{first}}) spelled differently: keep one spelling.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report }) {
    return oidcApplicationsOf(snapshot).flatMap((located) => {
      const seen = new Map<string, RedirectUriEntry>();
      return redirectUriEntries(located.app).flatMap((entry) => {
        const key = `${entry.field} ${parseRedirectUri(entry.uri)?.href ?? entry.uri}`;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, entry);
          return [];
        }
        const data = { app: located.app.name, field: entry.field, uri: entry.uri, firstIndex: first.index };
        const target = { resource: applicationRef(located), pointer: entry.pointer };
        return [first.uri === entry.uri ? report('duplicate', data, target) : report('equivalent', { ...data, first: first.uri }, target)];
      });
    });
  },
});
