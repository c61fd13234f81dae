import type { CollectionEntry } from './model.js';

/** A failed read in words, e.g. "GET /environments/…/users → 403 (ACCESS_FAILED)"; the kind when the path is unknown; "users out of scope (…)" for data outside the audit. */
export function describeCollectionFailure(entry: Pick<CollectionEntry, 'kind' | 'path' | 'httpStatus' | 'error' | 'outOfScope'>): string {
  const request = entry.path === undefined ? entry.kind : `GET ${entry.path}`;
  const status = entry.outOfScope !== undefined ? 'out of scope' : entry.httpStatus === undefined ? 'failed' : `→ ${entry.httpStatus}`;
  return `${request} ${status}${entry.error === undefined ? '' : ` (${entry.error})`}`;
}

/** A read that failed, as opposed to data outside what was audited (`outOfScope`), which is not a failure of the run. */
export function isFailedRead(entry: Pick<CollectionEntry, 'status' | 'outOfScope'>): boolean {
  return entry.status === 'failed' && entry.outOfScope === undefined;
}
