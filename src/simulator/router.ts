import { environmentRoutes } from './environment-routes.js';
import { organizationRoutes } from './organization-routes.js';
import type { Route } from './route-types.js';

const routes: Array<{ route: Route; segments: string[] }> = [...organizationRoutes, ...environmentRoutes].map((route) => ({
  route,
  segments: route.pattern.split('/').filter(Boolean),
}));

/** The route serving an API path (under `/v1`), with its `{param}` values. */
export function matchRoute(path: string): { route: Route; params: Record<string, string> } | undefined {
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part));
  for (const { route, segments } of routes) {
    if (segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = segments.every((segment, i) => {
      const part = parts[i]!;
      if (!segment.startsWith('{')) return segment === part;
      params[segment.slice(1, -1)] = part;
      return true;
    });
    if (matches) return { route, params };
  }
  return undefined;
}
