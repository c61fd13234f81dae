import { countMismatchNote } from '../snapshot/count-mismatch-note.js';
import type { ResourceType, SnapshotKind } from '../snapshot/model.js';
import type { ApiClient } from './api-client.js';
import type { CollectionRecorder } from './collection-recorder.js';
import { mapWithConcurrency } from './concurrency.js';
import { type CountMismatch, getAll, type ListLimits, type PagingOptions } from './paging.js';

export type CollectPhase =
  | 'environments'
  | 'roles'
  | 'applications'
  | 'signOnPolicies'
  | 'populations'
  | 'customRoles'
  | 'gateways'
  | 'keys'
  | 'subscriptions'
  | 'customDomains'
  | 'groups'
  | 'users'
  | 'passwordPolicies'
  | 'deviceAuthenticationPolicies'
  | 'fido2Policies'
  | 'identityProviders'
  | 'resources';

/** A step of the collection, for a progress display (rendering is the command's job). */
export interface CollectProgress {
  phase: CollectPhase;
  environmentId?: string;
  done: number;
  total?: number;
}

/** What every part of the collection shares. */
export interface CollectContext {
  client: Pick<ApiClient, 'get' | 'apiUrl'>;
  recorder: CollectionRecorder;
  /** Reads queued per environment and phase; the client's queue serves environments in turn. */
  parallel: number;
  /** Caps on every list read (items per page, pages per list). */
  limits: ListLimits;
  progress: (event: CollectProgress) => void;
}

/** The resource without HAL's `_links` and `_embedded`: the snapshot's `_embedded` holds only what the auditor collected. */
export function withoutLinks<T>(item: unknown): T {
  const { _links: _ignoredLinks, _embedded: _ignoredEmbedded, ...rest } = item as Record<string, unknown>;
  return rest as T;
}

/**
 * The paging options of every list the collector reads: its caps, and a note for a list read to its end with
 * another number of items than its `count` (deleted or added while read, or left out): not a failed read, never silent.
 */
export function listOptions(context: CollectContext, options: PagingOptions): PagingOptions {
  const onCountMismatch = (mismatch: CountMismatch) => context.recorder.note(countMismatchNote(mismatch));
  return { ...context.limits, ...options, onCountMismatch };
}

/** Reads a whole collection for `kind`; undefined (and a failed entry) when it could not be read. `path` may be built lazily. */
export async function readCollection<T>(
  context: CollectContext,
  kind: SnapshotKind,
  environmentId: string | undefined,
  path: string | (() => string),
  embeddedKey: string,
  options: PagingOptions = {},
  about?: { type: ResourceType; id: string },
): Promise<T[] | undefined> {
  // A path built from ids the API sent may be refused (apiPath): that too is a failed read of this kind.
  const items = await context.recorder.attempt(kind, environmentId, () => getAll<unknown>(context.client, typeof path === 'string' ? path : path(), embeddedKey, listOptions(context, options)), about);
  return items?.map((item) => withoutLinks<T>(item));
}

/**
 * Reads one sub-collection per parent (an app's grants, a group's role assignments …). The map holds
 * the parents whose read succeeded; the others stay absent, which the snapshot reads as "not collected",
 * and the failure names the parent (`options.parentType`) so that only its data counts as unknown.
 */
export async function readChildren<P extends { id: string }, C>(
  context: CollectContext,
  kind: SnapshotKind,
  environmentId: string,
  parents: readonly P[],
  childPath: (parent: P) => string,
  embeddedKey: string,
  options: PagingOptions & { parentType?: ResourceType } = {},
): Promise<Map<string, C[]>> {
  const children = new Map<string, C[]>();
  const { parentType, ...paging } = options;
  await mapWithConcurrency(parents, context.parallel, async (parent) => {
    const about = parentType === undefined ? undefined : { type: parentType, id: parent.id };
    const items = await readCollection<C>(context, kind, environmentId, () => childPath(parent), embeddedKey, paging, about);
    if (items !== undefined) children.set(parent.id, items);
  });
  context.recorder.touch(kind, environmentId);
  return children;
}

/** Puts each parent's children under `_embedded[key]`; parents whose read failed are left without it ("not collected"). */
export function attachChildren<P extends { id: string; _embedded?: object }>(parents: readonly P[], key: string, children: ReadonlyMap<string, unknown[]>): P[] {
  return parents.map((parent) => {
    const items = children.get(parent.id);
    return items === undefined ? parent : { ...parent, _embedded: { ...parent._embedded, [key]: items } };
  });
}

/** Marks kinds that depend on a list that failed as failed too: never a silent gap. */
export function failDependents(context: CollectContext, kinds: readonly SnapshotKind[], environmentId: string, parent: string): void {
  for (const kind of kinds) context.recorder.fail(kind, environmentId, { error: `not collected: the ${parent} list could not be read` });
}
