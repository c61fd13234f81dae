import type { SnapshotIndex } from '../snapshot/lookup.js';
import type { Application, EnvironmentSnapshot, User } from '../snapshot/model.js';
import { bestCoverage, compareCoverage, type RoleCoverage } from './role-coverage.js';

/** The admin users who may sign in to an application, as far as the snapshot tells. */
export interface SignInAudience {
  users: User[];
  /** Enabled admin users of the environment that `accessControl.group` keeps out. */
  excluded: User[];
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
const coverages = new WeakMap<SnapshotIndex, WeakMap<object, Map<string, UsersCoverage>>>();

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
  const candidates = env.users.filter((user) => user.enabled !== false);
  const restriction = app.accessControl?.group;
  const groupIds = (restriction?.groups ?? []).map((group) => group.id);
  if (groupIds.length === 0) return { users: candidates, excluded: [], restrictionApplied: true };
  const membershipKnown = groupIds.every((id) => (index.group(environmentId, id)?._embedded?.roleAssignments?.length ?? 0) > 0);
  if (!membershipKnown) return { users: candidates, excluded: [], restrictionApplied: false };
  const isMember = (user: User, groupId: string) => (user.memberOfGroupIDs ?? []).includes(groupId);
  const allowed = (user: User) => (restriction?.type === 'ALL_GROUPS' ? groupIds.every((id) => isMember(user, id)) : groupIds.some((id) => isMember(user, id)));
  return { users: candidates.filter(allowed), excluded: candidates.filter((user) => !allowed(user)), restrictionApplied: true };
}

/** The best coverage any of the users holds in the environment, directly or through a group. */
export interface UsersCoverage {
  best: (RoleCoverage & { user: User }) | undefined;
  /** False when some user's direct or group role assignments were not collected. */
  complete: boolean;
}

export function bestUserCoverage(users: readonly User[], environmentId: string, index: SnapshotIndex): UsersCoverage {
  return valueFor(
    cachedPer(coverages, index, users, () => new Map<string, UsersCoverage>()),
    environmentId,
    () => computeUserCoverage(users, environmentId, index),
  );
}

function computeUserCoverage(users: readonly User[], environmentId: string, index: SnapshotIndex): UsersCoverage {
  let best: UsersCoverage['best'];
  // A user or group left out of the snapshot may be the admin that signs in.
  let complete = !index.actorsLeftOut(environmentId);
  for (const user of users) {
    if (!rolesCollected(user, environmentId, index)) complete = false;
    const roles = index.userRoles(environmentId, user);
    // Most users hold no role: they cover nothing, and skipping them keeps large environments cheap.
    if (roles.length === 0) continue;
    const coverage = bestCoverage(roles, environmentId, index);
    if (coverage && (best === undefined || compareCoverage(coverage, best) < 0)) best = { ...coverage, user };
  }
  return { best, complete };
}

function rolesCollected(user: User, environmentId: string, index: SnapshotIndex): boolean {
  if (user._embedded?.roleAssignments === undefined) return false;
  return (user.memberOfGroupIDs ?? []).every((id) => index.group(environmentId, id)?._embedded?.roleAssignments !== undefined);
}
