import type { CollectionEntry } from './model.js';

/** A failed read in words, e.g. "GET /environments/…/users → 403 (ACCESS_FAILED)"; the kind when the path is unknown. */
export function describeCollectionFailure(entry: Pick<CollectionEntry, 'kind' | 'path' | 'httpStatus' | 'error'>): string {
  const request = entry.path === undefined ? entry.kind : `GET ${entry.path}`;
  const status = entry.httpStatus === undefined ? 'failed' : `→ ${entry.httpStatus}`;
  return `${request} ${status}${entry.error === undefined ? '' : ` (${entry.error})`}`;
}
