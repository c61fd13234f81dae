import { ApiError } from './api-error.js';
import type { ApiClient } from './api-client.js';
import { RefusedRequestError, relativeApiPath, resolveApiUrl } from './request-guard.js';

/** Caps on one list, so that a hostile or broken server cannot keep the collector reading forever. */
export interface ListLimits {
  /** Items one page may hold (default 10,000; PingOne's largest page is 1,000). */
  maxPageItems: number;
  /** Pages one list may take (default 10,000: two million users at PingOne's 200 a page). */
  maxPages: number;
  /**
   * Items one list may return (default 1,000,000), whether read whole ({@link getAll}) or walked page by page
   * ({@link forEachPage}, the users scan): each id is held to tell a repeat, so the cap bounds memory either way.
   * PingOne's largest documented collections read whole are groups, 100,000 per environment, and populations,
   * 10,000 (docs.pingidentity.com "PingOne standard platform limits"); the default leaves ten times that. The
   * same page allows up to 50 million identities an environment by contract: scanning more than a million
   * users (a day and more at one request per user) is a run to plan, with this cap raised or `--max-users`.
   */
  maxListItems: number;
}

export const defaultListLimits: ListLimits = { maxPageItems: 10_000, maxPages: 10_000, maxListItems: 1_000_000 };

export interface PagingOptions extends Partial<ListLimits> {
  /** `limit` to request: the largest page the endpoint honours; omitted when the endpoint does not page. */
  limit?: number;
  /**
   * Items the walk hands to `onPage` in all, a positive whole number (the users scan's `--max-users`); default: no cap.
   * Every request then asks for no more than are left (`limit` lowered to them, on the next link too: PingOne reads
   * the `cursor` "with the `limit` parameter", management OpenAPI `GET /environments/{environmentID}/users`), a page
   * holding more is cut to them, and the walk ends once they are read, saying whether that cut the list.
   * Needs `limit`: an endpoint that does not page cannot be asked for fewer.
   */
  maxItems?: number;
  /**
   * Told when a list read to its end returned another number of items than the latest `count` a page gave:
   * items added or deleted while it was read, or left out by the server. Not a failed read (deletions
   * during paging are legitimate), but never silent: the collector notes it in the snapshot and on stderr.
   */
  onCountMismatch?: (mismatch: CountMismatch) => void;
}

/** A list whose items, once read to the end, do not number what its own `count` says. */
export interface CountMismatch {
  path: string;
  /** Items the pages returned. */
  returned: number;
  /**
   * The latest `count` a page gave: "the number of items in the collection or result set", optional, and
   * absent when there are many (developer.pingidentity.com "Paging and ordering collections").
   */
  count: number;
}

interface Page {
  _embedded?: Record<string, unknown>;
  _links?: { next?: { href?: unknown } };
  size?: unknown;
  count?: unknown;
}

/** How a walk ended: the pages it read, and whether its `maxItems` left items of the list unread. */
export interface PagingResult {
  pages: number;
  /** True when the walk stopped at `maxItems` while the list held more (a longer page, or a next link). */
  cut: boolean;
}

/**
 * Calls `onPage` with the items of each page of a collection, following `_links.next.href` (the
 * only sign that more pages exist: PingOne may return fewer items than `limit`). The walk stops with
 * an ApiError, and the collection is reported incomplete, when a next link leaves the collection
 * (another host or scheme, base path or collection, or drops the `filter`: the token is never sent there), when
 * the list stops making progress (a page repeats an earlier page, cursor or id, or the list returns
 * more items than its own `count`), when a page or the list passes its cap (kind `limit`, before `onPage`
 * sees that page), when the only page holds no item yet counts some (kind `malformed`: a truncated
 * answer), and when a page's `count` or `size` is not a whole number, or its `size` is not the items it holds (kind `malformed`).
 * A list read to its end with another number of items than its latest `count` goes to `onCountMismatch`.
 * `onPage` returns `'stop'` to end early (a deliberate cap); `hasNext` tells it whether more pages exist.
 * With `maxItems` the walk reads no more than that many items and ends there (see {@link PagingOptions.maxItems}).
 * @throws RangeError when `maxItems` is given without `limit`, or is not a positive whole number.
 */
