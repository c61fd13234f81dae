import { defineRule } from '../../src/engine/define-rule.js';

import { applicationRef, oidcApplicationsOf } from '../../src/pingone/applications.js';
import { REFERENCES } from '../shared/references.js';

export default defineRule({
  id: 'unsigned-request-object-allowed',
  meta: {
    title: 'Unsigned request objects accepted',
    description: 'Disallow unsigned request objects (supportUnsignedRequestObject).',
    severity: 'low',
    category: 'applications',
    tags: ['oidc', 'request-object', 'jar', 'rfc9101'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['SC-8', 'SC-23', 'SI-10'], 'iso-27001-2022': ['A.8.26', 'A.8.5'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['16.11'], 'pci-dss-4.0.1': ['8.3.2'] },
    docs: {
      frameworkRationale: 'Unsigned request objects let anyone alter authorization parameters the app meant to protect.',
      rationale:
        'A request object (the `request` parameter, OIDC Core §6 and RFC 9101) carries the authorization request as a JWT so that it can be signed: the authorization server can then check that the request really comes from the client and was not altered in the browser. RFC 9101 §10.2 requires the source of the request to be verified, and an unsigned (`alg: none`) request object verifies nothing. With `supportUnsignedRequestObject` on, PingOne accepts such objects, so anyone can build a request object for this client and its parameters take precedence over the query’s. When the client has registered a key (`jwks` / `jwksUrl`) it can sign, and accepting unsigned objects turns its signatures into an option an attacker simply drops (RFC 9101 §10.5, downgrade). PingOne’s default refuses unsigned request objects and still allows plain query requests; `requireSignedRequestObject` goes further and demands a signed one on every request.',
      remediation: [
        'Make sure the client signs its request objects (or sends no request object at all).',
        'Console: Applications > Applications > the application > Configuration > edit, and set the request parameter signature requirement to Default (or Require signed request parameters).',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"supportUnsignedRequestObject": false` (optionally `"requireSignedRequestObject": true`).',
      ],
      references: [
        { title: 'RFC 9101 §10.2 (request source authentication)', url: 'https://www.rfc-editor.org/rfc/rfc9101#section-10.2' },
        { title: 'RFC 9101 §10.5 (downgrade attack)', url: 'https://www.rfc-editor.org/rfc/rfc9101#section-10.5' },
        { title: 'OpenID Connect Core 1.0 §6.1 (request object by value)', url: 'https://openid.net/specs/openid-connect-core-1_0.html#RequestObject' },
        { title: 'PingOne: request parameter signature requirement', url: 'https://docs.pingidentity.com/pingone/applications/p1_request_parameter_signature_requirement.html' },
        REFERENCES.pingUpdateApplication,
      ],
      severityRationale:
        'Low: an unsigned request object is no worse than the plain query parameters PingOne accepts anyway, it only loses the integrity a request object is for. Medium when the client has a signing key registered, because then the setting lets an attacker strip signatures the client relies on.',
    },
    messages: {
      unsignedAllowed: 'Application {{app}} accepts unsigned request objects, whose parameters nobody can verify: turn supportUnsignedRequestObject off.',
      signatureDowngrade:
        'Application {{app}} has a signing key registered but also accepts unsigned request objects, so an attacker can drop the signature and alter the request: turn supportUnsignedRequestObject off.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report }) {
    return oidcApplicationsOf(snapshot)
      .filter(({ app }) => app.supportUnsignedRequestObject === true)
      .map((located) => {
        const hasKey = Boolean(located.app.jwks || located.app.jwksUrl);
        return report(
          hasKey ? 'signatureDowngrade' : 'unsignedAllowed',
          { app: located.app.name },
          {
            resource: applicationRef(located),
            pointer: '/supportUnsignedRequestObject',
            ...(hasKey ? { severity: 'medium' as const } : {}),
          },
        );
      });
  },
});
