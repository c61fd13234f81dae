import rule from '../../rules/keys/key-weak.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot } from '../helpers/snapshot-builder.js';
import { signingKey } from './key-fixtures.js';

const KEY = { type: 'key' as const, id: 'key-1' };
const CERT = { type: 'certificate' as const, id: 'key-1' };

testRule(rule, {
  valid: [
    { name: 'RSA 2048 with SHA256withRSA', snapshot: buildSnapshot({ environments: [{ keys: [signingKey()] }] }) },
    { name: 'an EC key of 256 bits', snapshot: buildSnapshot({ environments: [{ keys: [signingKey({ algorithm: 'EC', keyLength: 256, signatureAlgorithm: 'SHA256withECDSA' })] }] }) },
    { name: 'a 3072-bit certificate', snapshot: buildSnapshot({ environments: [{ certificates: [signingKey({ keyLength: 3072, signatureAlgorithm: 'SHA384withRSA' })] }] }) },
    {
      name: 'a 4096-bit key under a minimum of 3072',
      snapshot: buildSnapshot({ environments: [{ keys: [signingKey({ keyLength: 4096 })] }] }),
      options: { minRsaKeyLength: 3072 },
    },
    {
      name: 'a signature algorithm this version does not know: left unjudged',
      snapshot: buildSnapshot({ environments: [{ keys: [signingKey({ signatureAlgorithm: 'SHA3-256withRSA' })] }] }),
      skipped: [{ resource: KEY, reason: 'signature algorithm SHA3-256withRSA' }],
    },
    {
      name: 'PingOne’s UNKNOWN key algorithm: left unjudged',
      snapshot: buildSnapshot({ environments: [{ keys: [signingKey({ algorithm: 'UNKNOWN', keyLength: 1024 })] }] }),
      skipped: [{ resource: KEY, reason: 'key algorithm UNKNOWN' }],
    },
  ],
  invalid: [
    {
      name: 'an RSA key of 1024 bits',
      snapshot: buildSnapshot({ environments: [{ keys: [signingKey({ keyLength: 1024 })] }] }),
      errors: [{ messageId: 'shortRsaKey', resource: KEY, pointer: '/keyLength', data: { kind: 'Key', name: 'Signing key', bits: 1024, min: 2048 } }],
    },
    {
      name: 'a certificate signed with SHA1withRSA',
      snapshot: buildSnapshot({ environments: [{ certificates: [signingKey({ signatureAlgorithm: 'SHA1withRSA' })] }] }),
      errors: [{ messageId: 'sha1Signature', resource: CERT, pointer: '/signatureAlgorithm', data: { kind: 'Certificate', algorithm: 'SHA1withRSA' } }],
    },
    {
      name: 'both at once, SHA-1 spelled with a dash',
      snapshot: buildSnapshot({ environments: [{ keys: [signingKey({ keyLength: 1024, signatureAlgorithm: 'SHA-1withRSA' })] }] }),
      errors: [
        { messageId: 'shortRsaKey', resource: KEY, pointer: '/keyLength' },
        { messageId: 'sha1Signature', resource: KEY, pointer: '/signatureAlgorithm' },
      ],
    },
    {
      name: 'a 2048-bit key under a minimum of 3072',
      snapshot: buildSnapshot({ environments: [{ keys: [signingKey()] }] }),
      options: { minRsaKeyLength: 3072 },
      errors: [{ messageId: 'shortRsaKey', resource: KEY, pointer: '/keyLength', data: { bits: 2048, min: 3072 } }],
    },
  ],
});