export async function forEachPage<T>(
  client: Pick<ApiClient, 'get' | 'apiUrl'>,
  path: string,
  embeddedKey: string,
  // biome-ignore lint/suspicious/noConfusingVoidType: a callback that returns nothing (an async function's Promise<void>) means go on.
  onPage: (items: T[], page: { hasNext: boolean }) => Promise<void | 'stop'> | void | 'stop',
  options: PagingOptions = {},
): Promise<PagingResult> {
  const limits = { ...defaultListLimits, ...definedLimits(options) };
  const left = itemsLeft(options);
  const apiBase = new URL(client.apiUrl);
  let next: string | undefined = withLimit(path, left.limit());
  const first = resolveApiUrl(apiBase, next);
  const seen = new Set<string>([first.href]);
  const progress = trackProgress(path, limits.maxListItems);
  let pages = 0;
  while (next !== undefined) {
    const page = (await client.get(next)) as Page | null;
    pages += 1;
    const answered = readItems<T>(page, embeddedKey, path);
    if (answered.length > limits.maxPageItems) {
      throw new ApiError({ kind: 'limit', path, reason: `a page holds ${answered.length} items, over the cap of ${limits.maxPageItems} (--max-page-items); not read` });
    }
    // Items past `maxItems` are dropped before they are counted or held: a server that ignored `limit` cannot push the walk past its caps.
    const items = left.take(answered);
    const href = page?._links?.next?.href;
    const hasNext = typeof href === 'string' && href !== '';
    progress.check(items, page, { first: pages === 1, last: !hasNext });
    if ((await onPage(items, { hasNext })) === 'stop') break;
    if (left.spent()) return { pages, cut: items.length < answered.length || hasNext };
    if (!hasNext) {
      const mismatch = progress.mismatch();
      if (mismatch !== undefined) options.onCountMismatch?.({ path, ...mismatch });
      break;
    }
    if (pages >= limits.maxPages) {
      throw new ApiError({ kind: 'limit', path, reason: `the list goes on past ${limits.maxPages} pages (--max-pages); not read to the end` });
    }
    const url = followable(apiBase, href, path, first);
    const cursor = url.searchParams.get('cursor');
    if (seen.has(url.href) || (cursor !== null && seen.has(`cursor:${cursor}`))) {
      throw new ApiError({ kind: 'paging', path, reason: `paging cycle: the next link repeats an earlier page after ${pages} pages; not followed` });
    }
    seen.add(url.href);
    if (cursor !== null) seen.add(`cursor:${cursor}`);
    next = left.askFor(url).href;
  }
  return { pages, cut: false };
}

/** The `maxItems` budget of one walk: what each request asks for, and what of each page is kept. */
function itemsLeft(options: PagingOptions) {
  const { limit, maxItems } = options;
  if (maxItems !== undefined && (limit === undefined || !Number.isSafeInteger(maxItems) || maxItems < 1)) {
    throw new RangeError(`maxItems must be a positive whole number given with limit; got ${maxItems}${limit === undefined ? ' without limit' : ''}`);
  }
  let left = maxItems ?? Number.POSITIVE_INFINITY;
  const askedLimit = () => (limit === undefined ? undefined : Math.min(limit, left));
  return {
    limit: askedLimit,
    take<T>(items: T[]): T[] {
      const kept = items.length > left ? items.slice(0, left) : items;
      left -= kept.length;
      return kept;
    },
    spent: () => left === 0,
    /**
     * The next link, followed as sent unless fewer items are left than `limit`: then with its `limit` lowered to
     * them (added when it has none). Only that parameter is rewritten: the cursor and filter stay byte for byte.
     */
    askFor(url: URL): URL {
      const wanted = askedLimit();
      if (limit === undefined || wanted === undefined || wanted >= limit) return url;
      const asked = new URL(url);
      const query = url.search
        .slice(1)
        .split('&')
        .filter((part) => part !== '' && !/^limit(=|$)/.test(part));
      asked.search = `?${[...query, `limit=${wanted}`].join('&')}`;
      return asked;
    },
  };
}

