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
  /** `PINGONE_CUSTOM_DOMAIN` / `--custom-domain` (Ping's Go client's name): the environment's custom domain. */
  customDomain?: string | undefined;
}

/**
 * The API and auth bases, without a trailing slash, and the region they came from (absent when
 * neither came from it). A hostname means HTTPS, as in the Terraform provider: the API at
 * `https://<api hostname>/v1`, the token endpoint at `https://<auth hostname>/<environmentId>/as/token`
 * (the provider's SDK, pingone-go-sdk-v2 `pingone/auth.go`, keeps the environment id after an
 * auth hostname). Throws a UserFacingError when a hostname and the URL for the same service are
 * both given: each tool reads only its own, so the two would quietly reach different hosts.
 */
export function resolveServiceUrls(given: ServiceUrlSettings): { apiUrl: string; authUrl: string; region?: RegionCode; customDomain?: true } {
  const regionCode = given.region?.toUpperCase();
  if (regionCode !== undefined && !isRegionCode(regionCode)) {
    throw new UserFacingError('settings-invalid', `Unknown PingOne region "${given.region}".`, {
      hint: `Use one of ${regionCodes.join(', ')} (PINGONE_REGION_CODE or --region), or give PINGONE_API_URL and PINGONE_AUTH_URL.`,
      seeAlso,
    });
  }
  const region: RegionCode = regionCode ?? 'NA';
  const api = pickService('API', given.apiUrl, given.apiHostname, '/v1', regionBaseUrls[region].apiUrl);
  const auth = given.customDomain === undefined ? pickService('AUTH', given.authUrl, given.authHostname, '', regionBaseUrls[region].authUrl) : customDomainUrl(given);
  const urls = { apiUrl: api.url, authUrl: auth.url, ...(given.customDomain === undefined ? {} : { customDomain: true as const }) };
  return api.fromRegion || auth.fromRegion ? { ...urls, region } : urls;
}

/**
 * A custom domain replaces `https://auth.pingone.<tld>/<environmentId>` as a whole (Ping's "Custom
 * Domains" page), so it cannot be combined with another auth setting. A hostname means https; a full
 * URL is taken as a base URL (http only to loopback, for a local simulator).
 */
function customDomainUrl(given: ServiceUrlSettings) {
  const setting = 'PINGONE_CUSTOM_DOMAIN (--custom-domain)';
  const other = given.authUrl !== undefined ? 'PINGONE_AUTH_URL (--auth-url)' : given.authHostname !== undefined ? 'PINGONE_AUTH_SERVICE_HOSTNAME' : undefined;
  if (other !== undefined) {
    throw new UserFacingError('settings-invalid', `Both ${setting} and ${other} name the auth server.`, {
      hint: `${setting} alone says where the token endpoint is (https://<custom domain>/as/token, no environment id); drop ${other}.`,
      seeAlso,
    });
  }
  const domain = given.customDomain!;
  return { url: domain.includes('://') ? parseBaseUrl(setting, domain) : `https://${checkHostname(setting, domain)}`, fromRegion: false };
}

function pickService(service: 'API' | 'AUTH', urlText: string | undefined, hostname: string | undefined, basePath: string, regional: string) {
  const urlSetting = `PINGONE_${service}_URL (--${service.toLowerCase()}-url)`;
  const hostSetting = `PINGONE_${service}_SERVICE_HOSTNAME`;
  if (urlText !== undefined && hostname !== undefined) {
    throw new UserFacingError('settings-invalid', `Both ${hostSetting} (${hostname}) and ${urlSetting} (${urlText}) name the ${service === 'API' ? 'Management API' : 'auth server'}.`, {
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
    throw new UserFacingError('settings-invalid', `${setting} must be a hostname such as ${setting.includes('_API_') ? 'api' : 'auth'}.example.com, not "${hostname}".`, {
      hint: setting.includes('_SERVICE_HOSTNAME')
        ? `It is always reached over https://, as in the Terraform provider. For a full URL (a local proxy, another path) use ${setting.replace('_SERVICE_HOSTNAME', '_URL')} instead.`
        : 'Give the domain alone (login.example.com, reached over https://) or a full https:// base URL.',
      seeAlso,
    });
  }
  return hostname.toLowerCase();
}
