import { defineRule } from '../../src/engine/define-rule.js';
import { applicationRef, samlApplicationsOf } from '../../src/pingone/applications.js';
import { identityProviderRef, judgeSignatureAlgorithm } from '../../src/pingone/keys-and-webhooks.js';
import { describeUnknown } from '../../src/pingone/unknown-answers.js';
import type { ResourceRef } from '../../src/snapshot/model.js';
import { REFERENCES } from '../shared/references.js';
import { SAML_REFERENCES } from '../shared/saml.js';

/** A SAML signature PingOne makes: an application's assertions and responses, or an identity provider's requests. */
interface SamlSigner {
  resource: ResourceRef;
  what: string;
  algorithm: unknown;
  pointer: string;
}

export default defineRule({
  id: 'saml-sha1-signing',
  meta: {
    title: 'SAML signing with SHA-1',
    description: 'Disallow SHA-1 signature algorithms on SAML applications (idpSigning) and SAML identity providers (spSigning).',
    severity: 'medium',
    category: 'applications',
    tags: ['saml', 'signature', 'cryptography'],
    requires: ['applications', 'identityProviders'],
    frameworks: { 'nist-800-53-r5': ['SC-13', 'SC-12'], 'iso-27001-2022': ['A.8.24'], 'soc2-2017': ['CC6.1', 'CC6.7'], 'cis-v8.1': ['16.11'], 'pci-dss-4.0.1': ['4.2.1', '8.3.2'] },
    docs: {
      frameworkRationale: 'SHA-1 is no longer an approved algorithm for signatures, so SAML signed with it lacks cryptographic protection.',
      rationale:
        'PingOne signs what it sends over SAML: the assertions and responses of a SAML application with `idpSigning.algorithm`, and the authentication requests to a SAML identity provider with `spSigning.algorithm`. SHA-1 has been broken for signatures since practical chosen-prefix collisions (2020): an attacker who gets PingOne to sign content they chose can make a second document with the same signature. NIST SP 800-131A disallows SHA-1 for generating signatures, and the SAML security considerations rest on signature integrity. PingOne’s current algorithm lists offer only SHA-2 algorithms, so a SHA-1 value comes from an older configuration. Where no algorithm is set PingOne signs with the key’s own; key-weak reports a key whose signature algorithm is SHA-1. A value this version does not know leaves the resource unjudged.',
      remediation: [
        'Console: Applications > Applications > the SAML application > Configuration > edit, and under Signing choose SHA256withRSA (or stronger, or an ECDSA algorithm with an EC key).',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"idpSigning": { "key": { "id": "…" }, "algorithm": "SHA256withRSA" }`.',
        'Identity provider: `PUT /environments/{envId}/identityProviders/{idpId}` with `"spSigning": { "key": { "id": "…" }, "algorithm": "SHA256withRSA" }` (console: Integrations > External IdPs).',
        'Check that the service provider or identity provider accepts the new algorithm before switching.',
      ],
      references: [REFERENCES.nistTransitions, SAML_REFERENCES.securityConsiderations, SAML_REFERENCES.pingSamlSettings, SAML_REFERENCES.owaspCheatSheet],
      severityRationale:
        'Medium: forging a SHA-1 signature needs a collision crafted in advance and content the attacker can get signed, a costly and targeted attack; but success yields an assertion the service provider trusts, and moving to SHA-256 is a setting.',
    },
    messages: {
      sha1: '{{what}} {{name}} signs with {{algorithm}}, a SHA-1 algorithm: switch to SHA256withRSA or stronger.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report, leaveUnjudged }) {
    const signers: SamlSigner[] = [
      ...samlApplicationsOf(snapshot).map((located) => ({
        resource: applicationRef(located),
        what: 'SAML application',
        algorithm: located.app.idpSigning?.algorithm,
        pointer: '/idpSigning/algorithm',
      })),
      ...snapshot.environments.flatMap((env) =>
        env.identityProviders
          .filter((provider) => provider.type === 'SAML')
          .map((provider) => ({
            resource: identityProviderRef(provider, env),
            what: 'SAML identity provider',
            algorithm: (provider.spSigning as { algorithm?: unknown } | undefined)?.algorithm,
            pointer: '/spSigning/algorithm',
          })),
      ),
    ];
    return signers.flatMap(({ resource, what, algorithm, pointer }) => {
      const judged = judgeSignatureAlgorithm(algorithm);
      if (typeof judged === 'object') leaveUnjudged(resource, describeUnknown(judged.unknown));
      return judged === 'sha1' ? [report('sha1', { what, name: resource.name, algorithm: String(algorithm) }, { resource, pointer })] : [];
    });
  },
});
