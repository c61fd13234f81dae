import { defineRule } from '../../src/engine/define-rule.js';
import { applicationRef, samlApplicationsOf } from '../../src/pingone/applications.js';
import { SAML_REFERENCES } from '../shared/saml.js';
import { severityOverride } from '../shared/severity.js';

const SEVERITY = 'high';

export default defineRule({
  id: 'saml-assertion-unsigned',
  meta: {
    title: 'SAML assertions not signed',
    description: 'Require PingOne to sign the SAML assertions it issues (assertionSigned).',
    severity: SEVERITY,
    category: 'applications',
    tags: ['saml', 'signature', 'integrity'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['SC-8', 'SC-13', 'SC-23'], 'iso-27001-2022': ['A.8.24', 'A.8.5'], 'soc2-2017': ['CC6.1', 'CC6.7'], 'cis-v8.1': ['16.11'], 'pci-dss-4.0.1': ['8.3.2'] },
    docs: {
      frameworkRationale: 'An unsigned SAML assertion cannot be checked for integrity or origin by the service provider.',
      rationale:
        'The signature is what lets a service provider trust that an assertion (who the user is, their attributes, when it expires) came from PingOne unaltered. SAML’s Web Browser SSO profile requires every assertion delivered through the browser to be signed, either on its own or through a signed response. With `assertionSigned` false and `responseSigned` false nothing is signed: any service provider that does not insist on a signature accepts an assertion anyone can write, for any user, and SAML libraries have repeatedly shipped with exactly that gap. With the response signed the profile is met, but the assertion carries no integrity of its own once the service provider takes it out of the response (to store, forward or re-verify it), and service providers that check assertion signatures only reject it. PingOne signs assertions by default; this is an explicit opt-out.',
      remediation: [
        'Console: Applications > Applications > the SAML application > Configuration > edit, and under Signing select Sign Assertion (or Sign Assertion & Response).',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"assertionSigned": true` (optionally `"responseSigned": true`).',
        'Check that the service provider has PingOne’s signing certificate and requires signed assertions.',
      ],
      references: [SAML_REFERENCES.profiles, SAML_REFERENCES.securityConsiderations, SAML_REFERENCES.owaspCheatSheet, SAML_REFERENCES.pingSamlSettings],
      severityRationale:
        'High when nothing is signed: a service provider that accepts unsigned assertions can be signed into as anyone, a full authentication bypass, though one that needs the service provider’s cooperation (a correctly configured one rejects them), which is why it is not critical. Low when the response is signed: the SAML profile is satisfied and only the assertion’s own integrity is lost.',
    },
    messages: {
      nothingSigned:
        'SAML application {{app}} signs neither its assertions nor its responses, so a service provider that does not insist on a signature accepts forged assertions for any user: set assertionSigned to true.',
      onlyResponseSigned:
        'SAML application {{app}} signs its responses but not the assertions inside them: sign the assertions too (assertionSigned true) so they keep their integrity once taken out of the response.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report }) {
    return samlApplicationsOf(snapshot)
      .filter(({ app }) => app.assertionSigned === false)
      .map((located) => {
        const responseSigned = located.app.responseSigned === true;
        return report(
          responseSigned ? 'onlyResponseSigned' : 'nothingSigned',
          { app: located.app.name },
          {
            resource: applicationRef(located),
            pointer: '/assertionSigned',
            ...severityOverride(responseSigned ? 'low' : SEVERITY, SEVERITY),
          },
        );
      });
  },
});
