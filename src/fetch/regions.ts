import type { RegionCode } from '../snapshot/model.js';

/** PingOne's region codes (the Terraform provider's `PINGONE_REGION_CODE` values) and their hosts. */
export const regionBaseUrls: Readonly<Record<RegionCode, { apiUrl: string; authUrl: string }>> = {
  NA: { apiUrl: 'https://api.pingone.com/v1', authUrl: 'https://auth.pingone.com' },
  EU: { apiUrl: 'https://api.pingone.eu/v1', authUrl: 'https://auth.pingone.eu' },
  CA: { apiUrl: 'https://api.pingone.ca/v1', authUrl: 'https://auth.pingone.ca' },
  AU: { apiUrl: 'https://api.pingone.com.au/v1', authUrl: 'https://auth.pingone.com.au' },
  SG: { apiUrl: 'https://api.pingone.sg/v1', authUrl: 'https://auth.pingone.sg' },
  AP: { apiUrl: 'https://api.pingone.asia/v1', authUrl: 'https://auth.pingone.asia' },
};

/** Every region code, in the order of {@link regionBaseUrls}. */
export const regionCodes = Object.keys(regionBaseUrls) as RegionCode[];

/** Whether `value` is one of PingOne's region codes (upper case, as written). */
export function isRegionCode(value: string): value is RegionCode {
  return Object.hasOwn(regionBaseUrls, value);
}
