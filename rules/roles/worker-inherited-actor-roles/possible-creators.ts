import type { SnapshotIndex } from '../../../src/snapshot/lookup.js';
import type { Application, RoleAssignment, User } from '../../../src/snapshot/model.js';
import { isWorker } from '../../../src/pingone/applications.js';

/** An actor whose role assignments a new worker app could have copied. */
interface PossibleCreator {
  id: string;
  label: string;
  createdAt: string | undefined;
}

/**
 * The possible creators whose assignments the app's match exactly, leaving out the app itself and any actor created
 * after it.
 */
export function creatorsCopiedBy(app: Application, assignments: readonly RoleAssignment[], creators: ReadonlyMap<string, PossibleCreator[]>): PossibleCreator[] {
  // A creator exists before what it creates; without both dates the order cannot rule it out.
  return (creators.get(signature(assignments)) ?? []).filter((creator) => creator.id !== app.id && !(creator.createdAt && app.createdAt && creator.createdAt > app.createdAt));
}

/** Admin users (direct roles, and direct plus group roles) and worker apps, by the signature of their roles. */
export function possibleCreatorsBySignature(index: SnapshotIndex): Map<string, PossibleCreator[]> {
  // Keyed by creator id inside each signature: many admins share one signature, and a list scan per add was quadratic.
  const bySignature = new Map<string, Map<string, PossibleCreator>>();
  const add = (assignments: readonly RoleAssignment[], creator: PossibleCreator) => {
    const key = signature(assignments);
    const creators = bySignature.get(key) ?? new Map<string, PossibleCreator>();
    if (!creators.has(creator.id)) creators.set(creator.id, creator);
    bySignature.set(key, creators);
  };
  // Only role holders can be copied from: a user without a role has nothing a worker could inherit.
  for (const holder of index.adminActors()) {
    if (holder.kind === 'user') {
      const user = holder.actor as User;
      const direct = user._embedded?.roleAssignments ?? [];
      const creator = { id: user.id, label: `admin ${user.username}`, createdAt: stringOrUndefined(user.createdAt) };
      if (direct.length > 0) add(direct, creator);
      if ((user.memberOfGroupIDs ?? []).length > 0)
        add(
          holder.roles.map((effective) => effective.assignment),
          creator,
        );
    } else if (holder.kind === 'application' && isWorker(holder.actor as Application)) {
      const app = holder.actor as Application;
      add(app._embedded?.roleAssignments ?? [], { id: app.id, label: `worker app ${app.name}`, createdAt: app.createdAt });
    }
  }
  return new Map([...bySignature].map(([key, creators]) => [key, [...creators.values()]]));
}

/** Order-free identity of a set of assignments: what role, at which scope. */
function signature(assignments: readonly RoleAssignment[]): string {
  return assignments
    .map(({ role, scope }) => `${role.id} ${scope.type} ${scope.id}`)
    .sort()
    .join('\n');
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
