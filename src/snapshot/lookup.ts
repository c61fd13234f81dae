import type { Application, EnvironmentSnapshot, Gateway, Group, Role, RoleAssignment, User } from './model.js';

/** A role assignment as it applies to an actor, with the role resolved and how it was obtained. */
export interface EffectiveRoleAssignment {
  assignment: RoleAssignment;
  /** Undefined when the role id is neither a built-in nor a custom role in the snapshot. */
  role: Role | undefined;
  via: { kind: 'direct' } | { kind: 'group'; groupId: string; groupName: string };
}

/** A user, application or gateway of an environment that holds admin roles, with those roles resolved. */
export interface AdminActor {
  kind: 'user' | 'application' | 'gateway';
  environmentId: string;
  actor: User | Application | Gateway;
  roles: EffectiveRoleAssignment[];
}

/** Joins built once per snapshot and shared by every rule (never rebuilt per rule). */
export interface SnapshotIndex {
  organizationId: string | undefined;
  environment(id: string): EnvironmentSnapshot | undefined;
  /** Built-in role by id, else a custom role of any environment. */
  role(id: string): Role | undefined;
  roleByName(name: string): Role | undefined;
  group(environmentId: string, id: string): Group | undefined;
  /** Environment id a population belongs to, if the population is in the snapshot. */
  populationEnvironment(populationId: string): string | undefined;
  /** Environment id a group belongs to, if the group is in the snapshot (ids are unique across environments). */
  groupEnvironment(groupId: string): string | undefined;
  /** Environment id an application belongs to, if it is in the snapshot (ids are unique across environments). */
  applicationEnvironment(applicationId: string): string | undefined;
  /** A user's roles: direct assignments and those of every group the user is a member of. */
  userRoles(environmentId: string, user: User): EffectiveRoleAssignment[];
  /**
   * The environment's users holding at least one role (direct or through a group), each with
   * {@link userRoles}, in the environment's user order. Read only: shared by every rule.
   */
  roleHolders(environmentId: string): ReadonlyMap<User, EffectiveRoleAssignment[]>;
  /**
   * The environment's users whose direct role assignments, or those of a group they belong to, were
   * not collected (or whose group the snapshot does not hold), in user order: usually none.
   */
  rolesUncollected(environmentId: string): readonly User[];
  /** Members of a group that the snapshot holds (admin actors only; see README). */
  groupMembers(environmentId: string, groupId: string): User[];
  /** Every user, worker app and gateway holding at least one role, across the organization. */
  adminActors(): AdminActor[];
  /**
   * True when some user or group of the environment, or its role assignments, failed to collect
   * alone (the rest of the kind was read): the environment may hold admins the snapshot does not.
   */
  actorsLeftOut(environmentId: string): boolean;
}
