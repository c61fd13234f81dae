import type { Certificate, CustomDomain, Subscription } from '../../src/snapshot/model.js';
import { type Overrides, withOverrides } from '../helpers/snapshot-builder.js';

/** A sound signing key: RSA 2048, SHA256withRSA, valid until 2031 (the tests' clock is 2026-11-22). */
export function signingKey(overrides: Overrides<Certificate> = {}): Certificate {
  return withOverrides<Certificate>(
    {
      id: 'key-1',
      name: 'Signing key',
      algorithm: 'RSA',
      keyLength: 2048,
      signatureAlgorithm: 'SHA256withRSA',
      usageType: 'SIGNING',
      status: 'VALID',
      default: true,
      startsAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2031-01-01T00:00:00.000Z',
    },
    overrides,
  );
}

/** A webhook to an https destination that verifies its certificate. */
export function webhook(overrides: Overrides<Subscription> = {}): Subscription {
  return withOverrides<Subscription>(
    { id: 'sub-1', name: 'SIEM', enabled: true, verifyTlsCertificates: true, httpEndpoint: { url: 'https://siem.example.com/events' }, format: 'ACTIVITY' },
    overrides,
  );
}

/** A custom domain whose certificate is valid until 2028. */
export function customDomain(overrides: Overrides<CustomDomain> = {}): CustomDomain {
  return withOverrides<CustomDomain>({ id: 'domain-1', domainName: 'login.example.com', status: 'ACTIVE', certificate: { expiresAt: '2028-01-01T00:00:00.000Z' } }, overrides);
}
