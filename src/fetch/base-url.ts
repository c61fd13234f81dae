import { isIP } from 'node:net';
import { UserFacingError } from '../errors.js';

/**
 * Checks a base URL given by the user and returns it without a trailing slash. Plain `http://`
 * is accepted only for loopback hosts (a local simulator or proxy): anywhere else it would send
 * the client secret and the bearer token in clear text.
 */
export function parseBaseUrl(setting: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserFacingError('settings-invalid', `${setting} is not a valid URL: "${value}".`, {
      hint: 'Give a full base URL such as https://api.pingone.eu/v1 (API) or https://auth.pingone.eu (auth).',
    });
  }
  if (url.username !== '' || url.password !== '') {
    throw new UserFacingError('settings-invalid', `${setting} must not carry a user name or password.`, {
      hint: 'Pass credentials with PINGONE_CLIENT_ID / PINGONE_CLIENT_SECRET, not inside the URL.',
    });
  }
  if (url.search !== '' || url.hash !== '') {
    throw new UserFacingError('settings-invalid', `${setting} must be a base URL without a query or fragment: "${url.origin}${url.pathname}".`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new UserFacingError('settings-invalid', `${setting} uses plain http:// to ${url.hostname}; credentials would travel unencrypted.`, {
      hint: 'Use https://. Plain http:// is allowed only for loopback hosts (localhost, 127.0.0.0/8, ::1).',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserFacingError('settings-invalid', `${setting} must be an https:// URL, not ${url.protocol}//.`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** localhost, 127.0.0.0/8 and ::1 (URL keeps IPv6 hosts in brackets). */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}
