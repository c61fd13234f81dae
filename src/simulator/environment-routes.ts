import type { ApiRef, ApiUser } from './api-types.js';
import type { DatasetEnvironment } from './dataset.js';
import { notFound } from './api-errors.js';
import type { PagedCollection } from './paging.js';
import type { Area } from './permissions.js';
import { filtered, present, presentRoleAssignment } from './resource-views.js';
import { readPath, type AttributeReader } from './scim-filter.js';
import type { Resource, Route, RouteContext } from './route-types.js';

type Item = { id: string } & object;
type Params = Readonly<Record<string, string>>;

/** One collection under `/environments/{envId}`: its list route and its item route. */
interface EnvironmentCollection {
  /** Path below the environment, e.g. `/applications/{appId}/grants`. */
  path: string;
  /** `_embedded` key of the list. */
  key: string;
  area: Area;
  /** Name of the item id parameter in the item route (`appId` lets APPLICATION scopes apply). */
  itemParam?: string;
  /** The items, or undefined when the parent named in the path does not exist (404). */
  items(environment: DatasetEnvironment, params: Params, context: RouteContext): Item[] | undefined;
  paged?: PagedCollection;
  filterAttributes?: readonly string[];
  read?: AttributeReader;
  present?(item: Item, context: RouteContext, selfPath: string, environmentId: string): Resource;
}

function childrenOf<T extends object>(items: T[], field: string, parentId: string): T[] {
  return items.filter((item) => ((item as Record<string, unknown>)[field] as ApiRef | undefined)?.id === parentId);
}

/** Items under a parent found by id, or undefined when the parent does not exist. */
function under<P extends { id: string }, T extends object>(parents: P[], parentId: string | undefined, children: (parent: P) => T[]): T[] | undefined {
  const parent = parents.find((candidate) => candidate.id === parentId);
  return parent === undefined ? undefined : children(parent);
}

const roleAssignmentView = (item: Item, context: RouteContext, selfPath: string, environmentId: string): Resource =>
  presentRoleAssignment(item as Parameters<typeof presentRoleAssignment>[0], context, selfPath, environmentId);

/** `include=memberOfGroupIDs|memberOfGroupNames` adds memberships; without it PingOne leaves them out. */
function presentUser(item: Item, context: RouteContext, selfPath: string, environmentId: string): Resource {
  const { memberOfGroupIDs, memberOfGroupNames: _names, ...user } = item as ApiUser;
  const include = (context.query.get('include') ?? '').split(',');
  const served: Record<string, unknown> = { ...user };
  const groupIds = memberOfGroupIDs ?? [];
  if (include.includes('memberOfGroupIDs')) served.memberOfGroupIDs = groupIds;
  if (include.includes('memberOfGroupNames')) {
    const groups = context.index.environment(environmentId)?.groups ?? [];
    served.memberOfGroupNames = groupIds.map((id) => groups.find((group) => group.id === id)?.name ?? id);
  }
  return present(served, context, selfPath, environmentId, {
    roleAssignments: { href: context.href(`/environments/${environmentId}/users/${item.id}/roleAssignments`) },
  });
}

const readUserAttribute: AttributeReader = (item, attribute) =>
  attribute === 'memberOfGroups' ? ((item.memberOfGroupIDs as string[] | undefined) ?? []).map((id) => ({ id })) : readPath(item, attribute);

type ListOf = (environment: DatasetEnvironment) => Item[];

/**
 * A sub-collection such as `/applications/{appId}/grants`: the children whose `field.id` is the
 * parent named by `param` (404 when that parent does not exist).
 */
function childCollection(path: string, key: string, area: Area, parents: ListOf, children: ListOf, field: string, extra: Partial<EnvironmentCollection> = {}): EnvironmentCollection {
  const param = /\{(\w+)\}/.exec(path)?.[1] ?? '';
  return { path, key, area, items: (env, params) => under(parents(env), params[param], (parent) => childrenOf(children(env), field, parent.id)), ...extra };
}

const applications: ListOf = (env) => env.applications;
const users: ListOf = (env) => env.users;
const groups: ListOf = (env) => env.groups;
const roleAssignments: ListOf = (env) => env.roleAssignments;
const roleAssignmentViews = { present: roleAssignmentView };

