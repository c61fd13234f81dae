import { UserFacingError } from '../errors.js';
import type { RegionCode } from '../snapshot/model.js';
import { parseBaseUrl } from './base-url.js';
import { isRegionCode, regionBaseUrls, regionCodes } from './regions.js';

const seeAlso = 'README.md#connecting-to-pingone';

/** Where the Management API and the auth server are, as the user gave them (each may be absent). */
export interface ServiceUrlSettings {
  /** `PINGONE_REGION_CODE` / `--region`. */
  region?: string | undefined;
  /** `PINGONE_API_URL` / `--api-url`: a full base URL, `http://` allowed for loopback only. */
  apiUrl?: string | undefined;
  /** `PINGONE_AUTH_URL` / `--auth-url`. */
  authUrl?: string | undefined;
  /** `PINGONE_API_SERVICE_HOSTNAME`, the Terraform provider's `service_endpoints.api_hostname`. */
  apiHostname?: string | undefined;
  /** `PINGONE_AUTH_SERVICE_HOSTNAME`, the Terraform provider's `service_endpoints.auth_hostname`. */
  authHostname?: string | undefined;
}

/**
 * The API and auth bases, without a trailing slash, and the region they came from (absent when
 * neither came from it). A hostname means HTTPS, as in the Terraform provider: the API at
 * `https://<api hostname>/v1`, the token endpoint at `https://<auth hostname>/<environmentId>/as/token`
 * (the provider's SDK, pingone-go-sdk-v2 `pingone/auth.go`, keeps the environment id after an
 * auth hostname). Throws a UserFacingError when a hostname and the URL for the same service are
 * both given: each tool reads only its own, so the two would quietly reach different hosts.
 */
export function resolveServiceUrls(given: ServiceUrlSettings): { apiUrl: string; authUrl: string; region?: RegionCode } {
  const regionCode = given.region?.toUpperCase();
  if (regionCode !== undefined && !isRegionCode(regionCode)) {
    throw new UserFacingError(`Unknown PingOne region "${given.region}".`, {
      hint: `Use one of ${regionCodes.join(', ')} (PINGONE_REGION_CODE or --region), or give PINGONE_API_URL and PINGONE_AUTH_URL.`,
      seeAlso,
    });
  }
  const region: RegionCode = regionCode ?? 'NA';
  const api = pickService('API', given.apiUrl, given.apiHostname, '/v1', regionBaseUrls[region].apiUrl);
  const auth = pickService('AUTH', given.authUrl, given.authHostname, '', regionBaseUrls[region].authUrl);
  const fromRegion = api.fromRegion || auth.fromRegion;
  return fromRegion ? { apiUrl: api.url, authUrl: auth.url, region } : { apiUrl: api.url, authUrl: auth.url };
}

function pickService(service: 'API' | 'AUTH', urlText: string | undefined, hostname: string | undefined, basePath: string, regional: string) {
  const urlSetting = `PINGONE_${service}_URL (--${service.toLowerCase()}-url)`;
  const hostSetting = `PINGONE_${service}_SERVICE_HOSTNAME`;
  if (urlText !== undefined && hostname !== undefined) {
    throw new UserFacingError(`Both ${hostSetting} (${hostname}) and ${urlSetting} (${urlText}) name the ${service === 'API' ? 'Management API' : 'auth server'}.`, {
      hint: `pingone-audit would use ${urlSetting}; the Terraform provider reads only ${hostSetting}. Keep one, so that both tools reach the same host.`,
      seeAlso,
    });
  }
  if (urlText !== undefined) return { url: parseBaseUrl(urlSetting, urlText), fromRegion: false };
  if (hostname !== undefined) return { url: `https://${checkHostname(hostSetting, hostname)}${basePath}`, fromRegion: false };
  return { url: regional, fromRegion: true };
}

// DNS labels of letters, digits and hyphens, at least two of them: a hostname, never a URL or a path.
const hostnamePattern = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

function checkHostname(setting: string, hostname: string): string {
  if (!hostnamePattern.test(hostname)) {
    throw new UserFacingError(`${setting} must be a hostname such as auth.example.com, not "${hostname}".`, {
      hint: `It is always reached over https://, as in the Terraform provider. For a full URL (a local proxy, another path) use ${setting.replace('_SERVICE_HOSTNAME', '_URL')} instead.`,
      seeAlso,
    });
  }
  return hostname.toLowerCase();
}
