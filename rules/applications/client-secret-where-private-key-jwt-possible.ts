import { defineRule } from '../../src/engine/define-rule.js';

import { applicationRef, oidcApplicationsOf, runsOnUserDevice, skipUnknownValue } from '../../src/pingone/applications.js';
import { REFERENCES } from '../shared/references.js';

const SHARED_SECRET_METHODS = new Set(['CLIENT_SECRET_BASIC', 'CLIENT_SECRET_POST']);

export default defineRule({
  id: 'client-secret-where-private-key-jwt-possible',
  meta: {
    title: 'Client authenticates with a shared secret',
    description: 'Require private_key_jwt instead of a client secret sent to the token endpoint, where the client can sign a JWT.',
    severity: 'info',
    category: 'applications',
    tags: ['client-authentication', 'oauth', 'secrets', 'rfc9700'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['IA-5', 'IA-5(2)', 'IA-9'], 'iso-27001-2022': ['A.5.17', 'A.8.5'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['16.11'], 'pci-dss-4.0.1': ['8.3.2', '8.6.3'] },
    docs: {
      frameworkRationale: 'A client secret sent to the token endpoint is a bearer credential where public key-based client authentication (IA-5(2)) is available.',
      rationale:
        'With CLIENT_SECRET_BASIC or CLIENT_SECRET_POST the client sends its secret to PingOne on every token request, so the secret lives in the client’s configuration, in the request and wherever either is logged or copied, and PingOne holds it too. With private_key_jwt (RFC 7523) the client signs a short-lived assertion with a private key that never leaves it, and PingOne stores only the public key (`jwks` or `jwksUrl`): nothing reusable crosses the wire, and rotating the key needs no shared secret exchange. RFC 9700 §2.5 recommends asymmetric client authentication for this reason. Applications bound to an integration profile are not reported: their integrators (StackOne, PingDataSync, Terraform, Ping CLI) only support a client secret, so private_key_jwt is not possible there. PingOne’s own applications are not reported either, nor are native and single-page apps: a private key would ship inside them as the secret does, so public-client-with-secret reports them and advises no client authentication with S256 PKCE instead.',
      remediation: [
        'Generate a key pair for the client and publish its public key as a JWKS (a URL the client serves, or the JWKS string).',
        'Console: Applications > Applications > the application > Configuration > edit: set Token Endpoint Authentication Method to Private Key JWT and enter the JWKS URL or JWKS; then change the client to send `client_assertion` and revoke the old secret.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body, `"tokenEndpointAuthMethod": "PRIVATE_KEY_JWT"` and `"jwksUrl"` (or `"jwks"`).',
      ],
      references: [
        { title: 'RFC 9700 §2.5 (client authentication: prefer asymmetric methods)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.5' },
        { title: 'RFC 7523 §2.2 (JWT client authentication)', url: 'https://www.rfc-editor.org/rfc/rfc7523#section-2.2' },
        { title: 'OpenID Connect Core 1.0 §9 (private_key_jwt)', url: 'https://openid.net/specs/openid-connect-core-1_0.html#ClientAuthentication' },
        REFERENCES.pingUpdateApplication,
      ],
      severityRationale:
        'Info: client secrets are a standard, permitted method (RFC 6749, OAuth 2.1) and nothing is exposed while the secret is kept well; private_key_jwt removes a class of leaks rather than closing an open hole. Raise it in a pack if your policy demands asymmetric client authentication.',
    },
    messages: {
      sharedSecret:
        'Application {{app}} authenticates with {{method}}, sending a reusable secret on every token request: switch to private_key_jwt (PRIVATE_KEY_JWT with a JWKS) if the client can sign a JWT.',
    },
    precision: 'medium',
  },
  check(snapshot, context) {
    return (
      oidcApplicationsOf(snapshot)
        .filter((located) => !skipUnknownValue(located, 'token endpoint auth method', located.app.tokenEndpointAuthMethod, context.leaveUnjudged))
        .filter(({ app }) => SHARED_SECRET_METHODS.has(app.tokenEndpointAuthMethod ?? ''))
        // A native app or SPA can sign nothing it can keep: public-client-with-secret advises NONE with PKCE there.
        .filter(({ app }) => !runsOnUserDevice(app))
        .filter(({ app }) => context.integrations.profilesFor(app).length === 0)
        .map((located) =>
          context.report(
            'sharedSecret',
            { app: located.app.name, method: located.app.tokenEndpointAuthMethod ?? '' },
            {
              resource: applicationRef(located),
              pointer: '/tokenEndpointAuthMethod',
            },
          ),
        )
    );
  },
});
