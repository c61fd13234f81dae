import type { ApiError } from './api-errors.js';
import type { Actor, DatasetIndex } from './dataset-index.js';
import type { PagedCollection } from './paging.js';
import type { Area } from './permissions.js';

/** A served resource: API-shaped JSON with `_links` first. */
export type Resource = Record<string, unknown>;

/** What a route reads: the dataset, the authenticated actor, the path parameters and the query. */
export interface RouteContext {
  index: DatasetIndex;
  actor: Actor;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** Absolute URL of an API path (`/environments/…`) on the simulator's origin. */
  href(path: string): string;
}

/** A route's answer: a list (paged or whole), one item, or an API error. */
export type RouteResult = { list: string; items: Resource[]; paged?: PagedCollection } | { item: Resource } | { error: ApiError };

/** One path of the simulated Management API. */
export interface Route {
  /** Path under `/v1` with `{param}` segments, e.g. `/environments/{envId}/users/{userId}`. */
  pattern: string;
  /**
   * The permission area an environment route needs (checked against `{envId}` and, when present,
   * `{appId}`). Organization-level routes leave it out and authorize inside `resolve`.
   */
  area?: Area;
  /** Reads a client secret: logged with `secretRead: true`. */
  secret?: boolean;
  resolve(context: RouteContext): RouteResult;
}
