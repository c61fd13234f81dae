/**
 * The walls around every request, checked before anything is sent: the auditor only reads, never
 * touches a secret, and hands its bearer token to the configured API and nowhere else.
 */

/** A request the walls below refused: nothing of it was sent. */
export class RefusedRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedRequestError';
  }
}

/** Whether a request reads the Management API or asks the auth server for a token. */
export type RequestPurpose = 'api' | 'token';

/** Throws unless `method` is GET on the API, or the POST of a token request. */
export function assertReadOnly(method: string, purpose: RequestPurpose): void {
  const allowed = purpose === 'token' ? 'POST' : 'GET';
  if (method.toUpperCase() !== allowed) {
    throw new RefusedRequestError(`Refused ${method} ${purpose === 'token' ? 'to the token endpoint' : 'on the Management API'}: pingone-audit only reads (GET, plus the token POST).`);
  }
}

/**
 * Resolves a path (`/environments/…`) or an absolute link (a `next` href) against the API base and
 * refuses anything outside it: another origin, another base path, or a `…/secret` resource.
 */
export function resolveApiUrl(apiBase: URL, pathOrHref: string): URL {
  const url = pathOrHref.startsWith('/') ? new URL(apiBase.href.replace(/\/$/, '') + pathOrHref) : new URL(pathOrHref);
  if (url.origin !== apiBase.origin) {
    throw new RefusedRequestError(`Refused to send the access token to ${url.origin}: it is not the configured API origin ${apiBase.origin}.`);
  }
  const basePath = apiBase.pathname.replace(/\/$/, '');
  if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) {
    throw new RefusedRequestError(`Refused ${url.pathname}: it is outside the API base path ${basePath || '/'}.`);
  }
  if (isSecretPath(url.pathname)) {
    throw new RefusedRequestError(`Refused ${url.pathname}: pingone-audit never reads application or resource secrets.`);
  }
  return url;
}

function isSecretPath(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true; // an undecodable path cannot be shown not to name a secret
  }
  return /\/secrets?\/?$/i.test(decoded);
}

/** The path and query below the API base, as shown in errors and collection entries. */
export function relativeApiPath(apiBase: URL, url: URL): string {
  const basePath = apiBase.pathname.replace(/\/$/, '');
  return url.pathname.slice(basePath.length) + url.search;
}

/**
 * `GET /environments/{id}/applications/{id}/roleAssignments`: PingOne paths alternate a collection
 * name and an id, so every second segment is an id whatever its shape.
 */
export function endpointTemplate(relativePath: string): string {
  const segments = relativePath.split('?')[0]!.split('/').filter(Boolean);
  return `GET /${segments.map((segment, index) => (index % 2 === 1 ? '{id}' : segment)).join('/')}`;
}