/**
 * Every item of a collection, in the order PingOne returned them.
 * @throws ApiError (kind `limit`) when the list would hold more than `maxListItems`, before that page is kept:
 * a server sending endless pages of new ids fails the read rather than the run's memory.
 */
export async function getAll<T>(client: Pick<ApiClient, 'get' | 'apiUrl'>, path: string, embeddedKey: string, options: PagingOptions = {}): Promise<T[]> {
  const items: T[] = [];
  await forEachPage<T>(
    client,
    path,
    embeddedKey,
    (page) => {
      // Not push(...page): spreading a page of some 100,000 items overflows the stack.
      for (const item of page) items.push(item);
    },
    options,
  );
  return items;
}

/**
 * A list that has stopped making progress is cut off at once rather than after its page cap, which
 * at 10 requests a second could take hours: an id returned twice, or more items than the list's own `count`.
 * Past `maxListItems` it fails before the page's ids are held.
 */
function trackProgress(path: string, maxListItems: number) {
  const ids = new Set<string>();
  let returned = 0;
  let largestCount: number | undefined;
  let lastCount: number | undefined;
  return {
    check(items: readonly unknown[], page: Page | null, where: { first: boolean; last: boolean }) {
      if (returned + items.length > maxListItems) {
        throw new ApiError({ kind: 'limit', path, reason: `the list holds more than ${maxListItems} items (--max-list-items); not read to the end` });
      }
      returned += items.length;
      // PingOne's `count` is the size of the whole list; it may grow while the list is read, never past what is returned.
      if (typeof page?.count === 'number') {
        lastCount = page.count;
        largestCount = Math.max(largestCount ?? 0, page.count);
      }
      if (largestCount !== undefined && returned > largestCount) {
        throw new ApiError({ kind: 'paging', path, reason: `the list returned ${returned} items, more than its own count of ${largestCount}: cut off` });
      }
      // One answer that counts items it neither holds nor links to is cut short, not a list emptied while read.
      // (A `size` over the items is refused with the page, by readItems.)
      if (where.first && where.last && items.length === 0 && lastCount !== undefined && lastCount > 0) {
        throw new ApiError({ kind: 'malformed', path, reason: `the answer holds no items and no next link, yet counts ${lastCount}: truncated` });
      }
      for (const item of items) {
        const id = (item as { id?: unknown } | null)?.id;
        if (typeof id !== 'string') continue;
        if (ids.has(id)) throw new ApiError({ kind: 'paging', path, reason: `the list returned ${id} a second time after ${returned - items.length} items: cut off` });
        ids.add(id);
      }
    },
    /** What the list returned against the latest `count` a page gave, when they differ. */
    mismatch: (): Omit<CountMismatch, 'path'> | undefined => (lastCount === undefined || lastCount === returned ? undefined : { returned, count: lastCount }),
  };
}

function definedLimits(options: PagingOptions): Partial<ListLimits> {
  const limits: Partial<ListLimits> = {};
  if (options.maxPageItems !== undefined) limits.maxPageItems = options.maxPageItems;
  if (options.maxPages !== undefined) limits.maxPages = options.maxPages;
  if (options.maxListItems !== undefined) limits.maxListItems = options.maxListItems;
  return limits;
}

function withLimit(path: string, limit: number | undefined): string {
  if (limit === undefined || /[?&]limit=/.test(path)) return path;
  return `${path}${path.includes('?') ? '&' : '?'}limit=${limit}`;
}

/**
 * The items of one page, from `_embedded.<embeddedKey>`. PingOne's collections are HAL `EntityArray`s
 * whose list is under `_embedded` (Ping's generated Go client declares `_embedded` required on its
 * DaVinci collection responses, `pingidentity/pingone-go-client` `model_da_vinci_application_collection_response.go`;
 * the management OpenAPI's `EntityArray` leaves it optional). No Ping source says an empty list is sent
 * without it, so a page without the list counts as empty only when its own `size` or `count` is 0.
 * @throws ApiError (kind `malformed`) when the page is not an object, has a `count` or `size` that is not a
 * whole number, has no list and does not say it is empty, holds an item that is not an object, or holds another
 * number of items than its `size` ("the number of items on this page", developer.pingidentity.com "Paging and ordering collections").
 */
