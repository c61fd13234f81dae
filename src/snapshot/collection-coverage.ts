import { SNAPSHOT_KIND_SCOPES, type CollectionEntry, type SnapshotKind, type SnapshotManifest } from './model.js';

const KINDS = Object.keys(SNAPSHOT_KIND_SCOPES) as SnapshotKind[];

/** Kinds read once in each environment. */
const ENVIRONMENT_KINDS: readonly SnapshotKind[] = KINDS.filter((kind) => SNAPSHOT_KIND_SCOPES[kind] === 'environment');

/** Kinds read once for the organization. */
const ORGANIZATION_KINDS: readonly SnapshotKind[] = KINDS.filter((kind) => SNAPSHOT_KIND_SCOPES[kind] === 'organization');

/** A kind the manifest should account for, in one environment or (no `environmentId`) for the organization. */
export interface ExpectedKind {
  kind: SnapshotKind;
  environmentId?: string;
}

/** Every kind a complete collection of these environments records: the organization's, then each environment's. */
export function expectedKinds(environmentIds: readonly string[]): ExpectedKind[] {
  return [...ORGANIZATION_KINDS.map((kind) => ({ kind })), ...environmentIds.flatMap((environmentId) => ENVIRONMENT_KINDS.map((kind) => ({ kind, environmentId })))];
}

/**
 * The kinds the manifest holds no entry for. An entry without an environment (an organization-wide
 * list, such as `GET /environments`) accounts for its kind in every environment.
 */
export function unrecordedKinds(manifest: Pick<SnapshotManifest, 'environmentIds' | 'collection'>): ExpectedKind[] {
  const recorded = new Set(manifest.collection.entries.map((entry) => coverageKey(entry.kind, entry.environmentId)));
  return expectedKinds(manifest.environmentIds).filter(({ kind, environmentId }) => !recorded.has(coverageKey(kind, environmentId)) && !recorded.has(coverageKey(kind, undefined)));
}

/**
 * The manifest with a failed entry for every kind it does not account for, and marked incomplete
 * if it gained one: a kind that nobody recorded was not collected, whatever the folder holds, and
 * the rules that read it must say "not evaluated" rather than pass on an empty list.
 */
export function withUnrecordedKindsFailed(manifest: SnapshotManifest): SnapshotManifest {
  const missing = unrecordedKinds(manifest);
  if (missing.length === 0) return manifest;
  const failed = missing.map(
    ({ kind, environmentId }): CollectionEntry => ({
      kind,
      ...(environmentId === undefined ? {} : { environmentId }),
      status: 'failed',
      error: 'not collected: manifest.json holds no collection entry for it',
    }),
  );
  return { ...manifest, collection: { ...manifest.collection, complete: false, entries: [...manifest.collection.entries, ...failed] } };
}

/**
 * The environments of which nothing at all was read: no entry of their own succeeded. A gate may
 * accept a partial read (`--allow-incomplete`), never an environment it did not see.
 */
export function unreadEnvironments(environmentIds: readonly string[], entries: readonly CollectionEntry[]): string[] {
  const read = new Set(entries.filter((entry) => entry.status === 'complete' && entry.environmentId !== undefined).map((entry) => entry.environmentId));
  return environmentIds.filter((environmentId) => !read.has(environmentId));
}

function coverageKey(kind: SnapshotKind, environmentId: string | undefined): string {
  return `${kind}\u0000${environmentId ?? ''}`;
}
