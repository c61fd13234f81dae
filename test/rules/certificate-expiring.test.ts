import rule from '../../rules/keys/certificate-expiring.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot } from '../helpers/snapshot-builder.js';
import { customDomain, signingKey } from './key-fixtures.js';

// The tests' clock: 2026-11-22T12:00Z.
const KEY = { type: 'key' as const, id: 'key-1' };
const withKey = (expiresAt: string | undefined) => buildSnapshot({ environments: [{ keys: [signingKey({ expiresAt })] }] });

testRule(rule, {
  valid: [
    { name: 'a key valid for years', snapshot: withKey('2031-01-01T00:00:00.000Z') },
    { name: 'a key 91 days from expiry', snapshot: withKey('2027-02-21T13:00:00.000Z') },
    { name: 'a key without an expiry date', snapshot: withKey(undefined) },
    {
      name: 'a custom domain still waiting for its certificate',
      snapshot: buildSnapshot({ environments: [{ customDomains: [customDomain({ status: 'SSL_CERTIFICATE_REQUIRED', certificate: undefined })] }] }),
    },
    { name: 'a custom domain certificate valid until 2028', snapshot: buildSnapshot({ environments: [{ customDomains: [customDomain()] }] }) },
    { name: 'within 90 days but under a 60-day threshold', snapshot: withKey('2027-02-01T00:00:00.000Z'), options: { mediumDays: 60 } },
    { name: 'an expiry that is not a date: left unjudged', snapshot: withKey('next spring'), skipped: [{ resource: KEY, reason: 'not a date' }] },
  ],
  invalid: [
    {
      name: 'expired yesterday: high',
      snapshot: withKey('2026-11-21T00:00:00.000Z'),
      errors: [{ messageId: 'expired', resource: KEY, pointer: '/expiresAt', data: { what: 'Key', name: 'Signing key', date: '2026-11-21' } }],
    },
    {
      name: 'expires in 10 days: high',
      snapshot: withKey('2026-12-02T13:00:00.000Z'),
      errors: [{ messageId: 'expiring', resource: KEY, pointer: '/expiresAt', data: { days: 10, date: '2026-12-02' } }],
    },
    {
      name: 'expires in exactly 30 days: high',
      snapshot: withKey('2026-12-22T12:00:00.000Z'),
      errors: [{ messageId: 'expiring', resource: KEY, pointer: '/expiresAt', data: { days: 30 } }],
    },
    {
      name: 'expires in 31 days: medium',
      snapshot: withKey('2026-12-23T12:00:00.000Z'),
      errors: [{ messageId: 'expiring', resource: KEY, pointer: '/expiresAt', severity: 'medium', data: { days: 31 } }],
    },
    {
      name: 'a partner certificate expiring in 60 days: medium',
      snapshot: buildSnapshot({ environments: [{ certificates: [signingKey({ id: 'cert-partner', name: 'Partner', expiresAt: '2027-01-21T12:00:00.000Z' })] }] }),
      errors: [{ messageId: 'expiring', resource: { type: 'certificate', id: 'cert-partner' }, pointer: '/expiresAt', severity: 'medium', data: { what: 'Certificate' } }],
    },
    {
      name: 'a custom domain certificate expiring in 5 days',
      snapshot: buildSnapshot({ environments: [{ customDomains: [customDomain({ certificate: { expiresAt: '2026-11-27T12:00:00.000Z' } })] }] }),
      errors: [
        {
          messageId: 'expiring',
          resource: { type: 'customDomain', id: 'domain-1' },
          pointer: '/certificate/expiresAt',
          data: { what: 'The certificate of custom domain', name: 'login.example.com', days: 5 },
        },
      ],
    },
    {
      name: 'thresholds from the options: 100 days out is high under highDays 120',
      snapshot: withKey('2027-03-02T12:00:00.000Z'),
      options: { highDays: 120, mediumDays: 180 },
      errors: [{ messageId: 'expiring', resource: KEY, pointer: '/expiresAt', data: { days: 100 } }],
    },
    {
      name: 'the audit’s clock, not the machine’s: a key valid today has expired by 2032',
      snapshot: withKey('2031-01-01T00:00:00.000Z'),
      now: new Date('2032-01-01T00:00:00.000Z'),
      errors: [{ messageId: 'expired', resource: KEY, pointer: '/expiresAt' }],
    },
  ],
});
