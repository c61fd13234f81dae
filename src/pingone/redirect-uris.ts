import type { Application } from '../snapshot/model.js';

/** The application fields that hold redirect URIs: after sign-in, and after sign-out. */
export type RedirectUriField = 'redirectUris' | 'postLogoutRedirectUris';

/** One registered redirect URI with the JSON pointer of its entry. */
export interface RedirectUriEntry {
  field: RedirectUriField;
  index: number;
  uri: string;
  pointer: string;
}

/** Sign-in redirect URIs first, then post-logout ones, each in registration order. */
export function redirectUriEntries(app: Application, fields: readonly RedirectUriField[] = ['redirectUris', 'postLogoutRedirectUris']): RedirectUriEntry[] {
  // Several rules list every application's URIs: one array, no intermediate ones.
  const entries: RedirectUriEntry[] = [];
  for (const field of fields) (app[field] ?? []).forEach((uri, index) => entries.push({ field, index, uri, pointer: `/${field}/${index}` }));
  return entries;
}

/**
 * The URI parsed by the WHATWG URL parser, or undefined when it does not parse. Several rules parse
 * every redirect URI of every app: each URI is parsed once and the URL shared, so it is read only.
 */
export function parseRedirectUri(uri: string): Readonly<URL> | undefined {
  if (parsedUris.has(uri)) return parsedUris.get(uri);
  // Bounded, so that a long-lived process (the tests, a watch) does not keep every URI it ever saw.
  if (parsedUris.size >= PARSED_URIS_KEPT) parsedUris.clear();
  const url = URL.canParse(uri) ? new URL(uri) : undefined;
  parsedUris.set(uri, url);
  return url;
}

const PARSED_URIS_KEPT = 200_000;
const parsedUris = new Map<string, Readonly<URL> | undefined>();

/** Lower-cased host without port, or undefined for an unparsable or host-less URI. */
export function redirectHost(uri: string): string | undefined {
  const hostname = parseRedirectUri(uri)?.hostname;
  return hostname ? hostname.toLowerCase() : undefined;
}

/**
 * True when the path is longer than "/" and ends with "/" (`https://x.com/cb/`). A bare origin
 * (`https://x.com/`) is not counted: parsers add that slash themselves, so clients send it either way.
 */
export function hasTrailingSlashAfterPath(uri: string): boolean {
  const pathname = parseRedirectUri(uri)?.pathname ?? '';
  return pathname.length > 1 && pathname.endsWith('/');
}

/** The same URI with the trailing slash of its path removed (query and fragment kept). */
export function withoutTrailingSlash(uri: string): string {
  if (!URL.canParse(uri)) return uri;
  const url = new URL(uri);
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url.href;
}

/**
 * Loopback hosts: `localhost` (and its subdomains, RFC 6761), any 127.0.0.0/8 address and `[::1]`.
 * RFC 8252 §7.3 lets native apps receive redirects there over plain http.
 */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The origin (scheme, host, port) a browser sends in `Origin` from a page at `uri`; undefined for
 * a URI that does not parse or is not http(s) (a native app's custom scheme has no web origin).
 */
export function webOriginOf(uri: string): string | undefined {
  const url = parseRedirectUri(uri);
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url.origin : undefined;
}

/**
 * Whether one entry of an application's `corsSettings.origins` lets `origin` through: the same
 * origin, or a match of its `*` (PingOne lets subdomains use one to match any string).
 */
export function corsOriginAllows(entry: string, origin: string): boolean {
  if (!entry.includes('*')) return webOriginOf(entry) === origin;
  const pattern = entry
    .toLowerCase()
    .replace(/\/+$/, '')
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*');
  return new RegExp(`^${pattern}$`).test(origin);
}
