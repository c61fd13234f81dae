import { ApiError } from './api-error.js';
import type { ApiClient } from './api-client.js';
import { RefusedRequestError, relativeApiPath, resolveApiUrl } from './request-guard.js';

export interface PagingOptions {
  /** `limit` to request: the largest page the endpoint honours; omitted when the endpoint does not page. */
  limit?: number;
}

interface Page {
  _embedded?: Record<string, unknown>;
  _links?: { next?: { href?: unknown } };
  size?: unknown;
}

/**
 * Calls `onPage` with the items of each page of a collection, following `_links.next.href` (the
 * only sign that more pages exist: PingOne may return fewer items than `limit`). A next link off the
 * API origin or base path, or one that repeats an earlier page, stops the walk with an ApiError of
 * kind `paging`: the token is never sent there and the collection is reported incomplete.
 * `onPage` returns `'stop'` to end early (a deliberate cap); `hasNext` tells it whether more pages exist.
 */
export async function forEachPage<T>(
  client: Pick<ApiClient, 'get' | 'apiUrl'>,
  path: string,
  embeddedKey: string,
  // biome-ignore lint/suspicious/noConfusingVoidType: a callback that returns nothing (an async function's Promise<void>) means go on.
  onPage: (items: T[], page: { hasNext: boolean }) => Promise<void | 'stop'> | void | 'stop',
  options: PagingOptions = {},
): Promise<{ pages: number }> {
  const apiBase = new URL(client.apiUrl);
  let next: string | undefined = withLimit(path, options.limit);
  const seen = new Set<string>([resolveApiUrl(apiBase, next).href]);
  let pages = 0;
  while (next !== undefined) {
    const page = (await client.get(next)) as Page | null;
    pages += 1;
    const href = page?._links?.next?.href;
    const hasNext = typeof href === 'string' && href !== '';
    if ((await onPage(readItems<T>(page, embeddedKey, path), { hasNext })) === 'stop' || !hasNext) break;
    const url = followable(apiBase, href, path);
    const cursor = url.searchParams.get('cursor');
    if (seen.has(url.href) || (cursor !== null && seen.has(`cursor:${cursor}`))) {
      throw new ApiError({ kind: 'paging', path, reason: `paging cycle: the next link repeats an earlier page after ${pages} pages; not followed` });
    }
    seen.add(url.href);
    if (cursor !== null) seen.add(`cursor:${cursor}`);
    next = url.href;
  }
  return { pages };
}

/** Every item of a collection, in the order PingOne returned them. */
export async function getAll<T>(client: Pick<ApiClient, 'get' | 'apiUrl'>, path: string, embeddedKey: string, options: PagingOptions = {}): Promise<T[]> {
  const items: T[] = [];
  await forEachPage<T>(client, path, embeddedKey, (page) => void items.push(...page), options);
  return items;
}

function withLimit(path: string, limit: number | undefined): string {
  if (limit === undefined || /[?&]limit=/.test(path)) return path;
  return `${path}${path.includes('?') ? '&' : '?'}limit=${limit}`;
}

function readItems<T>(page: Page | null, embeddedKey: string, path: string): T[] {
  if (typeof page !== 'object' || page === null) throw new ApiError({ kind: 'malformed', path, reason: 'the answer is not a collection' });
  const items = page._embedded?.[embeddedKey];
  if (Array.isArray(items)) return items as T[];
  if (items === undefined && (page.size === undefined || page.size === 0)) return [];
  throw new ApiError({ kind: 'malformed', path, reason: `the answer has no _embedded.${embeddedKey} list` });
}

function followable(apiBase: URL, href: string, path: string): URL {
  try {
    // Absolute links are the rule; a root-relative one is read against the API origin, not its base path.
    return resolveApiUrl(apiBase, new URL(href, apiBase.origin).href);
  } catch (error) {
    if (!(error instanceof RefusedRequestError) && !(error instanceof TypeError)) throw error;
    const where = URL.canParse(href, apiBase.origin) ? new URL(href, apiBase.origin) : undefined;
    const reason =
      where === undefined
        ? 'next link is not a URL: not followed'
        : where.origin !== apiBase.origin
          ? `next link points to another host (${where.host}): not followed`
          : `next link leaves the API (${relativeApiPath(new URL(apiBase.origin), where)}): not followed`;
    throw new ApiError({ kind: 'paging', path, reason });
  }
}
