import type { ApiCertificate, ApiSubscription } from '../../../../src/simulator/api-types.js';

const day = 86_400_000;

/** An ISO date-time `days` from now: the scan judges expiry by the real clock, so the seeded dates move with it. */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * day).toISOString();
}

/** A sound RSA signing key (2048 bits, SHA256withRSA) valid for three years; override what the fragment is about. */
export function seededKey(id: string, name: string, overrides: Partial<ApiCertificate> = {}): ApiCertificate {
  return {
    id,
    name,
    algorithm: 'RSA',
    keyLength: 2048,
    signatureAlgorithm: 'SHA256withRSA',
    usageType: 'SIGNING',
    subjectDN: `CN=${name}`,
    issuerDN: `CN=${name}`,
    validityPeriod: 1095,
    status: 'VALID',
    default: false,
    startsAt: daysFromNow(-30),
    expiresAt: daysFromNow(1095),
    ...overrides,
  };
}

/** An enabled webhook to an https destination that verifies its certificate. */
export function seededWebhook(id: string, name: string, overrides: Partial<ApiSubscription> = {}): ApiSubscription {
  return {
    id,
    name,
    enabled: true,
    verifyTlsCertificates: true,
    format: 'ACTIVITY',
    protocol: 'HTTPS',
    httpEndpoint: { url: `https://${id}.siem.example.com/events` },
    filterOptions: { includedActionTypes: ['USER.CREATED'] },
    ...overrides,
  };
}
