import type { AdminActor, EffectiveRoleAssignment, SnapshotIndex } from '../snapshot/lookup.js';
import type { Application, Gateway, ResourceRef, Role, User } from '../snapshot/model.js';
import { environmentName } from './role-coverage.js';
import { normaliseRoleName } from './role-names.js';

/** A worker app or gateway holding roles: its own assignments are its whole authority. */
export type MachineActor = AdminActor & { kind: 'application' | 'gateway' };

/** Worker apps and gateways (connections such as PingFederate) that hold at least one role. */
function machineActorsOf(index: SnapshotIndex): MachineActor[] {
  return index.adminActors().filter((actor): actor is MachineActor => actor.kind !== 'user');
}

/** The resource a finding about an admin actor points at. */
export function actorRef(admin: AdminActor): ResourceRef {
  return { type: admin.kind, id: admin.actor.id, name: actorName(admin), environmentId: admin.environmentId };
}

/** A user's username, an app's or gateway's name. */
function actorName({ kind, actor }: AdminActor): string {
  return kind === 'user' ? (actor as User).username : (actor as Application | Gateway).name;
}

/** "worker app Sync" / "gateway PingFederate": how messages name a machine actor. */
function describeMachineActor(machine: MachineActor): string {
  return `${machine.kind === 'gateway' ? 'gateway' : 'worker app'} ${actorName(machine)}`;
}

/** Pointer to one of the actor's own role assignments (direct ones; group roles live on the group). */
function assignmentPointer({ actor }: AdminActor, { assignment }: EffectiveRoleAssignment): string {
  const at = (actor._embedded?.roleAssignments ?? []).indexOf(assignment);
  return at < 0 ? '/_embedded/roleAssignments' : `/_embedded/roleAssignments/${at}`;
}

/** True for the built-in role of that name; custom roles never match, whatever they are called. */
export function isBuiltInRole(role: Role | undefined, name: string): boolean {
  return role !== undefined && role.type !== 'CUSTOM' && normaliseRoleName(role.name) === normaliseRoleName(name);
}

/**
 * The roles PingOne counts when it decides who is an "admin user" (`ADMIN_USERS_ONLY`): the ones
 * that change the environment or its identities, as opposed to read-only and narrow roles.
 */
export const ADMIN_USER_ROLE_NAMES = ['Organization Admin', 'Environment Admin', 'Identity Data Admin', 'Client Application Developer'] as const;

/** Whether the role is one of {@link ADMIN_USER_ROLE_NAMES} (a built-in role; a custom role never is). */
export function isAdminUserRole(role: Role | undefined): boolean {
  return ADMIN_USER_ROLE_NAMES.some((name) => isBuiltInRole(role, name));
}

/** A role assignment of a worker app or gateway: who holds it, in which environment, and where it sits in the actor's file. */
export interface MachineAssignment {
  /** The actor described for a reader, e.g. "worker app Nightly Export". */
  actor: string;
  environment: string;
  resource: ResourceRef;
  pointer: string;
}

/** Every role assignment of a worker app or gateway that `matches`. */
export function machineAssignmentsWhere(index: SnapshotIndex, matches: (effective: EffectiveRoleAssignment) => boolean): MachineAssignment[] {
  return machineActorsOf(index).flatMap((machine) =>
    machine.roles.filter(matches).map((effective) => ({
      actor: describeMachineActor(machine),
      environment: environmentName(machine.environmentId, index),
      resource: actorRef(machine),
      pointer: assignmentPointer(machine, effective),
    })),
  );
}