const collections: EnvironmentCollection[] = [
  { path: '/applications', key: 'applications', area: 'applications', itemParam: 'appId', paged: 'applications', items: applications },
  childCollection('/applications/{appId}/grants', 'grants', 'applications', applications, (env) => env.grants, 'application'),
  childCollection('/applications/{appId}/signOnPolicyAssignments', 'signOnPolicyAssignments', 'applications', applications, (env) => env.signOnPolicyAssignments, 'application'),
  childCollection('/applications/{appId}/flowPolicyAssignments', 'flowPolicyAssignments', 'applications', applications, (env) => env.flowPolicyAssignments, 'application'),
  childCollection('/applications/{appId}/attributes', 'attributes', 'applications', applications, (env) => env.applicationAttributes, 'application'),
  childCollection('/applications/{appId}/roleAssignments', 'roleAssignments', 'applications', applications, roleAssignments, 'application', roleAssignmentViews),
  {
    path: '/users',
    key: 'users',
    area: 'identities',
    paged: 'users',
    items: users,
    filterAttributes: ['id', 'username', 'email', 'name.given', 'name.family', 'population.id', 'enabled', 'externalId', 'accountId', 'lifecycle.status', 'memberOfGroups'],
    read: readUserAttribute,
    present: presentUser,
  },
  childCollection('/users/{userId}/roleAssignments', 'roleAssignments', 'identityRoleAssignments', users, roleAssignments, 'user', roleAssignmentViews),
  {
    path: '/users/{userId}/memberOfGroups',
    key: 'groupMemberships',
    area: 'identities',
    paged: 'groupMemberships',
    items: (env, params) =>
      under(env.users, params.userId, (user) => env.groups.filter((group) => user.memberOfGroupIDs?.includes(group.id)).map((group) => ({ id: group.id, name: group.name, type: 'DIRECT' }))),
  },
  { path: '/groups', key: 'groups', area: 'identities', paged: 'groups', items: groups, filterAttributes: ['id', 'name', 'population.id', 'externalId'] },
  childCollection('/groups/{groupId}/roleAssignments', 'roleAssignments', 'identityRoleAssignments', groups, roleAssignments, 'group', roleAssignmentViews),
  { path: '/populations', key: 'populations', area: 'identities', paged: 'populations', items: (env) => env.populations, filterAttributes: ['id', 'name'] },
  { path: '/signOnPolicies', key: 'signOnPolicies', area: 'policies', items: (env) => env.signOnPolicies },
  childCollection(
    '/signOnPolicies/{policyId}/actions',
    'actions',
    'policies',
    (env) => env.signOnPolicies,
    (env) => env.signOnPolicyActions,
    'signOnPolicy',
  ),
  { path: '/gateways', key: 'gateways', area: 'gateways', items: (env) => env.gateways },
  childCollection('/gateways/{gatewayId}/roleAssignments', 'roleAssignments', 'gateways', (env) => env.gateways, roleAssignments, 'gateway', roleAssignmentViews),
  {
    path: '/roles',
    key: 'roles',
    area: 'environment',
    // This list holds the built-in roles too, told apart by `type`.
    items: (env, _params, context) => [...context.index.dataset.roles.map((role) => ({ ...role, type: 'PLATFORM' })), ...env.customRoles],
    filterAttributes: ['type'],
  },
  { path: '/keys', key: 'keys', area: 'settings', items: (env) => env.keys },
  { path: '/certificates', key: 'certificates', area: 'settings', items: (env) => env.certificates },
  { path: '/subscriptions', key: 'subscriptions', area: 'settings', items: (env) => env.subscriptions },
  { path: '/customDomains', key: 'customDomains', area: 'settings', items: (env) => env.customDomains },
  { path: '/resources', key: 'resources', area: 'applications', items: (env) => env.resources },
  childCollection(
    '/resources/{resourceId}/scopes',
    'scopes',
    'applications',
    (env) => env.resources,
    (env) => env.resourceScopes,
    'resource',
  ),
  { path: '/passwordPolicies', key: 'passwordPolicies', area: 'policies', items: (env) => env.passwordPolicies },
  { path: '/deviceAuthenticationPolicies', key: 'deviceAuthenticationPolicies', area: 'policies', items: (env) => env.deviceAuthenticationPolicies },
  { path: '/fido2Policies', key: 'fido2Policies', area: 'policies', items: (env) => env.fido2Policies },
  { path: '/identityProviders', key: 'identityProviders', area: 'policies', items: (env) => env.identityProviders },
];

function routesOf(collection: EnvironmentCollection): Route[] {
  const base = `/environments/{envId}${collection.path}`;
  const itemParam = collection.itemParam ?? 'itemId';
  const view = collection.present ?? ((item, context, selfPath, environmentId) => present(item, context, selfPath, environmentId));
  const selfPathOf = (context: RouteContext, id: string): string => `${base.replace(/\{(\w+)\}/g, (_whole, name: string) => context.params[name] ?? '')}/${id}`;
  const itemsOf = (context: RouteContext): Item[] | undefined => {
    const environment = context.index.environment(context.params.envId ?? '');
    return environment === undefined ? undefined : collection.items(environment, context.params, context);
  };
  return [
    {
      pattern: base,
      area: collection.area,
      resolve(context) {
        const items = itemsOf(context);
        if (items === undefined) return { error: notFound() };
        const selected = collection.filterAttributes === undefined ? { items } : filtered(items, context, collection.filterAttributes, collection.read);
        if ('error' in selected) return selected;
        const envId = context.params.envId ?? '';
        const served = selected.items.map((item) => view(item, context, selfPathOf(context, item.id), envId));
        return collection.paged === undefined ? { list: collection.key, items: served } : { list: collection.key, items: served, paged: collection.paged };
      },
    },
    {
      pattern: `${base}/{${itemParam}}`,
      area: collection.area,
      resolve(context) {
        const item = itemsOf(context)?.find((candidate) => candidate.id === context.params[itemParam]);
        if (item === undefined) return { error: notFound() };
        return { item: view(item, context, selfPathOf(context, item.id), context.params.envId ?? '') };
      },
    },
  ];
}

/** The list and item routes of every collection under `/environments/{envId}`. */
export const environmentRoutes: Route[] = collections.flatMap(routesOf);
