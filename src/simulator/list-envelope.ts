import type { ApiError } from './api-errors.js';
import { choosePage, encodeCursor, pageHref } from './paging.js';
import type { Resource } from './route-types.js';
import type { RequestFaults } from './faults.js';

/** A request for a list, and the items it may answer with. */
export interface ListRequest {
  origin: string;
  /** Full request pathname, including `/v1`. */
  pathname: string;
  query: URLSearchParams;
  key: string;
  items: Resource[];
  /** Page cap for paged collections; undefined answers everything at once. */
  pageCap: number | undefined;
  faults: RequestFaults;
}

/** An `EntityArray` page: `_links` (self, next, prev), `_embedded.<key>`, `count`, `size`. */
export function listEnvelope(request: ListRequest): { body: Resource } | { error: ApiError } {
  const { origin, pathname, query, key, items, pageCap, faults } = request;
  const self = { href: `${origin}${pathname}${query.size > 0 ? `?${query.toString()}` : ''}` };
  if (pageCap === undefined) return { body: { _links: { self }, _embedded: { [key]: items }, count: items.length, size: items.length } };

  const page = choosePage(items.length, pageCap, query, pathname);
  if ('status' in page) return { error: page };
  const slice = items.slice(page.offset, page.offset + page.size);
  const links: Record<string, { href: string }> = { self };
  let nextOffset = page.nextOffset;
  // Both faults need a next link where the list would end: back to the first page.
  if (nextOffset === undefined && (faults.pagingCycle === true || faults.foreignOrigin !== undefined)) nextOffset = 0;
  if (nextOffset !== undefined) {
    links.next = { href: pageHref(faults.foreignOrigin ?? origin, pathname, query, encodeCursor(nextOffset, pathname)) };
  }
  if (page.previousOffset !== undefined) links.prev = { href: pageHref(origin, pathname, query, encodeCursor(page.previousOffset, pathname)) };
  return { body: { _links: links, _embedded: { [key]: slice }, count: items.length, size: slice.length } };
}
