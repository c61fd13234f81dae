import { defineRule } from '../../src/engine/define-rule.js';

import { applicationRef, oidcApplicationsOf } from '../../src/pingone/applications.js';
import { REFERENCES } from '../shared/references.js';

export default defineRule({
  id: 'client-secret-jwt',
  meta: {
    title: 'Client authenticates with client_secret_jwt',
    description: 'Disallow client_secret_jwt client authentication; use private_key_jwt instead.',
    severity: 'low',
    category: 'applications',
    tags: ['client-authentication', 'oauth', 'secrets', 'rfc9700'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['IA-5', 'IA-9', 'SC-12'], 'iso-27001-2022': ['A.5.17', 'A.8.5'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['16.11'], 'pci-dss-4.0.1': ['8.3.2', '8.6.3'] },
    docs: {
      frameworkRationale: 'A shared secret used as an HMAC key lives on both sides and can be stolen from either, which authenticator management and key management controls aim to prevent.',
      rationale:
        'client_secret_jwt signs the client assertion with HMAC over the client secret, so the secret is still shared: PingOne must keep it in a form it can compute with, and anyone holding a copy can authenticate as the client. It also hands every party that sees an assertion (a proxy, a log) material for an offline guessing attack on the secret. RFC 9700 §2.5 recommends asymmetric methods, and FAPI 2.0 allows only private_key_jwt and mTLS. The client already builds and signs JWTs, so moving to private_key_jwt changes only the key it signs with: the cheapest upgrade of any client authentication.',
      remediation: [
        'Generate a key pair for the client, publish the public key as a JWKS and sign the client assertion with the private key (RS256 or ES256) instead of the secret.',
        'Console: Applications > Applications > the application > Configuration > edit: set Token Endpoint Authentication Method to Private Key JWT and enter the JWKS URL or JWKS, then revoke the client secret.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body, `"tokenEndpointAuthMethod": "PRIVATE_KEY_JWT"` and `"jwksUrl"` (or `"jwks"`).',
      ],
      references: [
        { title: 'RFC 9700 §2.5 (client authentication: prefer asymmetric methods)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.5' },
        { title: 'OpenID Connect Core 1.0 §9 (client_secret_jwt, private_key_jwt)', url: 'https://openid.net/specs/openid-connect-core-1_0.html#ClientAuthentication' },
        REFERENCES.fapi2SecurityProfile,
        REFERENCES.pingUpdateApplication,
      ],
      severityRationale:
        'Low: it is no weaker than sending the secret (the secret itself never crosses the wire), but it keeps every risk of a shared secret while the client has already paid for JWT signing, so the switch to private_key_jwt costs almost nothing. One step above client-secret-where-private-key-jwt-possible for that reason.',
    },
    messages: {
      clientSecretJwt: 'Application {{app}} authenticates with client_secret_jwt, which still relies on a secret shared with PingOne: sign the assertion with a private key instead (PRIVATE_KEY_JWT).',
    },
    precision: 'very-high',
  },
  check(snapshot, { report }) {
    return oidcApplicationsOf(snapshot)
      .filter(({ app }) => app.tokenEndpointAuthMethod === 'CLIENT_SECRET_JWT')
      .map((located) =>
        report(
          'clientSecretJwt',
          { app: located.app.name },
          {
            resource: applicationRef(located),
            pointer: '/tokenEndpointAuthMethod',
          },
        ),
      );
  },
});
