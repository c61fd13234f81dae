import type { AdminActor, EffectiveRoleAssignment, SnapshotIndex } from './lookup.js';
import type { EnvironmentSnapshot, Group, Role, RoleAssignment, Snapshot, SnapshotKind, User } from './model.js';

/** Stands for a group the snapshot does not hold in a lookup that needs a key object. */
const NO_GROUP = {} as Group;
const NO_HOLDERS: ReadonlyMap<User, EffectiveRoleAssignment[]> = new Map();

/** Kinds whose failure for one user or group hides who administers that environment. */
const ACTOR_KINDS: ReadonlySet<SnapshotKind> = new Set<SnapshotKind>(['users', 'userRoleAssignments', 'groups', 'groupRoleAssignments', 'groupMembers']);

/**
 * Builds every join the rules need, once, in time linear in the size of the snapshot. Each user's
 * effective roles (direct, then those of each group in `memberOfGroupIDs` order) are resolved here
 * and shared by every rule that asks; only role holders are kept, since most users of a large
 * environment hold none.
 */
export function buildSnapshotIndex(snapshot: Snapshot): SnapshotIndex {
  const environments = new Map(snapshot.environments.map((env) => [env.environment.id, env]));
  const roles = new Map<string, Role>();
  const rolesByName = new Map<string, Role>();
  for (const role of snapshot.roles) {
    roles.set(role.id, role);
    rolesByName.set(role.name, role);
  }
  for (const env of snapshot.environments) for (const role of env.roles) if (!roles.has(role.id)) roles.set(role.id, role);

  const resolve = (assignment: RoleAssignment, via: EffectiveRoleAssignment['via']): EffectiveRoleAssignment => ({
    assignment,
    role: roles.get(assignment.role.id),
    via,
  });

  const groupsByEnvironment = new Map<string, Map<string, Group>>();
  /** A group's role assignments resolved once; every member shares these objects (read only). */
  const groupRoles = new Map<Group, EffectiveRoleAssignment[]>();
  const populationEnvironments = new Map<string, string>();
  const groupEnvironments = new Map<string, string>();
  const applicationEnvironments = new Map<string, string>();
  for (const env of snapshot.environments) {
    const envId = env.environment.id;
    const groups = new Map<string, Group>();
    for (const group of env.groups) {
      groups.set(group.id, group);
      groupEnvironments.set(group.id, envId);
      const via = { kind: 'group' as const, groupId: group.id, groupName: group.name };
      const assignments = group._embedded?.roleAssignments ?? [];
      if (assignments.length > 0)
        groupRoles.set(
          group,
          assignments.map((a) => resolve(a, via)),
        );
    }
    groupsByEnvironment.set(envId, groups);
    for (const app of env.applications) applicationEnvironments.set(app.id, envId);
    for (const population of env.populations) populationEnvironments.set(population.id, envId);
  }

  const group = (environmentId: string, id: string) => groupsByEnvironment.get(environmentId)?.get(id);

  const effectiveRoles = (environmentId: string, user: User): EffectiveRoleAssignment[] => {
    const effective: EffectiveRoleAssignment[] = [];
    for (const assignment of user._embedded?.roleAssignments ?? []) effective.push(resolve(assignment, { kind: 'direct' }));
    for (const groupId of user.memberOfGroupIDs ?? []) {
      const found = group(environmentId, groupId);
      const inherited = found === undefined ? undefined : groupRoles.get(found);
      if (inherited !== undefined) for (const role of inherited) effective.push(role);
    }
    return effective;
  };

  const holdsRoles = (environmentId: string, user: User): boolean => {
    if ((user._embedded?.roleAssignments?.length ?? 0) > 0) return true;
    return (user.memberOfGroupIDs ?? []).some((groupId) => groupRoles.has(group(environmentId, groupId) ?? NO_GROUP));
  };

  /** Environment id → role-holding user → effective roles, in the environment's user order. */
  const roleHolders = new Map<string, Map<User, EffectiveRoleAssignment[]>>();
  /** Environment id → its users whose direct or group role assignments were not collected (usually none). */
  const rolesUncollected = new Map<string, User[]>();
  for (const env of snapshot.environments) {
    const envId = env.environment.id;
    const groups = groupsByEnvironment.get(envId)!;
    const holders = new Map<User, EffectiveRoleAssignment[]>();
    const uncollected: User[] = [];
    // One pass and one group lookup per membership; a user without roles costs no allocation.
    for (const user of env.users) {
      const direct = user._embedded?.roleAssignments;
      let holds = (direct?.length ?? 0) > 0;
      let collected = direct !== undefined;
      for (const groupId of user.memberOfGroupIDs ?? []) {
        const found = groups.get(groupId);
        if (found?._embedded?.roleAssignments === undefined) collected = false;
        else if (!holds && groupRoles.has(found)) holds = true;
      }
      if (holds) holders.set(user, effectiveRoles(envId, user));
      if (!collected) uncollected.push(user);
    }
    roleHolders.set(envId, holders);
    rolesUncollected.set(envId, uncollected);
  }

  // A user of another environment, or one the snapshot does not hold, is resolved on the spot.
  const userRoles = (environmentId: string, user: User): EffectiveRoleAssignment[] =>
    roleHolders.get(environmentId)?.get(user) ?? (holdsRoles(environmentId, user) ? effectiveRoles(environmentId, user) : []);

  let membersByGroup: Map<string, Map<string, User[]>> | undefined;
  const groupMembers = (environmentId: string, groupId: string): User[] => {
    membersByGroup ??= indexGroupMembers(snapshot);
    return membersByGroup.get(environmentId)?.get(groupId) ?? [];
  };

  let adminActorsCache: AdminActor[] | undefined;
  const adminActors = (): AdminActor[] => {
    adminActorsCache ??= snapshot.environments.flatMap((env) => collectAdminActors(env, roleHolders.get(env.environment.id) ?? new Map(), resolve));
    return adminActorsCache;
  };

  const environmentsWithActorsLeftOut = new Set(snapshot.manifest.collection.entries.filter((entry) => entry.status === 'failed' && ACTOR_KINDS.has(entry.kind)).map((entry) => entry.environmentId));

  return {
    organizationId: snapshot.manifest.organization?.id,
    environment: (id) => environments.get(id),
    role: (id) => roles.get(id),
    roleByName: (name) => rolesByName.get(name),
    group,
    populationEnvironment: (populationId) => populationEnvironments.get(populationId),
    groupEnvironment: (groupId) => groupEnvironments.get(groupId),
    applicationEnvironment: (applicationId) => applicationEnvironments.get(applicationId),
    userRoles,
    roleHolders: (environmentId) => roleHolders.get(environmentId) ?? NO_HOLDERS,
    rolesUncollected: (environmentId) => rolesUncollected.get(environmentId) ?? [],
    groupMembers,
    adminActors,
    actorsLeftOut: (environmentId) => environmentsWithActorsLeftOut.has(environmentId),
  };
}

