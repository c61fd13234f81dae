import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '../errors.js';
import { explainWriteError } from '../file-targets.js';
import { ENVIRONMENT_ARRAYS, ENVIRONMENT_RESOURCE_TYPES, MANIFEST_FILE, resourceFile, type WrittenManifest } from './layout.js';
import type { CollectionEntry, EnvironmentSnapshot, Snapshot, SnapshotManifest } from './model.js';
import type { SnapshotFileSource } from './locate-line.js';
import { removedOnInterrupt } from './interrupt-cleanup.js';
import { filePath, isHidden, sha256 } from './snapshot-folder.js';
import { secretFieldsNote, withoutSecretFields } from './secret-fields.js';
import { checkSnapshotTarget } from './snapshot-target.js';
import { compareCodePoints, stableStringify } from './stable-json.js';

/**
 * Files written synchronously before the event loop gets a turn: for small files a promise and thread-pool round
 * trip each costs more than the writing (as for reading, see load-snapshot.ts).
 */
const WRITE_BATCH = 256;

/**
 * The snapshot as it is written: secret-like fields dropped (`SECRET_FIELD_NAMES`, said in a
 * manifest note that names the fields, never a value), `_links` removed at every depth, resources
 * and `_embedded` children ordered by id, manifest environment ids and collection entries sorted.
 * Audit this form when you also write it, so that array indexes in findings' pointers match the files.
 */
export function canonicalSnapshot(snapshot: Snapshot): Snapshot {
  const { value: resources, dropped } = withoutSecretFields({ roles: snapshot.roles, environments: snapshot.environments });
  const note = secretFieldsNote(dropped);
  const manifest = note === undefined ? snapshot.manifest : { ...snapshot.manifest, collection: { ...snapshot.manifest.collection, notes: [...(snapshot.manifest.collection.notes ?? []), note] } };
  return {
    manifest: canonicalManifest(manifest),
    roles: canonicalResources(resources.roles),
    environments: byId(resources.environments.map(canonicalEnvironment), (env) => env.environment.id),
  };
}

/**
 * Writes one stable, pretty JSON file per resource, and `manifest.json` with the SHA-256 of each,
 * into a new hidden folder beside `dir`, then renames it into place: `dir` holds either the previous
 * snapshot or the complete new one, never a mix. An earlier snapshot at `dir` is replaced (hidden
 * entries such as `.git` are carried over); anything else is refused first (see
 * {@link checkSnapshotTarget}). Files are created exclusively, so no link is ever written through.
 * Throws a {@link UserFacingError} when the folder cannot be written. Returns the number of files written.
 */
