import type { SnapshotIndex } from '../snapshot/lookup.js';
import type { Application, EnvironmentSnapshot, User } from '../snapshot/model.js';
import { bestCoverage, compareCoverage, type RoleCoverage } from './role-coverage.js';

/**
 * Who may sign in to an application, as far as the snapshot tells, seen through role holders:
 * a user without any role covers nothing, so only the environment's role holders are listed.
 */
export interface SignInAudience {
  /** Role-holding users who may sign in, in the environment's user order. */
  users: User[];
  /** Enabled role-holding users of the environment that `accessControl.group` keeps out. */
  excluded: User[];
  /** Whether `accessControl.group` keeps out any enabled user of the environment, role or not. */
  excludesSomeone: boolean;
  /**
   * False when some user who may sign in had direct or group role assignments that were not
   * collected: that user may be the admin the app relies on.
   */
  rolesCollected: boolean;
  /**
   * False when the app restricts sign-in to groups whose members were not collected (the
   * collector reads members of role-holding groups only): `users` then ignores the restriction.
   */
  restrictionApplied: boolean;
}

/**
 * PingOne signs into an application the users of the application's own environment, so only
 * those count; disabled users cannot sign in. `accessControl.role` (ADMIN_USERS_ONLY) is not
 * applied: every user it would keep out holds no admin role, so it never changes who covers.
 */
export function signInAudience(app: Application, env: EnvironmentSnapshot, index: SnapshotIndex): SignInAudience {
  // Apps of one environment share few distinct audiences; computing each once keeps a rule over
  // thousands of apps and users linear instead of apps × users. The arrays are shared: read only.
  const restriction = app.accessControl?.group;
  const key = `${restriction?.type ?? ''}:${(restriction?.groups ?? [])
    .map((group) => group.id)
    .sort()
    .join(',')}`;
  return valueFor(
    cachedPer(audiences, index, env, () => new Map<string, SignInAudience>()),
    key,
    () => computeAudience(app, env, index),
  );
}

const audiences = new WeakMap<SnapshotIndex, WeakMap<object, Map<string, SignInAudience>>>();
const coverages = new WeakMap<SnapshotIndex, WeakMap<object, Map<string, Pick<UsersCoverage, 'best'>>>>();

/** The value for (index, key object), made once: caches die with the snapshot's index. */
function cachedPer<V>(cache: WeakMap<SnapshotIndex, WeakMap<object, V>>, index: SnapshotIndex, key: object, make: () => V): V {
  return valueFor(
    valueFor(cache, index, () => new WeakMap<object, V>()),
    key,
    make,
  );
}

/** The map's value for `key`, made and stored on first use. */
function valueFor<K, V>(map: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

function computeAudience(app: Application, env: EnvironmentSnapshot, index: SnapshotIndex): SignInAudience {
  const environmentId = env.environment.id;
  const enabled = (user: User) => user.enabled !== false;
  const holders = [...index.roleHolders(environmentId).keys()].filter(enabled);
  const uncollected = index.rolesUncollected(environmentId).filter(enabled);
  const everyone = { users: holders, excluded: [], excludesSomeone: false, rolesCollected: uncollected.length === 0 };
  const restriction = app.accessControl?.group;
  const groupIds = (restriction?.groups ?? []).map((group) => group.id);
  if (groupIds.length === 0) return { ...everyone, restrictionApplied: true };
  const membershipKnown = groupIds.every((id) => (index.group(environmentId, id)?._embedded?.roleAssignments?.length ?? 0) > 0);
  if (!membershipKnown) return { ...everyone, restrictionApplied: false };
  const isMember = (user: User, groupId: string) => (user.memberOfGroupIDs ?? []).includes(groupId);
  const allowed = (user: User) => (restriction?.type === 'ALL_GROUPS' ? groupIds.every((id) => isMember(user, id)) : groupIds.some((id) => isMember(user, id)));
  return {
    users: holders.filter(allowed),
    excluded: holders.filter((user) => !allowed(user)),
    excludesSomeone: env.users.some((user) => enabled(user) && !allowed(user)),
    rolesCollected: !uncollected.some(allowed),
    restrictionApplied: true,
  };
}

/** The best coverage any of the users holds in the environment, directly or through a group. */
export interface UsersCoverage {
  best: (RoleCoverage & { user: User }) | undefined;
  /**
   * False when some user who may sign in had direct or group role assignments that were not collected,
   * or the snapshot left out users or groups of the environment that may hold roles.
   */
  complete: boolean;
}

/** The best coverage among the users who may sign in; incomplete when some of them, or some admin of the environment, was not collected. */
export function audienceCoverage(audience: SignInAudience, environmentId: string, index: SnapshotIndex): UsersCoverage {
  // A user or group left out of the snapshot may be the admin that signs in.
  return { best: bestUserCoverage(audience.users, environmentId, index), complete: audience.rolesCollected && !index.actorsLeftOut(environmentId) };
}

/** The best coverage any of the users holds in the environment (first user first among equals), or undefined. */
export function bestUserCoverage(users: readonly User[], environmentId: string, index: SnapshotIndex): UsersCoverage['best'] {
  return valueFor(
    cachedPer(coverages, index, users, () => new Map<string, Pick<UsersCoverage, 'best'>>()),
    environmentId,
    () => ({ best: computeUserCoverage(users, environmentId, index) }),
  ).best;
}

function computeUserCoverage(users: readonly User[], environmentId: string, index: SnapshotIndex): UsersCoverage['best'] {
  let best: UsersCoverage['best'];
  for (const user of users) {
    const roles = index.userRoles(environmentId, user);
    if (roles.length === 0) continue;
    const coverage = bestCoverage(roles, environmentId, index);
    if (coverage && (best === undefined || compareCoverage(coverage, best) < 0)) best = { ...coverage, user };
  }
  return best;
}
