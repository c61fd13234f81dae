import type { RuleReference } from '../../src/engine/types.js';

/** Sources the SAML rules share. */
export const SAML_REFERENCES = {
  profiles: {
    title: 'SAML 2.0 Profiles §4.1.3.5 (Web Browser SSO: assertions must be signed, individually or through the response)',
    url: 'https://docs.oasis-open.org/security/saml/v2.0/saml-profiles-2.0-os.pdf',
  },
  securityConsiderations: {
    title: 'SAML 2.0 Security and Privacy Considerations',
    url: 'https://docs.oasis-open.org/security/saml/v2.0/saml-sec-consider-2.0-os.pdf',
  },
  owaspCheatSheet: {
    title: 'OWASP SAML Security Cheat Sheet',
    url: 'https://cheatsheetseries.owasp.org/cheatsheets/SAML_Security_Cheat_Sheet.html',
  },
  pingSamlSettings: {
    title: 'PingOne API: applications SAML settings data model',
    url: 'https://developer.pingidentity.com/pingone-api/platform/applications/applications-1.html#applications-saml-settings-data-model',
  },
} satisfies Record<string, RuleReference>;
