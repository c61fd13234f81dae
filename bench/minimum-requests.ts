import type { Dataset, DatasetEnvironment, PagedCollection } from '../src/simulator/index.js';
import { defaultPageSizes } from '../src/simulator/paging.js';

/** The fewest requests that read everything the collector keeps, endpoint by endpoint. */
export interface MinimumRequests {
  total: number;
  /** Keyed like `manifest.collection.requestsByEndpoint` (`GET /environments/{id}/users`). */
  byEndpoint: Record<string, number>;
}

export interface MinimumRequestsOptions {
  /** The largest page the API serves per paged collection (default: the simulator's, which are PingOne's). */
  pageSizes?: Partial<Record<PagedCollection, number>>;
  /** Environments read one by one (`GET /environments/{id}`); default: listed with `GET /environments`. */
  environmentIds?: readonly string[];
  /** The collector's cap on users scanned for direct role assignments, per environment. */
  maxUsers?: number;
}

/**
 * Counts the requests a collection of `dataset` cannot do without: one token, every list page (a
 * list always costs at least one page, even empty) and one read per parent for sub-collections no
 * list carries (an app's grants, a user's direct role assignments …). The benchmark divides the
 * requests the collector made by this.
 */
export function minimumRequests(dataset: Dataset, options: MinimumRequestsOptions = {}): MinimumRequests {
  const pageSize = { ...defaultPageSizes, ...options.pageSizes };
  const counts = new Map<string, number>();
  const add = (endpoint: string, requests: number) => {
    if (requests > 0) counts.set(endpoint, (counts.get(endpoint) ?? 0) + requests);
  };
  const pages = (items: number, collection: PagedCollection) => Math.max(1, Math.ceil(items / pageSize[collection]));

  add('POST /{id}/as/token', 1);
  add('GET /roles', 1);
  const wanted = options.environmentIds === undefined ? undefined : new Set(options.environmentIds);
  const environments = dataset.environments.filter((env) => wanted === undefined || wanted.has(env.environment.id));
  if (wanted === undefined) add('GET /environments', pages(dataset.environments.length, 'environments'));
  else add('GET /environments/{id}', wanted.size);
  for (const env of environments) countEnvironment(env, options.maxUsers, add, pages);
  const byEndpoint = Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
  return { total: [...counts.values()].reduce((sum, count) => sum + count, 0), byEndpoint };
}

function countEnvironment(
  env: DatasetEnvironment,
  maxUsers: number | undefined,
  add: (endpoint: string, requests: number) => void,
  pages: (items: number, collection: PagedCollection) => number,
): void {
  const base = 'GET /environments/{id}';
  add(`${base}/applications`, pages(env.applications.length, 'applications'));
  add(`${base}/applications/{id}/grants`, env.applications.length);
  add(`${base}/applications/{id}/signOnPolicyAssignments`, env.applications.length);
  add(`${base}/applications/{id}/flowPolicyAssignments`, env.applications.length);
  add(`${base}/applications/{id}/roleAssignments`, env.applications.filter((app) => app.type === 'WORKER').length);
  add(`${base}/signOnPolicies`, 1);
  add(`${base}/signOnPolicies/{id}/actions`, env.signOnPolicies.length);
  add(`${base}/populations`, pages(env.populations.length, 'populations'));
  add(`${base}/roles`, 1);
  add(`${base}/gateways`, 1);
  add(`${base}/gateways/{id}/roleAssignments`, env.gateways.length);
  for (const list of ['keys', 'certificates', 'subscriptions', 'customDomains']) add(`${base}/${list}`, 1);
  add(`${base}/groups`, pages(env.groups.length, 'groups'));
  add(`${base}/groups/{id}/roleAssignments`, env.groups.length);
  for (const list of ['passwordPolicies', 'deviceAuthenticationPolicies', 'fido2Policies', 'identityProviders', 'resources']) add(`${base}/${list}`, 1);
  add(`${base}/resources/{id}/scopes`, env.resources.length);

  // Members are read only for groups holding a role, one filtered users list each.
  const roleGroups = new Set(env.roleAssignments.flatMap((assignment) => (assignment.group === undefined ? [] : [assignment.group.id])));
  const members = new Map<string, number>([...roleGroups].map((id) => [id, 0]));
  for (const user of env.users) {
    for (const groupId of user.memberOfGroupIDs ?? []) if (members.has(groupId)) members.set(groupId, members.get(groupId)! + 1);
  }
  const scanned = maxUsers === undefined ? env.users.length : Math.min(maxUsers, env.users.length);
  const userPages = pages(scanned, 'users');
  add(`${base}/users`, userPages + [...members.values()].reduce((sum, count) => sum + pages(count, 'users'), 0));
  add(`${base}/users/{id}/roleAssignments`, scanned);
}
