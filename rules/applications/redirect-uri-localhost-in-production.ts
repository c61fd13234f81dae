import { defineRule } from '../../src/engine/define-rule.js';

import type { Application } from '../../src/snapshot/model.js';
import { applicationRef, oidcApplicationsOf, isPublicClient, isWorker } from '../../src/pingone/applications.js';
import { answer, not, reportsIf, unknownValuesOf, type Answer } from '../../src/pingone/unknown-answers.js';
import { REFERENCES } from '../shared/references.js';
import { isLoopbackHost, redirectHost, redirectUriEntries } from '../../src/pingone/redirect-uris.js';

export default defineRule({
  id: 'redirect-uri-localhost-in-production',
  meta: {
    title: 'Loopback redirect URI in a production environment',
    description: 'Disallow localhost and loopback redirect URIs in production environments, except on native apps and command-line tools.',
    severity: 'medium',
    category: 'applications',
    tags: ['redirect-uri', 'oauth', 'hygiene', 'production'],
    requires: ['applications', 'environments'],
    frameworks: { 'nist-800-53-r5': ['AC-3', 'CM-6', 'SI-10'], 'iso-27001-2022': ['A.8.9', 'A.8.26'], 'soc2-2017': ['CC6.1', 'CC6.6'], 'cis-v8.1': ['16.7'], 'pci-dss-4.0.1': ['8.3.1'] },
    docs: {
      frameworkRationale: 'A loopback redirect in production lets any local process on a user’s machine receive codes, access the app never meant to grant.',
      rationale:
        'A web application or SPA in production runs on its own servers, never on the user’s machine, so a `localhost`, `127.x.x.x` or `[::1]` redirect URI on it is a development leftover. It lets whatever listens on that port of the user’s computer (another local app, malware, a dev server with a different owner) receive production authorization codes, and an attacker who starts the flow with their own PKCE verifier can redeem a code sent there for a public client. Native apps (type NATIVE_APP) and command-line tools registered as public worker apps (pingctl, Ping CLI, Ping’s MCP server) are not reported: receiving the redirect on the loopback interface is exactly what RFC 8252 §7.3 prescribes for them. Only environments of type PRODUCTION are checked; sandboxes are where such URIs belong.',
      remediation: [
        'Move local development to a sandbox environment (or a separate development application) and keep only the production URIs here.',
        'Console: Applications > Applications > the application > Configuration > edit, and delete the localhost / loopback redirect and post-logout URIs.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `redirectUris` / `postLogoutRedirectUris` without loopback entries.',
      ],
      references: [
        { title: 'RFC 9700 §2.1 (redirect URI registration)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.1' },
        { title: 'RFC 8252 §7.3 (loopback redirects are for native apps)', url: 'https://www.rfc-editor.org/rfc/rfc8252#section-7.3' },
        REFERENCES.pingUpdateApplication,
      ],
      severityRationale:
        'Medium for public clients, where a code delivered to a local listener is all an attacker needs. Low for confidential clients (the code is useless without the client’s credentials) and for post-logout URIs, which carry no credential: there the finding is mostly about development configuration in production.',
    },
    messages: {
      loopbackInProduction:
        '{{field}} entry {{uri}} of {{app}} points at the loopback host {{host}} in production environment {{environment}}, so a process on the user’s machine can receive its responses: remove it and develop against a sandbox.',
    },
    precision: 'high',
  },
  check(snapshot, { report, leaveUnjudged }) {
    return oidcApplicationsOf(snapshot)
      .filter(({ env }) => env.environment.type === 'PRODUCTION')
      .flatMap((located) =>
        reportsIf(not(receivesRedirectsLocally(located.app)), applicationRef(located), leaveUnjudged, () =>
          redirectUriEntries(located.app).flatMap((entry) => {
            const host = redirectHost(entry.uri);
            if (host === undefined || !isLoopbackHost(host)) return [];
            const credentialBearing = entry.field === 'redirectUris' && isPublicClient(located.app);
            const data = { app: located.app.name, field: entry.field, uri: entry.uri, host, environment: located.env.environment.name };
            return [
              report('loopbackInProduction', data, {
                resource: applicationRef(located),
                pointer: entry.pointer,
                ...(credentialBearing ? {} : { severity: 'low' as const }),
              }),
            ];
          }),
        ),
      );
  },
});

/**
 * Native apps and public worker apps (command-line tools) legitimately listen on loopback; an
 * application type this version does not know may be one that does.
 */
function receivesRedirectsLocally(app: Application): Answer {
  return answer(app.type === 'NATIVE_APP' || (isWorker(app) && isPublicClient(app)), unknownValuesOf('application type', [app.type]));
}
