import type { AdminActor, EffectiveRoleAssignment, SnapshotIndex } from '../../src/snapshot/lookup.js';
import type { Role, SnapshotKind } from '../../src/snapshot/model.js';
import type { RecordedSnapshot } from './kind-recorder.js';

type IndexMethod = { [Name in keyof SnapshotIndex]: SnapshotIndex[Name] extends (...args: never[]) => unknown ? Name : never }[keyof SnapshotIndex];

/** The kinds one index answer depends on, given the call's arguments, its answer and the kind a role came from. */
type KindsOf<Name extends IndexMethod> = (answer: ReturnType<SnapshotIndex[Name]>, roleKinds: (role: Role | undefined) => SnapshotKind[]) => SnapshotKind[];

const USER_ROLE_KINDS: SnapshotKind[] = ['userRoleAssignments', 'groupMembers', 'groups', 'groupRoleAssignments'];

/** Kinds an admin actor's presence and roles depend on, by actor kind. */
const ACTOR_KINDS: Record<AdminActor['kind'], SnapshotKind[]> = {
  user: ['users', ...USER_ROLE_KINDS],
  application: ['applications', 'applicationRoleAssignments'],
  gateway: ['gateways', 'gatewayRoleAssignments'],
};

/**
 * What each index method reads to answer, beyond the resources it hands back (a returned user,
 * group or role is a recording view itself). A miss counts: `role(id)` answering undefined depends
 * on both the built-in and the custom roles having been collected.
 */
const INDEX_KINDS: { [Name in IndexMethod]: KindsOf<Name> } = {
  environment: () => [],
  role: (role, roleKinds) => roleKinds(role),
  roleByName: () => ['roles'],
  group: () => ['groups'],
  populationEnvironment: () => ['populations'],
  groupEnvironment: () => ['groups'],
  applicationEnvironment: () => ['applications'],
  userRoles: (effective, roleKinds) => [...USER_ROLE_KINDS, ...effective.flatMap(({ role }) => roleKinds(role))],
  // The holders handed back are the snapshot's own users, not recording views: the users count here.
  roleHolders: (holders, roleKinds) => ['users', ...USER_ROLE_KINDS, ...[...holders.values()].flat().flatMap(({ role }) => roleKinds(role))],
  rolesUncollected: () => ['users', ...USER_ROLE_KINDS],
  groupMembers: () => ['users', 'groupMembers'],
  // Recorded per actor as the rule reads it (see recordActor): a rule about worker apps does not depend on users.
  adminActors: () => [],
  actorsLeftOut: () => ['users', 'userRoleAssignments', 'groups', 'groupRoleAssignments', 'groupMembers'],
};

/**
 * Wraps an index so that every answer adds the snapshot kinds it depends on to `recorded.kinds`.
 * The real method runs unrecorded, so that eager joins (built up front) and lazy ones (computed on
 * call) count alike, by the table above.
 */
export function recordIndexReads(index: SnapshotIndex, recorded: RecordedSnapshot): SnapshotIndex {
  const { snapshot, unrecorded } = recorded;
  const record = (kinds: readonly SnapshotKind[]) => kinds.forEach((kind) => recorded.kinds.add(kind));
  const builtInRoleIds = unrecorded(() => new Set(snapshot.roles.map((role) => role.id)));
  const roleKinds = (role: Role | undefined): SnapshotKind[] => {
    if (role === undefined) return ['roles', 'customRoles'];
    return [unrecorded(() => builtInRoleIds.has(role.id)) ? 'roles' : 'customRoles'];
  };
  const actors = new WeakMap<AdminActor, AdminActor>();
  const recordActor = (actor: AdminActor): AdminActor => {
    const known = actors.get(actor);
    if (known !== undefined) return known;
    const onRead = (roles: EffectiveRoleAssignment[]) => record([...ACTOR_KINDS[actor.kind], ...roles.flatMap(({ role }) => roleKinds(role))]);
    const view = new Proxy(actor, {
      get(target, property, receiver) {
        if (property === 'actor' || property === 'roles') onRead(target.roles);
        return Reflect.get(target, property, receiver);
      },
    });
    actors.set(actor, view);
    return view;
  };

  const wrapped = { ...index };
  for (const name of Object.keys(INDEX_KINDS) as IndexMethod[]) {
    const method = index[name] as (...args: unknown[]) => unknown;
    const kindsOf = INDEX_KINDS[name] as (answer: unknown, roleKinds: (role: Role | undefined) => SnapshotKind[]) => SnapshotKind[];
    (wrapped as Record<IndexMethod, unknown>)[name] = (...args: unknown[]) => {
      const answer = unrecorded(() => method(...args));
      record(kindsOf(answer, roleKinds));
      return name === 'adminActors' ? (answer as AdminActor[]).map(recordActor) : answer;
    };
  }
  return wrapped;
}
