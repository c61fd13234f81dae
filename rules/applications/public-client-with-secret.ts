import { defineRule } from '../../src/engine/define-rule.js';
import type { Severity } from '../../src/engine/types.js';
import { applicationRef, hasGrant, oidcApplicationsOf, runsOnUserDevice, skipUnknownValue } from '../../src/pingone/applications.js';
import { REFERENCES } from '../shared/references.js';
import { severityOverride } from '../shared/severity.js';

const SEVERITY: Severity = 'medium';
const SECRET_METHODS = new Set(['CLIENT_SECRET_BASIC', 'CLIENT_SECRET_POST', 'CLIENT_SECRET_JWT']);
const TYPE_NAMES: Record<string, string> = { NATIVE_APP: 'Native app', SINGLE_PAGE_APP: 'Single-page app' };

export default defineRule({
  id: 'public-client-with-secret',
  meta: {
    title: 'Native app or SPA authenticates with a client secret',
    description: 'Disallow client secrets on native and single-page apps; require tokenEndpointAuthMethod NONE with S256 PKCE.',
    severity: SEVERITY,
    category: 'applications',
    tags: ['client-authentication', 'public-client', 'secrets', 'pkce', 'rfc9700'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['IA-5', 'IA-9'], 'iso-27001-2022': ['A.5.17'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['16.11'], 'pci-dss-4.0.1': ['8.6.2', '8.6.3'] },
    docs: {
      frameworkRationale: 'A secret shipped inside a native app or browser code is a hard-coded authenticator anyone can extract.',
      rationale:
        'A native app is installed on users’ devices and a single-page app is downloaded into their browsers, so a client secret configured for either ships in every copy, where anyone can extract it (RFC 8252 §8.5; RFC 6749 §2.1 calls such clients public). PingOne still lets these app types authenticate with CLIENT_SECRET_BASIC, CLIENT_SECRET_POST or CLIENT_SECRET_JWT, and the secret then only looks like protection: whoever holds a copy can redeem codes and refresh tokens as the app, and the secret cannot be rotated without shipping a new release. The protection a public client really has is PKCE: the code is useless without the verifier the running instance generated. Set the method to NONE and require S256 PKCE (RFC 9700 §2.1.1). private_key_jwt is no answer either, as the private key would ship the same way; client-secret-where-private-key-jwt-possible therefore does not advise it for these apps.',
      remediation: [
        'Console: Applications > Applications > the application > Configuration > edit: set Token Endpoint Authentication Method to None and PKCE Enforcement to S256_REQUIRED; remove the secret from the app’s code and release it.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body, `"tokenEndpointAuthMethod": "NONE"` and `"pkceEnforcement": "S256_REQUIRED"`.',
        'If the app uses the client_credentials grant, move that work to a worker app on a server: a public client cannot hold credentials of its own.',
      ],
      references: [
        { title: 'RFC 8252 §8.5 (client authentication of native apps)', url: 'https://www.rfc-editor.org/rfc/rfc8252#section-8.5' },
        { title: 'RFC 6749 §2.1 (client types: public clients)', url: 'https://www.rfc-editor.org/rfc/rfc6749#section-2.1' },
        { title: 'RFC 9700 §2.1.1 (authorization code grant: PKCE)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.1.1' },
        REFERENCES.pingApplicationTypes,
        REFERENCES.pingUpdateApplication,
      ],
      severityRationale:
        'Medium: the secret is public, so anything that trusts it (a token call, a log line naming the client) trusts anyone, though a user still has to sign in for codes and refresh tokens to exist. High when the app also has the client_credentials grant: the extracted secret then gets tokens with no user at all.',
    },
    messages: {
      secretOnPublicClient:
        '{{type}} {{app}} authenticates at the token endpoint with {{method}}: its secret ships in every copy of the app, where anyone can extract it. Set tokenEndpointAuthMethod to NONE with PKCE S256_REQUIRED, and revoke the secret.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report, leaveUnjudged }) {
    return oidcApplicationsOf(snapshot)
      .filter(({ app }) => runsOnUserDevice(app))
      .filter((located) => !skipUnknownValue(located, 'token endpoint auth method', located.app.tokenEndpointAuthMethod, leaveUnjudged))
      .filter(({ app }) => SECRET_METHODS.has(app.tokenEndpointAuthMethod ?? ''))
      .map((located) => {
        const { app } = located;
        return report(
          'secretOnPublicClient',
          { app: app.name, type: TYPE_NAMES[app.type] ?? app.type, method: app.tokenEndpointAuthMethod ?? '' },
          {
            resource: applicationRef(located),
            pointer: '/tokenEndpointAuthMethod',
            ...severityOverride(hasGrant(app, 'CLIENT_CREDENTIALS') ? 'high' : SEVERITY, SEVERITY),
          },
        );
      });
  },
});
