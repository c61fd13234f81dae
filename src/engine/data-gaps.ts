import type { CollectionEntry, ResourceType, SnapshotKind } from '../snapshot/model.js';
import type { NotEvaluated } from './types.js';

/**
 * Actor kinds whose failure blinds a rule in every environment: an admin's user, group or role
 * assignment often lives in another environment than the one it administers.
 */
export const ORGANIZATION_WIDE_KINDS: ReadonlySet<SnapshotKind> = new Set<SnapshotKind>([
  'users',
  'userRoleAssignments',
  'groups',
  'groupRoleAssignments',
  'groupMembers',
  'roles',
  'customRoles',
  'applicationRoleAssignments',
  'gatewayRoleAssignments',
]);

/** One failed (or out-of-scope) collection entry, as a not-evaluated record names it. */
export type GapReason = NotEvaluated['reasons'][number];

/** Where one rule cannot be judged, from the kinds it requires and the collection entries that failed. */
export interface DataGaps {
  /** True when a failure hides data from every environment: the rule is not run at all. */
  everywhere: boolean;
  /** Environment (null: the organization as a whole) → the failed entries the rule needed there. */
  reasons: Map<string | null, GapReason[]>;
  /** Environment → resources whose data the rule needed and that failed alone (the rest of the kind was read). */
  resources: Map<string | null, { reasons: GapReason[]; resources: Array<{ type: ResourceType; id: string }> }>;
  /**
   * Environment → out-of-scope kinds that only add subjects (`outOfScope: 'subjects'`): the rule's
   * reports there stand, but it cannot pass, since resources of those kinds were not seen.
   */
  subjects: Map<string | null, GapReason[]>;
}

/** Key of a resource in {@link DataGaps.resources}, for matching reports. */
export const resourceGapKey = (type: string, id: string): string => `${type}\u0000${id}`;

/** Which environments a rule cannot be evaluated in, given the kinds it requires and what failed. */
export function findDataGaps(requires: readonly SnapshotKind[], entries: readonly CollectionEntry[], scopes: readonly (string | null)[]): DataGaps {
  const needs = entries.filter((entry) => entry.status === 'failed' && requires.includes(entry.kind));
  const failedNeeded = needs.filter((entry) => entry.outOfScope !== 'subjects');
  const subjectsNeeded = needs.filter((entry) => entry.outOfScope === 'subjects');
  // Only some resources of the kind failed (one app's sign-on policy assignments, one user left out
  // for a field of the wrong type): only those are unknown, and reports about the others stand. An
  // environment that failed keeps only its id, so it stays a gap as a whole.
  const isPartial = (entry: CollectionEntry) => entry.failedResources !== undefined && entry.environmentId !== undefined && entry.kind !== 'environments';
  const needed = failedNeeded.filter((entry) => !isPartial(entry));
  const isGlobal = (entry: CollectionEntry) => entry.environmentId === undefined || ORGANIZATION_WIDE_KINDS.has(entry.kind);
  const reasons = new Map<string | null, GapReason[]>();
  const resources: DataGaps['resources'] = new Map();
  const subjects = new Map<string | null, GapReason[]>();
  for (const scope of scopes) {
    const unseen = subjectsNeeded.filter((entry) => isGlobal(entry) || entry.environmentId === scope);
    if (unseen.length > 0) subjects.set(scope, unseen.map(toReason));
    const failed = needed.filter((entry) => isGlobal(entry) || entry.environmentId === scope);
    if (failed.length > 0) {
      reasons.set(scope, failed.map(toReason));
      continue;
    }
    const partial = failedNeeded.filter((entry) => isPartial(entry) && entry.environmentId === scope);
    if (partial.length > 0) {
      const unknown = new Map(partial.flatMap((entry) => entry.failedResources ?? []).map((ref) => [resourceGapKey(ref.type, ref.id), ref]));
      resources.set(scope, { reasons: partial.map(toReason), resources: [...unknown.values()] });
    }
  }
  for (const scope of [...reasons.keys(), ...resources.keys()]) subjects.delete(scope);
  return { everywhere: needed.some(isGlobal), reasons, resources, subjects };
}

function toReason({ kind, path, httpStatus, error, outOfScope }: CollectionEntry): GapReason {
  return {
    kind,
    ...(path === undefined ? {} : { path }),
    ...(httpStatus === undefined ? {} : { httpStatus }),
    ...(error === undefined ? {} : { error }),
    ...(outOfScope === undefined ? {} : { outOfScope }),
  };
}

/** Whether every reason is data outside what was audited, not a failed read: listed, but not a gap. */
export function isOutOfScope(reasons: readonly GapReason[]): boolean {
  return reasons.length > 0 && reasons.every((reason) => reason.outOfScope !== undefined);
}

/** The not-evaluated entries that are gaps (data that failed to read), leaving out those only out of scope. */
export function dataGapsOf(notEvaluated: readonly NotEvaluated[]): NotEvaluated[] {
  return notEvaluated.filter((item) => item.outOfScope !== true);
}
