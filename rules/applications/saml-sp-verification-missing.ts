import { defineRule } from '../../src/engine/define-rule.js';
import { applicationRef, samlApplicationsOf } from '../../src/pingone/applications.js';
import { SAML_REFERENCES } from '../shared/saml.js';
import { severityOverride } from '../shared/severity.js';

const SEVERITY = 'low';

export default defineRule({
  id: 'saml-sp-verification-missing',
  meta: {
    title: 'SAML authentication requests not verified',
    description: 'Require SAML applications to have a verification certificate and to require signed authentication requests (spVerification).',
    severity: SEVERITY,
    category: 'applications',
    tags: ['saml', 'signature', 'authn-request'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['IA-9', 'SC-23'], 'iso-27001-2022': ['A.8.5'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['16.11'], 'pci-dss-4.0.1': ['8.3.1'] },
    docs: {
      frameworkRationale: 'Without signed authentication requests PingOne cannot authenticate the service provider asking it to sign users in.',
      rationale:
        'With `spVerification.certificates` set and `authnRequestSigned` true, PingOne accepts only AuthnRequests signed by the service provider’s key. Without it, anyone can send PingOne an AuthnRequest in the service provider’s name, choosing its parameters: ForceAuthn, NameID policy, and, when `enableRequestedAuthnContext` is on, the requested authentication context that PingOne uses to pick the sign-on policy, so a forged request can ask for a weaker one. The ACS URL list still decides where the response goes, which keeps this from being worse. A certificate without `authnRequestSigned` verifies signed requests but still accepts unsigned ones.',
      remediation: [
        'Get the service provider’s request-signing certificate (from its metadata) and upload it: Settings > Certificates & Key Pairs, or `POST /environments/{envId}/certificates`.',
        'Console: Applications > Applications > the SAML application > Configuration > edit, select the certificate under Verification Certificates and turn on Enforce Signed AuthnRequest.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"spVerification": {"authnRequestSigned": true, "certificates": [{"id": "<certificateId>"}]}`.',
        'Turn on request signing in the service provider at the same time, or its sign-ins will fail.',
      ],
      references: [SAML_REFERENCES.securityConsiderations, SAML_REFERENCES.owaspCheatSheet, SAML_REFERENCES.pingSamlSettings],
      severityRationale:
        'Low: responses still go only to the registered ACS URLs, so a forged request mostly lets an attacker shape a sign-in rather than steal one. Medium when the app honours the requested authentication context, because an unsigned request can then pick a weaker sign-on policy.',
    },
    messages: {
      noCertificate:
        'SAML application {{app}} has no service-provider verification certificate, so PingOne accepts unsigned AuthnRequests in its name{{context}}: add the SP’s signing certificate and require signed requests.',
      signatureNotRequired:
        'SAML application {{app}} has a verification certificate but does not require signed AuthnRequests (authnRequestSigned false), so unsigned ones are still accepted{{context}}: turn on authnRequestSigned.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report }) {
    return samlApplicationsOf(snapshot).flatMap((located) => {
      const { app } = located;
      const verification = app.spVerification;
      const hasCertificate = (verification?.certificates?.length ?? 0) > 0;
      if (hasCertificate && verification?.authnRequestSigned === true) return [];
      const picksPolicy = app.enableRequestedAuthnContext === true;
      const data = { app: app.name, context: picksPolicy ? ', and those requests choose the authentication context (enableRequestedAuthnContext)' : '' };
      return [
        report(hasCertificate ? 'signatureNotRequired' : 'noCertificate', data, {
          resource: applicationRef(located),
          pointer: hasCertificate ? '/spVerification/authnRequestSigned' : '/spVerification/certificates',
          ...severityOverride(picksPolicy ? 'medium' : SEVERITY, SEVERITY),
        }),
      ];
    });
  },
});
