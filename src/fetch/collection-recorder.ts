import type { CollectionEntry, ResourceType, SnapshotKind } from '../snapshot/model.js';
import { ApiError } from './api-error.js';

interface Failure {
  path?: string;
  httpStatus?: number;
  error: string;
  /** The parent resource whose own sub-read failed (one app's grants …), when the read was about one. */
  resource?: { type: ResourceType; id: string };
}

/**
 * What was collected and what failed, kind by kind and environment by environment. A failed request
 * becomes a failed entry and the collection goes on; a 401 after the token was renewed ends the run,
 * since nothing else would succeed either.
 */
export interface CollectionRecorder {
  /**
   * Runs `task` for `kind`; on an ApiError records the failure and returns undefined. `resource`
   * names the one parent the read was about, so that only its data counts as unknown.
   */
  attempt<T>(kind: SnapshotKind, environmentId: string | undefined, task: () => Promise<T>, resource?: Failure['resource']): Promise<T | undefined>;
  /** Records that `kind` was collected although there was nothing to read (no workers, no groups …). */
  touch(kind: SnapshotKind, environmentId: string | undefined): void;
  /** Records a failure that is not a request's, such as data left unread on purpose or because its parent failed. */
  fail(kind: SnapshotKind, environmentId: string | undefined, failure: Failure): void;
  note(text: string): void;
  /** True when nothing has succeeded yet and a read failed without any answer (wrong URL, network down). */
  apiUnreachable(): boolean;
  entries(): CollectionEntry[];
  notes(): string[];
}

/** A {@link CollectionRecorder} for one collection, with nothing recorded yet. */
export function createCollectionRecorder(): CollectionRecorder {
  const tallies = new Map<string, { kind: SnapshotKind; environmentId: string | undefined; calls: number; failures: Failure[] }>();
  const notes: string[] = [];
  let fatal: unknown;
  let answered = false;
  let unanswered = false;

  const tally = (kind: SnapshotKind, environmentId: string | undefined) => {
    const key = `${kind}\u0000${environmentId ?? ''}`;
    let entry = tallies.get(key);
    if (entry === undefined) {
      entry = { kind, environmentId, calls: 0, failures: [] };
      tallies.set(key, entry);
    }
    return entry;
  };

  return {
    async attempt(kind, environmentId, task, resource) {
      if (fatal !== undefined) throw fatal;
      const entry = tally(kind, environmentId);
      entry.calls += 1;
      try {
        const result = await task();
        answered = true;
        return result;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (error.kind === 'network' || error.kind === 'timeout') unanswered = true;
        else answered = true;
        if (error.status === 401) {
          fatal ??= error;
          throw fatal;
        }
        const failure: Failure = { path: error.path, error: error.summary };
        if (error.status !== undefined) failure.httpStatus = error.status;
        if (resource !== undefined) failure.resource = resource;
        entry.failures.push(failure);
        return undefined;
      }
    },
    touch(kind, environmentId) {
      tally(kind, environmentId);
    },
    fail(kind, environmentId, failure) {
      tally(kind, environmentId).failures.push(failure);
    },
    note(text) {
      notes.push(text);
    },
    apiUnreachable: () => unanswered && !answered,
    entries() {
      return [...tallies.values()].map(toEntry).sort(compareEntries);
    },
    notes: () => [...notes],
  };
}

function toEntry({ kind, environmentId, calls, failures }: { kind: SnapshotKind; environmentId: string | undefined; calls: number; failures: Failure[] }): CollectionEntry {
  const entry: CollectionEntry = { kind, status: failures.length === 0 ? 'complete' : 'failed' };
  if (environmentId !== undefined) entry.environmentId = environmentId;
  // Concurrency makes the order of failures vary; reporting the smallest path keeps snapshots stable.
  const first = [...failures].sort((a, b) => (a.path ?? '').localeCompare(b.path ?? ''))[0];
  if (first === undefined) return entry;
  if (first.path !== undefined) entry.path = first.path;
  if (first.httpStatus !== undefined) entry.httpStatus = first.httpStatus;
  // Only when every failure was one parent's own read is the rest of the kind known.
  if (failures.every((failure) => failure.resource !== undefined)) {
    const unique = new Map(failures.map(({ resource }) => [`${resource!.type}/${resource!.id}`, resource!]));
    entry.failedResources = [...unique.values()].sort((a, b) => a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
  }
  entry.error = failures.length === 1 ? first.error : `${first.error} (${failures.length} failures in ${Math.max(calls, failures.length)} reads of this kind)`;
  return entry;
}

function compareEntries(a: CollectionEntry, b: CollectionEntry): number {
  return a.kind.localeCompare(b.kind) || (a.environmentId ?? '').localeCompare(b.environmentId ?? '');
}