function readItems<T>(page: Page | null, embeddedKey: string, path: string): T[] {
  if (typeof page !== 'object' || page === null) throw new ApiError({ kind: 'malformed', path, reason: 'the answer is not a collection' });
  assertTally(page, 'count', path);
  assertTally(page, 'size', path);
  const items = page._embedded?.[embeddedKey];
  if (Array.isArray(items)) {
    const stray = items.findIndex((item) => typeof item !== 'object' || item === null || Array.isArray(item));
    if (stray !== -1) throw new ApiError({ kind: 'malformed', path, reason: `item ${stray + 1} of the page is not a resource (an object)` });
    // `size` is the items on this page: fewer items than it says is an answer cut short, more is not the page it claims to be.
    if (page.size !== undefined && page.size !== items.length) {
      throw new ApiError({ kind: 'malformed', path, reason: `the page holds ${items.length} items, yet its size is ${page.size}: not read` });
    }
    return items as T[];
  }
  // A page with no list is read as empty only when it says so (`size` or `count` 0): a proxy or captive portal
  // answering `{}` to everything must not pass for a tenant with nothing in it.
  if (items === undefined && (page.size === 0 || page.count === 0)) return [];
  throw new ApiError({ kind: 'malformed', path, reason: `the answer has no _embedded.${embeddedKey} list` });
}

/**
 * A page's `count` or `size` is absent or a whole number of items up to 2^53 - 1 (the OpenAPI's `EntityArray` numbers): a
 * string, a fraction or a negative one would otherwise be ignored, and a truncated answer read as a short list.
 * @throws ApiError (kind `malformed`) naming the member and the value's kind, never a string's text.
 */
function assertTally(page: Page, member: 'count' | 'size', path: string): void {
  const value = page[member];
  if (value === undefined || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)) return;
  const shown = typeof value === 'number' ? String(value) : value === null ? 'null' : `a ${Array.isArray(value) ? 'list' : typeof value}`;
  throw new ApiError({ kind: 'malformed', path, reason: `the page's ${member} is ${shown}, not a plausible number of items: not read` });
}

/** The next link as a URL on the same collection as `first`, with the same filter; anything else is refused. */
function followable(apiBase: URL, href: string, path: string, first: URL): URL {
  let url: URL;
  try {
    // Absolute links are the rule; a root-relative one is read against the API origin, not its base path.
    url = resolveApiUrl(apiBase, new URL(href, apiBase.origin).href);
  } catch (error) {
    if (!(error instanceof RefusedRequestError) && !(error instanceof TypeError)) throw error;
    const where = URL.canParse(href, apiBase.origin) ? new URL(href, apiBase.origin) : undefined;
    const reason =
      where === undefined
        ? 'next link is not a URL: not followed'
        : where.host !== '' && where.host !== apiBase.host
          ? `next link points to another host (${where.host}): not followed`
          : where.protocol !== apiBase.protocol
            ? // A scheme is letters, digits and `+-.` (WHATWG URL), safe to show; `http:` on the API's host would send the token in clear.
              `next link uses another scheme (${where.protocol.slice(0, -1)}): not followed`
            : `next link leaves the API (${relativeApiPath(new URL(apiBase.origin), where)}): not followed`;
    throw new ApiError({ kind: 'paging', path, reason });
  }
  // Another environment's applications must not be merged into this one's, nor every user read as a group's members.
  if (url.pathname !== first.pathname) {
    throw new ApiError({ kind: 'paging', path, reason: `next link leaves the collection (${relativeApiPath(apiBase, url)}): not followed` });
  }
  if (url.searchParams.get('filter') !== first.searchParams.get('filter')) {
    throw new ApiError({ kind: 'paging', path, reason: 'next link changes the filter of the list: not followed' });
  }
  return url;
}