/** Environment id → group id → its members in the snapshot, built only when a caller asks. */
function indexGroupMembers(snapshot: Snapshot): Map<string, Map<string, User[]>> {
  const byEnvironment = new Map<string, Map<string, User[]>>();
  for (const env of snapshot.environments) {
    const byGroup = byEnvironment.get(env.environment.id) ?? new Map<string, User[]>();
    for (const user of env.users) {
      for (const groupId of user.memberOfGroupIDs ?? []) {
        const members = byGroup.get(groupId);
        if (members === undefined) byGroup.set(groupId, [user]);
        else members.push(user);
      }
    }
    byEnvironment.set(env.environment.id, byGroup);
  }
  return byEnvironment;
}

function collectAdminActors(
  env: EnvironmentSnapshot,
  holders: ReadonlyMap<User, EffectiveRoleAssignment[]>,
  resolve: (a: RoleAssignment, via: EffectiveRoleAssignment['via']) => EffectiveRoleAssignment,
): AdminActor[] {
  const environmentId = env.environment.id;
  const actors: AdminActor[] = [];
  for (const [user, roles] of holders) actors.push({ kind: 'user', environmentId, actor: user, roles });
  for (const app of env.applications) {
    const roles = (app._embedded?.roleAssignments ?? []).map((a) => resolve(a, { kind: 'direct' }));
    if (roles.length > 0) actors.push({ kind: 'application', environmentId, actor: app, roles });
  }
  for (const gateway of env.gateways) {
    const roles = (gateway._embedded?.roleAssignments ?? []).map((a) => resolve(a, { kind: 'direct' }));
    if (roles.length > 0) actors.push({ kind: 'gateway', environmentId, actor: gateway, roles });
  }
  return actors;
}
