import { createHash } from 'node:crypto';
import { invalidParameter, type ApiError } from './api-errors.js';

/** The collections that page with `limit` and `cursor`; the others answer in one response. */
export type PagedCollection = 'environments' | 'organizations' | 'applications' | 'users' | 'groups' | 'groupMemberships' | 'populations';

/** PingOne's largest page per collection (users: "page size limit of 200 … may be smaller"). */
export const defaultPageSizes: Readonly<Record<PagedCollection, number>> = {
  environments: 100,
  organizations: 100,
  applications: 100,
  users: 200,
  groups: 100,
  groupMemberships: 100,
  populations: 100,
};

/** The slice of a collection one answer holds, with the offsets of its neighbours. */
export interface Page {
  offset: number;
  size: number;
  /** Offset of the next page, when there is one. */
  nextOffset?: number;
  previousOffset?: number;
}

/** The opaque `cursor` of a page: it names its collection, so that one from another list (or a made-up one) is refused. */
export function encodeCursor(offset: number, collectionPath: string): string {
  return Buffer.from(`${offset}.${fingerprint(collectionPath)}`).toString('base64url');
}

function decodeCursor(cursor: string, collectionPath: string): number | undefined {
  const [offset, print] = Buffer.from(cursor, 'base64url').toString('utf8').split('.');
  if (print !== fingerprint(collectionPath) || offset === undefined || !/^\d+$/.test(offset)) return undefined;
  return Number(offset);
}

function fingerprint(collectionPath: string): string {
  return createHash('sha256').update(collectionPath).digest('base64url').slice(0, 12);
}

/** Which slice of `total` items a request asks for: `limit` honoured up to `cap`. */
export function choosePage(total: number, cap: number, query: URLSearchParams, collectionPath: string): Page | ApiError {
  const limitText = query.get('limit');
  let size = cap;
  if (limitText !== null) {
    const limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1) return invalidParameter('limit', 'limit must be a positive integer.');
    size = Math.min(limit, cap);
  }
  const cursor = query.get('cursor');
  let offset = 0;
  if (cursor !== null) {
    const decoded = decodeCursor(cursor, collectionPath);
    if (decoded === undefined) return invalidParameter('cursor', 'The cursor is not valid for this collection.', 'INVALID_PARAMETER');
    offset = decoded;
  }
  const page: Page = { offset, size };
  if (offset + size < total) page.nextOffset = offset + size;
  if (offset > 0) page.previousOffset = Math.max(0, offset - size);
  return page;
}

/** The request's URL with its cursor replaced, keeping `limit`, `filter` and the rest. */
export function pageHref(origin: string, pathname: string, query: URLSearchParams, cursor: string): string {
  const next = new URLSearchParams(query);
  next.set('cursor', cursor);
  return `${origin}${pathname}?${next.toString()}`;
}
