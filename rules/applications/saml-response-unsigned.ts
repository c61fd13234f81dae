import { defineRule } from '../../src/engine/define-rule.js';
import { applicationRef, samlApplicationsOf } from '../../src/pingone/applications.js';
import { SAML_REFERENCES } from '../shared/saml.js';

export default defineRule({
  id: 'saml-response-unsigned',
  meta: {
    title: 'SAML responses not signed',
    description: 'Require PingOne to sign the SAML responses it sends, not only the assertions inside them (responseSigned).',
    severity: 'low',
    category: 'applications',
    tags: ['saml', 'signature', 'integrity', 'hardening'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['SC-8', 'SC-23'], 'iso-27001-2022': ['A.8.24', 'A.8.5'], 'soc2-2017': ['CC6.1', 'CC6.7'], 'cis-v8.1': ['16.11'], 'pci-dss-4.0.1': ['8.3.2'] },
    docs: {
      frameworkRationale: 'An unsigned SAML response leaves its envelope (destination, status) open to tampering.',
      rationale:
        'A signed assertion proves who the user is, but the response around it carries its own fields, Destination, InResponseTo, Status and Issuer, which an unsigned response leaves open to change on the way; several XML signature-wrapping attacks on service providers worked because only an inner element was signed and the code read another one. Signing the response as well as the assertion closes that gap and is what hardened service providers expect. PingOne leaves `responseSigned` false by default, so most SAML apps are reported: this rule is hardening and is not in the recommended pack. Apps that sign nothing at all are reported by saml-assertion-unsigned instead.',
      remediation: [
        'Confirm the service provider accepts (or requires) a signed response; nearly all do.',
        'Console: Applications > Applications > the SAML application > Configuration > edit, and under Signing select Sign Assertion & Response.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"responseSigned": true` (keep `"assertionSigned": true`).',
      ],
      references: [SAML_REFERENCES.owaspCheatSheet, SAML_REFERENCES.securityConsiderations, SAML_REFERENCES.profiles, SAML_REFERENCES.pingSamlSettings],
      severityRationale:
        'Low: the signed assertion already binds the user, audience, recipient and lifetime, so what is left unprotected is the envelope, and exploiting it needs a flaw in the service provider’s signature handling.',
    },
    messages: {
      responseUnsigned:
        'SAML application {{app}} signs its assertions but not its responses (responseSigned false), leaving the response’s Destination, InResponseTo and Status unprotected: sign the response as well.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report }) {
    return samlApplicationsOf(snapshot)
      .filter(({ app }) => app.responseSigned !== true && app.assertionSigned !== false)
      .map((located) => report('responseUnsigned', { app: located.app.name }, { resource: applicationRef(located), pointer: '/responseSigned' }));
  },
});
