import type { ApiRoleAssignment } from './api-types.js';
import { FilterError, parseFilter, type AttributeReader } from './scim-filter.js';
import { invalidParameter } from './api-errors.js';
import { isReadOnlyFor } from './permissions.js';
import type { Resource, RouteContext, RouteResult } from './route-types.js';

type Links = Record<string, { href: string }>;

/** An item as the API serves it: `_links` first, then the fields, with `environment.id` filled in. */
export function present(item: object, context: RouteContext, selfPath: string, environmentId?: string, links: Links = {}): Resource {
  const allLinks: Links = { self: { href: context.href(selfPath) } };
  if (environmentId !== undefined) allLinks.environment = { href: context.href(`/environments/${environmentId}`) };
  const body: Resource = { _links: { ...allLinks, ...links }, ...item };
  if (environmentId !== undefined) body.environment = { id: environmentId };
  return body;
}

/**
 * A role assignment as PingOne serves it: no `user` field (the assignee is in the URL), `readOnly`
 * relative to the caller, and with `expand=role` the role under `_embedded`.
 */
export function presentRoleAssignment(assignment: ApiRoleAssignment, context: RouteContext, selfPath: string, environmentId: string): Resource {
  const { user: _assignee, ...served } = assignment;
  const body = present({ ...served, readOnly: isReadOnlyFor(context.index, context.actor, assignment, environmentId) }, context, selfPath, environmentId, {
    role: { href: context.href(`/roles/${assignment.role.id}`) },
  });
  const role = context.query.get('expand') === 'role' ? context.index.role(assignment.role.id) : undefined;
  if (role !== undefined) body._embedded = { role: present(role, context, `/roles/${role.id}`) };
  return body;
}

/** Applies `filter=` when the collection supports it; 400 INVALID_FILTER otherwise, like PingOne. */
export function filtered<T extends object>(items: T[], context: RouteContext, attributes: readonly string[], read?: AttributeReader): { items: T[] } | Extract<RouteResult, { error: unknown }> {
  const filter = context.query.get('filter');
  if (filter === null) return { items };
  try {
    const predicate = parseFilter(filter, new Set(attributes), read);
    return { items: items.filter((item) => predicate(item as Record<string, unknown>)) };
  } catch (error) {
    if (error instanceof FilterError) return { error: invalidParameter('filter', error.message, 'INVALID_FILTER') };
    throw error;
  }
}