export async function writeSnapshot(snapshot: Snapshot, dir: string): Promise<{ files: number }> {
  await checkSnapshotTarget(dir);
  const [manifest, ...resources] = planFiles(canonicalSnapshot(snapshot));
  const target = path.resolve(dir);
  const parent = path.dirname(target);
  const staging = path.join(parent, `.${path.basename(target)}.writing-${randomUUID()}`);
  await explainWriteError('snapshot-unwritable', `the snapshot to ${dir}`, async () => {
    await mkdir(parent, { recursive: true });
    await mkdir(staging);
  });
  try {
    const files: Record<string, string> = {};
    // Only while the staging folder is filled and the target checked again: once the swap starts, the target's own
    // folder is at stake too.
    const removeStaging = () => rmSync(staging, { recursive: true, force: true });
    const replaces = await removedOnInterrupt(removeStaging, async () => {
      await explainWriteError('snapshot-unwritable', `the snapshot to ${dir}`, async () => {
        for (const folder of new Set(resources.map(({ file }) => path.posix.dirname(file)))) await mkdir(filePath(staging, folder), { recursive: true });
        for (const [index, { file, value }] of resources.entries()) {
          if (index > 0 && index % WRITE_BATCH === 0) await new Promise(setImmediate);
          files[file] = writeNewFile(filePath(staging, file), stableStringify(value));
        }
        writeNewFile(filePath(staging, manifest!.file), manifestText(manifest!, files));
      });
      // Checked again, since time passed while writing.
      return (await checkSnapshotTarget(dir)) === 'replace';
    });
    await moveIntoPlace(staging, dir, replaces);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { files: resources.length + 1 };
}

/** `manifest.json` as written: the manifest with the SHA-256 of every other file (`files`, by file name). */
function manifestText(manifest: PlannedFile, files: Record<string, string>): string {
  return stableStringify({ ...(manifest.value as SnapshotManifest), files: sortedKeys(files) } satisfies WrittenManifest);
}

/**
 * The files {@link writeSnapshot} would write for `snapshot` (in canonical form: {@link canonicalSnapshot}'s result,
 * which the caller audits too; not worked out again here), byte for byte, without
 * writing them: for a command that audits a collection and keeps nothing (`demo` without `--out` or `--keep`), so
 * that findings still get their lines and checksums. Each text is built when first read; `manifest.json` hashes
 * every other file. `files` counts them as `writeSnapshot` does.
 */
export function snapshotTexts(snapshot: Snapshot): SnapshotFileSource & { files: number } {
  const [manifest, ...resources] = planFiles(snapshot);
  const values = new Map(resources.map(({ file, value }) => [file, value]));
  const texts = new Map<string, { text: string; sha256: string }>();
  const resourceText = (file: string, value: unknown) => {
    let read = texts.get(file);
    if (read === undefined) {
      const text = stableStringify(value);
      texts.set(file, (read = { text, sha256: sha256(Buffer.from(text, 'utf8')) }));
    }
    return read;
  };
  return {
    files: resources.length + 1,
    read(file) {
      if (file === manifest!.file) {
        const text = manifestText(manifest!, Object.fromEntries(resources.map(({ file: other, value }) => [other, resourceText(other, value).sha256])));
        return { text, sha256: sha256(Buffer.from(text, 'utf8')) };
      }
      return values.has(file) ? resourceText(file, values.get(file)) : undefined;
    },
  };
}

/** Creates `file` (never opening an existing file or link) and returns the SHA-256 of what it wrote. */
function writeNewFile(file: string, text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  writeFileSync(file, bytes, { flag: 'wx' });
  return sha256(bytes);
}

/** Swaps the finished folder in, over the earlier snapshot at `dir` when `replaces`. */
async function moveIntoPlace(staging: string, dir: string, replaces: boolean): Promise<void> {
  const target = path.resolve(dir);
  await explainWriteError('snapshot-unwritable', `the snapshot to ${dir}`, async () => {
    if (!replaces) return rename(staging, target);
    for (const name of (await readdir(target)).filter(isHidden)) await rename(path.join(target, name), path.join(staging, name));
    const retired = path.join(path.dirname(target), `.${path.basename(target)}.replaced-${randomUUID()}`);
    await rename(target, retired);
    await rename(staging, target);
    // rm does not follow links: a link that appeared meanwhile is removed, not what it points at. The new snapshot is in
    // place: interrupted, the earlier one is removed all the same, not left hidden beside it.
    await removedOnInterrupt(
      () => rmSync(retired, { recursive: true, force: true }),
      () => rm(retired, { recursive: true, force: true }),
    );
  });
}

function sortedKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareCodePoints(a, b)));
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
    for (const type of ENVIRONMENT_RESOURCE_TYPES) {
      for (const resource of env[ENVIRONMENT_ARRAYS[type]]) plan.push({ file: resourceFile(type, environmentId, resource.id), value: resource });
    }
  }
  const seen = new Set<string>();
  for (const { file } of plan) {
    if (seen.has(file)) throw new Error(`Two resources of the snapshot have the same id and would share ${file}.`);
    seen.add(file);
    assertNameFits(file);
  }
  return plan;
}

/** Most file systems cap a name at 255 bytes; PingOne ids are UUIDs, so a longer one came from somewhere else. */
const NAME_MAX_BYTES = 255;

function assertNameFits(file: string): void {
  const segments = file.split('/');
  const tooLong = segments.findIndex((segment) => Buffer.byteLength(segment) > NAME_MAX_BYTES);
  if (tooLong === -1) return;
  // The id itself is the API's text and stays out of the message; its folder says what it was.
  throw new UserFacingError(
    'snapshot-unwritable',
    `The API returned an id too long to name a snapshot file: in ${segments.slice(0, tooLong).join('/') || 'the snapshot'}, a name of ${Buffer.byteLength(segments[tooLong]!)} bytes (at most ${NAME_MAX_BYTES}).`,
    { hint: 'PingOne ids are UUIDs: check that PINGONE_API_URL points at the PingOne Management API.' },
  );
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
  return compareCodePoints(a.environmentId ?? '', b.environmentId ?? '') || compareCodePoints(a.kind, b.kind) || compareCodePoints(a.path ?? '', b.path ?? '');
}

function canonicalEnvironment(env: EnvironmentSnapshot): EnvironmentSnapshot {
  const canonical = { environment: withoutLinks(env.environment) } as EnvironmentSnapshot;
  for (const type of ENVIRONMENT_RESOURCE_TYPES) {
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
