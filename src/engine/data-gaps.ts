import type { CollectionEntry, SnapshotKind } from '../snapshot/model.js';
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

export type GapReason = NotEvaluated['reasons'][number];

export interface DataGaps {
  /** True when a failure hides data from every environment: the rule is not run at all. */
  everywhere: boolean;
  /** Environment (null: the organization as a whole) → the failed entries the rule needed there. */
  reasons: Map<string | null, GapReason[]>;
}

/** Which environments a rule cannot be evaluated in, given the kinds it requires and what failed. */
export function findDataGaps(
  requires: readonly SnapshotKind[],
  entries: readonly CollectionEntry[],
  scopes: readonly (string | null)[],
): DataGaps {
  const needed = entries.filter((entry) => entry.status === 'failed' && requires.includes(entry.kind));
  const isGlobal = (entry: CollectionEntry) => entry.environmentId === undefined || ORGANIZATION_WIDE_KINDS.has(entry.kind);
  const reasons = new Map<string | null, GapReason[]>();
  for (const scope of scopes) {
    const failed = needed.filter((entry) => isGlobal(entry) || entry.environmentId === scope);
    if (failed.length > 0) reasons.set(scope, failed.map(toReason));
  }
  return { everywhere: needed.some(isGlobal), reasons };
}

function toReason({ kind, path, httpStatus, error }: CollectionEntry): GapReason {
  return {
    kind,
    ...(path === undefined ? {} : { path }),
    ...(httpStatus === undefined ? {} : { httpStatus }),
    ...(error === undefined ? {} : { error }),
  };
}
