import { defineRule } from '../../src/engine/define-rule.js';
import { certificateRef, judgeSignatureAlgorithm, keysAndCertificatesOf } from '../../src/pingone/keys-and-webhooks.js';
import { describeUnknown, unknownValuesOf } from '../../src/pingone/unknown-answers.js';
import { REFERENCES } from '../shared/references.js';

export default defineRule({
  id: 'key-weak',
  meta: {
    title: 'Weak signing or encryption key',
    description: 'Disallow RSA keys shorter than 2048 bits and SHA-1 signature algorithms on keys and certificates.',
    severity: 'medium',
    category: 'keys',
    tags: ['keys', 'certificates', 'cryptography'],
    requires: ['keys', 'certificates'],
    frameworks: { 'nist-800-53-r5': ['SC-12', 'SC-13'], 'iso-27001-2022': ['A.8.24'], 'soc2-2017': ['CC6.1', 'CC6.7'], 'cis-v8.1': ['3.10'], 'pci-dss-4.0.1': ['4.2.1', '8.3.2'] },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: { minRsaKeyLength: { type: 'integer', minimum: 1024, description: 'Shortest accepted RSA key, in bits.' } },
      },
      defaults: { minRsaKeyLength: 2048 },
    },
    docs: {
      frameworkRationale: 'RSA keys under 2048 bits and SHA-1 signatures are not strong cryptography.',
      rationale:
        'PingOne signs SAML assertions, tokens and requests with the keys of an environment, and trusts partners through its certificates. NIST SP 800-131A has disallowed RSA keys under 2048 bits (about 112 bits of security) and SHA-1 for generating signatures since 2014: a 1024-bit modulus is within reach of a well-funded attacker, and chosen-prefix collisions make SHA-1 signatures forgeable at a cost measured in tens of thousands of dollars. PingOne creates RSA keys of 2048 bits or more with SHA-2 signatures; a weak one was imported or created long ago. Keys and certificates are judged alike, whatever their usage, because a weak certificate a partner trusts is as forgeable as a weak key PingOne signs with. A key whose algorithm or signature algorithm this version does not know is left unjudged.',
      remediation: [
        'Console: Settings > Certificates & Keys: add a key (RSA 2048 or more, SHA256withRSA or stronger, or EC), make it the default or assign it to the applications and identity providers that use the weak one, give partners its certificate, then delete the weak key.',
        'API: `POST /environments/{envId}/keys` with `"algorithm": "RSA"`, `"keyLength": 2048` (or more) and `"signatureAlgorithm": "SHA256withRSA"`, then point applications (`idpSigning.key`) and identity providers (`spSigning.key`) at it.',
        'For a certificate of a partner (`/certificates`), ask the partner for one with a stronger key and signature, import it and remove the weak one.',
      ],
      references: [REFERENCES.nistTransitions, REFERENCES.pingCertificateManagement],
      severityRationale:
        'Medium: forging a signature with a short RSA key or a SHA-1 collision takes substantial computing and, for SHA-1, content the attacker can get signed, so it is not an everyday attack; but success forges assertions or tokens for any user, and the fix (a new key) is cheap.',
    },
    messages: {
      shortRsaKey: '{{kind}} {{name}} is an RSA key of {{bits}} bits, below {{min}}: replace it with a key of at least {{min}} bits.',
      sha1Signature: '{{kind}} {{name}} is signed with {{algorithm}}, a SHA-1 algorithm: replace it with one signed with SHA-256 or stronger.',
    },
    precision: 'very-high',
  },
  check(snapshot, { options, report, leaveUnjudged }) {
    return keysAndCertificatesOf(snapshot).flatMap((located) => {
      const { item, type } = located;
      const resource = certificateRef(located);
      const kind = type === 'key' ? 'Key' : 'Certificate';
      const reports = [];
      const unknown = unknownValuesOf('key algorithm', [item.algorithm]);
      if (item.algorithm === 'RSA' && typeof item.keyLength === 'number' && item.keyLength < options.minRsaKeyLength) {
        reports.push(report('shortRsaKey', { kind, name: item.name, bits: item.keyLength, min: options.minRsaKeyLength }, { resource, pointer: '/keyLength' }));
      }
      const signature = judgeSignatureAlgorithm(item.signatureAlgorithm);
      if (signature === 'sha1') {
        reports.push(report('sha1Signature', { kind, name: item.name, algorithm: String(item.signatureAlgorithm) }, { resource, pointer: '/signatureAlgorithm' }));
      } else if (typeof signature === 'object') {
        unknown.push(...signature.unknown);
      }
      // PingOne's own UNKNOWN algorithm says no more than a value this version has never seen.
      if (item.algorithm === 'UNKNOWN') unknown.push({ field: 'key algorithm', value: 'UNKNOWN' });
      if (reports.length === 0 && unknown.length > 0) leaveUnjudged(resource, describeUnknown(unknown));
      return reports;
    });
  },
});
