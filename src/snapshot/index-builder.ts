import type { AdminActor, EffectiveRoleAssignment, SnapshotIndex } from './lookup.js';
import type { EnvironmentSnapshot, Group, Role, RoleAssignment, Snapshot, SnapshotKind, User } from './model.js';

/** Kinds whose failure for one user or group hides who administers that environment. */
const ACTOR_KINDS: ReadonlySet<SnapshotKind> = new Set<SnapshotKind>(['users', 'userRoleAssignments', 'groups', 'groupRoleAssignments', 'groupMembers']);

/** Builds every join the rules need, once, in time linear in the size of the snapshot. */
export function buildSnapshotIndex(snapshot: Snapshot): SnapshotIndex {
  const environments = new Map(snapshot.environments.map((env) => [env.environment.id, env]));
  const roles = new Map<string, Role>();
  const rolesByName = new Map<string, Role>();
  for (const role of snapshot.roles) {
    roles.set(role.id, role);
    rolesByName.set(role.name, role);
  }
  const groups = new Map<string, Group>();
  const membersByGroup = new Map<string, User[]>();
  const populationEnvironments = new Map<string, string>();
  const groupEnvironments = new Map<string, string>();
  const applicationEnvironments = new Map<string, string>();
  for (const env of snapshot.environments) {
    const envId = env.environment.id;
    for (const role of env.roles) if (!roles.has(role.id)) roles.set(role.id, role);
    for (const group of env.groups) {
      groups.set(groupKey(envId, group.id), group);
      groupEnvironments.set(group.id, envId);
    }
    for (const app of env.applications) applicationEnvironments.set(app.id, envId);
    for (const population of env.populations) populationEnvironments.set(population.id, envId);
    for (const user of env.users) {
      for (const groupId of user.memberOfGroupIDs ?? []) {
        const key = groupKey(envId, groupId);
        const members = membersByGroup.get(key) ?? [];
        members.push(user);
        membersByGroup.set(key, members);
      }
    }
  }

  const resolve = (assignment: RoleAssignment, via: EffectiveRoleAssignment['via']): EffectiveRoleAssignment => ({
    assignment,
    role: roles.get(assignment.role.id),
    via,
  });

  const userRoles = (environmentId: string, user: User): EffectiveRoleAssignment[] => {
    const direct = (user._embedded?.roleAssignments ?? []).map((a) => resolve(a, { kind: 'direct' }));
    const inherited = (user.memberOfGroupIDs ?? []).flatMap((groupId) => {
      const group = groups.get(groupKey(environmentId, groupId));
      if (!group) return [];
      return (group._embedded?.roleAssignments ?? []).map((a) => resolve(a, { kind: 'group', groupId: group.id, groupName: group.name }));
    });
    return [...direct, ...inherited];
  };

  let adminActorsCache: AdminActor[] | undefined;
  const adminActors = (): AdminActor[] => {
    adminActorsCache ??= snapshot.environments.flatMap((env) => collectAdminActors(env, userRoles, resolve));
    return adminActorsCache;
  };

  const environmentsWithActorsLeftOut = new Set(snapshot.manifest.collection.entries.filter((entry) => entry.status === 'failed' && ACTOR_KINDS.has(entry.kind)).map((entry) => entry.environmentId));

  return {
    organizationId: snapshot.manifest.organization?.id,
    environment: (id) => environments.get(id),
    role: (id) => roles.get(id),
    roleByName: (name) => rolesByName.get(name),
    group: (environmentId, id) => groups.get(groupKey(environmentId, id)),
    populationEnvironment: (populationId) => populationEnvironments.get(populationId),
    groupEnvironment: (groupId) => groupEnvironments.get(groupId),
    applicationEnvironment: (applicationId) => applicationEnvironments.get(applicationId),
    userRoles,
    groupMembers: (environmentId, groupId) => membersByGroup.get(groupKey(environmentId, groupId)) ?? [],
    adminActors,
    actorsLeftOut: (environmentId) => environmentsWithActorsLeftOut.has(environmentId),
  };
}

function groupKey(environmentId: string, groupId: string): string {
  return `${environmentId}/${groupId}`;
}

function collectAdminActors(
  env: EnvironmentSnapshot,
  userRoles: SnapshotIndex['userRoles'],
  resolve: (a: RoleAssignment, via: EffectiveRoleAssignment['via']) => EffectiveRoleAssignment,
): AdminActor[] {
  const environmentId = env.environment.id;
  const actors: AdminActor[] = [];
  for (const user of env.users) {
    const roles = userRoles(environmentId, user);
    if (roles.length > 0) actors.push({ kind: 'user', environmentId, actor: user, roles });
  }
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
