import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '../errors.js';
import {
  ENVIRONMENT_ARRAYS,
  ENVIRONMENT_FOLDERS,
  MANIFEST_FILE,
  parseLayoutPath,
  resourceFile,
  type EnvironmentResourceType,
} from './layout.js';
import type { CollectionEntry, EnvironmentSnapshot, Snapshot, SnapshotManifest } from './model.js';
import { filePath, forEachLimited, inspectFolder, listFiles, WRITE_MARKER } from './snapshot-folder.js';
import { compareCodePoints, stableStringify } from './stable-json.js';

/** Files written or removed at once: enough to keep the disk busy, few enough to stay under open-file limits. */
const IO_CONCURRENCY = 32;

const RESOURCE_TYPES = Object.keys(ENVIRONMENT_FOLDERS) as EnvironmentResourceType[];

/**
 * The snapshot as it is written: `_links` removed at every depth, resources and `_embedded`
 * children ordered by id, manifest environment ids and collection entries sorted. Audit this form
 * when you also write it, so that array indexes in findings' pointers match the files.
 */
export function canonicalSnapshot(snapshot: Snapshot): Snapshot {
  return {
    manifest: canonicalManifest(snapshot.manifest),
    roles: canonicalResources(snapshot.roles),
    environments: byId(snapshot.environments.map(canonicalEnvironment), (env) => env.environment.id),
  };
}

/**
 * Writes one stable, pretty JSON file per resource into `dir` (created if missing) and the
 * manifest last. An existing snapshot folder is replaced: files of resources no longer in
 * `snapshot` are removed, hidden entries and files outside the layout are left alone. Refuses a
 * non-empty folder that has no `manifest.json`. Returns the number of files written.
 */
export async function writeSnapshot(snapshot: Snapshot, dir: string): Promise<{ files: number }> {
  const state = await inspectFolder(dir);
  if (state === 'not-a-folder') throw new UserFacingError(`Cannot write a snapshot to ${dir}: it is a file, not a folder.`, { hint: 'Choose a folder path.' });
  if (state === 'foreign') {
    throw new UserFacingError(`Will not write a snapshot into ${dir}: the folder is not empty and holds no snapshot (no ${MANIFEST_FILE}).`, {
      hint: 'Choose a new or empty folder, or the folder of an earlier snapshot, which is then replaced.',
    });
  }
  const plan = planFiles(canonicalSnapshot(snapshot));
  const previous = state === 'snapshot' || state === 'interrupted' ? await listFiles(dir) : [];

  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, WRITE_MARKER), '');
  for (const folder of new Set(plan.map(({ file }) => path.posix.dirname(file)))) await mkdir(filePath(dir, folder), { recursive: true });
  const [manifest, ...resources] = plan;
  await forEachLimited(resources, IO_CONCURRENCY, ({ file, value }) => writeFile(filePath(dir, file), stableStringify(value)));
  await removeStaleFiles(dir, previous, new Set(plan.map(({ file }) => file)));
  await writeFile(filePath(dir, manifest!.file), stableStringify(manifest!.value));
  await rm(path.join(dir, WRITE_MARKER));
  return { files: plan.length };
}

interface PlannedFile {
  file: string;
  value: unknown;
}

/** Every file of the snapshot, the manifest first; throws when two resources would share a file. */
function planFiles(snapshot: Snapshot): PlannedFile[] {
  const plan: PlannedFile[] = [{ file: MANIFEST_FILE, value: snapshot.manifest }];
  for (const role of snapshot.roles) plan.push({ file: resourceFile('role', undefined, role.id), value: role });
  for (const env of snapshot.environments) {
    const environmentId = env.environment.id;
    plan.push({ file: resourceFile('environment', environmentId, environmentId), value: env.environment });
    for (const type of RESOURCE_TYPES) {
      for (const resource of env[ENVIRONMENT_ARRAYS[type]]) plan.push({ file: resourceFile(type, environmentId, resource.id), value: resource });
    }
  }
  const seen = new Set<string>();
  for (const { file } of plan) {
    if (seen.has(file)) throw new Error(`Two resources of the snapshot have the same id and would share ${file}.`);
    seen.add(file);
  }
  return plan;
}

/** Removes layout files of the previous snapshot that this one no longer has, then the folders they leave empty. */
async function removeStaleFiles(dir: string, previous: readonly string[], current: ReadonlySet<string>): Promise<void> {
  const stale = previous.filter((file) => !current.has(file) && parseLayoutPath(file) !== undefined);
  await forEachLimited(stale, IO_CONCURRENCY, (file) => rm(filePath(dir, file), { force: true }));
  const folders = new Set<string>();
  for (const file of stale) {
    for (let folder = path.posix.dirname(file); folder !== '.'; folder = path.posix.dirname(folder)) folders.add(folder);
  }
  // Deepest first, so that an environment folder is tried after its resource folders.
  for (const folder of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    await rmdir(filePath(dir, folder)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST' && error.code !== 'ENOENT') throw error;
    });
  }
}

function canonicalManifest(manifest: SnapshotManifest): SnapshotManifest {
  const entries = [...manifest.collection.entries].sort(compareEntries);
  return withoutLinks({
    ...manifest,
    environmentIds: [...manifest.environmentIds].sort(compareCodePoints),
    collection: { ...manifest.collection, entries },
  });
}

function compareEntries(a: CollectionEntry, b: CollectionEntry): number {
  return (
    compareCodePoints(a.environmentId ?? '', b.environmentId ?? '') ||
    compareCodePoints(a.kind, b.kind) ||
    compareCodePoints(a.path ?? '', b.path ?? '')
  );
}

function canonicalEnvironment(env: EnvironmentSnapshot): EnvironmentSnapshot {
  const canonical = { environment: withoutLinks(env.environment) } as EnvironmentSnapshot;
  for (const type of RESOURCE_TYPES) {
    const key = ENVIRONMENT_ARRAYS[type];
    (canonical as unknown as Record<string, unknown[]>)[key] = canonicalResources(env[key] as Array<{ id: string }>);
  }
  return canonical;
}

function canonicalResources<T extends { id: string; _embedded?: object }>(resources: readonly T[]): T[] {
  return byId(
    resources.map((resource) => {
      const copy = withoutLinks(resource);
      if (copy._embedded !== undefined) copy._embedded = sortEmbedded(copy._embedded);
      return copy;
    }),
    (resource) => resource.id,
  );
}

/** `_embedded` lists (grants, role assignments, actions) in id order, since the API does not promise one. */
function sortEmbedded(embedded: object): object {
  const sorted: Record<string, unknown> = {};
  for (const [key, children] of Object.entries(embedded)) {
    const sortable = Array.isArray(children) && children.every((child) => typeof (child as { id?: unknown } | null)?.id === 'string');
    sorted[key] = sortable ? byId(children as Array<{ id: string }>, (child) => child.id) : children;
  }
  return sorted;
}

function byId<T>(items: readonly T[], idOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareCodePoints(idOf(a), idOf(b)));
}

/** A deep copy without HAL `_links`, which only hold API URLs that change nothing in an audit. */
function withoutLinks<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutLinks) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) if (key !== '_links') copy[key] = withoutLinks(child);
  return copy as T;
}
