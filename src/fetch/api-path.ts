import { ApiError } from './api-error.js';

/**
 * A Management API path with every interpolated id percent-encoded, so that an id is one path
 * segment whatever it holds: `a/b`, `?x`, `#`. Ids come from the API itself and are hostile like
 * any tenant data. `.` and `..` cannot be encoded away (URL parsing reads `%2e%2e` as `..` too), so
 * such an id throws an ApiError (kind `malformed`) instead of reading another resource.
 *
 * ```ts
 * apiPath`/environments/${environmentId}/applications/${appId}/grants`
 * ```
 */
export function apiPath(parts: TemplateStringsArray, ...ids: readonly string[]): string {
  let path = parts[0] ?? '';
  ids.forEach((id, index) => {
    if (/^\.{1,2}$/.test(id)) {
      throw new ApiError({ kind: 'malformed', path: `${path}${id}`, reason: `the API named a resource ${JSON.stringify(id)}, which is no id; not read` });
    }
    path += encodeURIComponent(id) + (parts[index + 1] ?? '');
  });
  return path;
}
