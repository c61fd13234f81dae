import { readFile, type Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { toolVersion } from '../paths.js';
import { withUnrecordedKindsFailed } from './collection-coverage.js';
import { pointerSegment, scanJson } from './json-scanner.js';
import { ENVIRONMENT_ARRAYS, ENVIRONMENT_FILE, environmentFolder, layoutPathParser, MANIFEST_FILE, type LayoutEntry, type WrittenManifest } from './layout.js';
import { createLineLocator, type SnapshotFileSource } from './locate-line.js';
import { SNAPSHOT_SCHEMA_VERSION, type Environment, type EnvironmentSnapshot, type Role, type Snapshot } from './model.js';
import { readChunk, type ReadChunk, type ReadFailure, type ReadScratch } from './read-chunk.js';
import { filePath, inspectFolder, isOwnManifest, listTree } from './snapshot-folder.js';
import { checkAgainstSchema, type FileDefinition } from './snapshot-schema.js';
import { compareCodePoints } from './stable-json.js';
import { UserFacingError } from '../errors.js';
import { findOpenFileLimit, tooManyOpenFiles } from '../open-file-limit.js';
import { parseJson } from '../json/parse-json.js';
import { InvalidSnapshotError, type SnapshotProblem } from './invalid-snapshot-error.js';

/** A layout file other than the manifest. */
type FileEntry = Exclude<LayoutEntry, { kind: 'manifest' }>;
/**
 * No file pingone-audit writes comes near this (one answer is capped at --max-answer-mb, 32 MiB by
 * default); a larger one was grown by hand or by damage, and reading it whole could exhaust memory or
 * exceed the longest string Node can hold (an internal error, exit 70, on a 600 MiB file).
 */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Reads a snapshot folder back into the model. The folder must hold exactly the files its
 * `manifest.json` lists, each with the SHA-256 listed, and every file must conform to
 * `schemas/snapshot.schema.json`; links and other special files are refused, never followed. A
 * kind the manifest holds no collection entry for comes back as a failed entry (not collected).
 * Throws a {@link UserFacingError} when the folder is missing, is not a pingone-audit snapshot or
 * has another format version, and an {@link InvalidSnapshotError} listing every problem otherwise.
 * Resources come back ordered by id.
 */
export async function loadSnapshot(dir: string): Promise<Snapshot> {
  return (await loadFolder(dir, false)).snapshot;
}

/**
 * Files read at a time, synchronously, into one buffer: a snapshot's files are small and mostly cached, and one
 * promise and thread-pool round trip per file (open, stat, read, close) cost more than the reading itself.
 */
const CHUNK_FILES = 128;

/** A snapshot as {@link loadSnapshotWithFiles} reads it: the model, and the text of each file it was read from. */
export interface LoadedSnapshot {
  snapshot: Snapshot;
  /** Each file's text as read and checked, with the SHA-256 the manifest lists for it (which its bytes have). */
  files: SnapshotFileSource;
}

/**
 * {@link loadSnapshot}, keeping the files' bytes (11 MB for 14,000 files): findings get their lines
 * from the very texts that were audited, without reading and hashing every file again.
 */
export async function loadSnapshotWithFiles(dir: string): Promise<LoadedSnapshot> {
  return await loadFolder(dir, true);
}

/** Without `keepTexts`, the files' bytes are not kept (11 MB for 14,000 files, each page of it a fault the first time). */
async function loadFolder(dir: string, keepTexts: boolean): Promise<LoadedSnapshot> {
  try {
    return await readSnapshotFolder(dir, keepTexts);
  } catch (error) {
    const limit = findOpenFileLimit(error);
    if (limit !== undefined) throw tooManyOpenFiles(limit, `read the snapshot in ${dir}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined || !UNREADABLE.has(code)) throw error;
    throw new UserFacingError('snapshot-unreadable', `Cannot read the snapshot in ${dir}: ${(error as Error).message}.`, {
      hint: 'Check that you may read the folder and every file in it (ls -lR), then run the command again.',
      cause: error,
    });
  }
}

const MISSING = `missing: ${MANIFEST_FILE} lists it, the folder does not hold it`;
const NOT_REGULAR = 'not a regular file (a link, a pipe or a device): a snapshot holds regular files only, and this one was not read';

/**
 * The problem of a file that was a regular file when the folder was listed and was changed under us before it was
 * read: gone (removed or moved, its folder too) is missing, as if it had never been there; a link now (never
 * followed: ELOOP) is not a regular file, as if the listing had seen it. Undefined for any other failure.
 */
export function changedSinceListed(file: string, failure: ReadFailure): SnapshotProblem | undefined {
  if (failure.code === 'ENOENT' || failure.code === 'ENOTDIR') return { file, message: MISSING };
  return failure.code === 'ELOOP' ? { file, message: NOT_REGULAR } : undefined;
}

/** File-system refusals that the user can fix (permissions, a folder where a file belongs). */
const UNREADABLE = new Set(['EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ELOOP', 'EIO', 'ENAMETOOLONG']);

async function readSnapshotFolder(dir: string, keepTexts: boolean): Promise<LoadedSnapshot> {
  await assertSnapshotFolder(dir);
  return await readListedFiles(dir, await lstat(filePath(dir, MANIFEST_FILE)), keepTexts);
}

async function readListedFiles(dir: string, manifestStats: Stats, keepTexts: boolean): Promise<LoadedSnapshot> {
  const problems: SnapshotProblem[] = [];
  // Listed while the manifest is read and parsed: the folders' reads run on libuv's threads meanwhile. Awaited only
  // once the manifest is good (a listing's failure beside a bad manifest goes unsaid, as the manifest's own error is
  // what to fix), and stopped when it is not: a folder that only holds some other manifest.json may be a large tree.
  const stopListing = new AbortController();
  const listing = listTree(dir, stopListing.signal);
  listing.catch(() => undefined);
  let written: WrittenManifest | undefined;
  try {
    written = await readManifest(dir, manifestStats, problems);
  } finally {
    if (written === undefined) stopListing.abort();
  }
  // Without a readable file list nothing else can be checked.
  if (written === undefined) throw new InvalidSnapshotError(dir, problems);
  const { files, others } = await listing;
  for (const file of others) problems.push({ file, message: NOT_REGULAR });
  const listed = written.files;
  const entries = matchListing(files, others, listed, problems);
  const paths = entries.map(({ file }) => file);
  const checksums = paths.map((file) => listed[file]!);
  const values = new Array<unknown>(entries.length);
  // Where each file's bytes are, decoded again when a finding's line is looked up: kept as text (or a Buffer each), they
  // would be copied by every young-generation collection.
  const chunkOf = new Array<Buffer>(keepTexts ? entries.length : 0);
  const startOf = new Int32Array(keepTexts ? entries.length : 0);
  const endOf = new Int32Array(keepTexts ? entries.length : 0);
  // The error of the first file in entry order that could not be read: as reading them one by one would have thrown.
  let unreadable: { index: number; failure: ReadFailure } | undefined;
  const onChunk = ({ from, bytes, ends, outcomes }: ReadChunk) => {
    // The chunk's bytes are read over by the next chunk: kept, they are copied once, whole.
    const held = keepTexts ? Buffer.from(bytes) : bytes;
    for (let offset = 0; offset < outcomes.length; offset += 1) {
      const outcome = outcomes[offset]!;
      const index = from + offset;
      const { file, entry } = entries[index]!;
      if ('failure' in outcome) {
        const problem = changedSinceListed(file, outcome.failure);
        if (problem !== undefined) problems.push(problem);
        else if (unreadable === undefined || index < unreadable.index) unreadable = { index, failure: outcome.failure };
      } else if ('tooLarge' in outcome) tooLarge(file, outcome.tooLarge, problems);
      else if ('notRegular' in outcome) problems.push({ file, message: NOT_REGULAR });
      else {
        const start = ends[offset - 1] ?? 0;
        const value = readChecked(held.toString('utf8', start, ends[offset]), outcome.sha256, file, checksums[index]!, entry, problems);
        if (value === undefined) continue;
        values[index] = value;
        if (!keepTexts) continue;
        chunkOf[index] = held;
        startOf[index] = start;
        endOf[index] = ends[offset]!;
      }
    }
  };
  const request = { dir, files: paths, checksums, maxBytes: MAX_FILE_BYTES };
  const scratch: ReadScratch = {};
  for (let from = 0; from < paths.length && unreadable === undefined; from += CHUNK_FILES) {
    onChunk(readChunk(scratch, { ...request, from, to: Math.min(from + CHUNK_FILES, paths.length) }));
  }
  if (unreadable !== undefined) throw Object.assign(new Error(unreadable.failure.message), unreadable.failure);
  const snapshot = assemble(entries, values, problems);
  if (problems.length > 0) throw new InvalidSnapshotError(dir, problems.sort(byFileThenLine));
  const { files: _checked, ...manifest } = written;
  // Looked up by path only when a finding's line is: built then, once.
  let indexOf: Map<string, number> | undefined;
  const fileSource: SnapshotFileSource = {
    read: (file) => {
      indexOf ??= new Map(paths.flatMap((path, index) => (chunkOf[index] === undefined ? [] : [[path, index] as const])));
      const index = indexOf.get(file);
      return index === undefined ? undefined : { text: chunkOf[index]!.toString('utf8', startOf[index], endOf[index]), sha256: checksums[index]! };
    },
  };
  return { snapshot: { manifest: withUnrecordedKindsFailed(manifest), ...snapshot }, files: fileSource };
}

/**
 * The files of the folder (`files`, sorted) that the manifest lists and the layout names: those to read, in that
 * order. Records a problem for a file it does not list, and for a listed path that names no layout file or is not
 * in the folder (`others` holds those that are there but not regular files, reported already).
 */
function matchListing(files: readonly string[], others: readonly string[], listed: Record<string, string>, problems: SnapshotProblem[]): Array<{ file: string; entry: FileEntry }> {
  const entries: Array<{ file: string; entry: FileEntry }> = [];
  let listedHere = 0;
  let unnamed = false;
  const parseLayoutPath = layoutPathParser();
  for (const file of files) {
    if (file === MANIFEST_FILE) continue;
    const entry = parseLayoutPath(file);
    if (!Object.hasOwn(listed, file)) problems.push({ file, message: `not listed in ${MANIFEST_FILE}: pingone-audit did not write it with this snapshot` });
    else {
      listedHere += 1;
      if (entry === undefined) unnamed = true;
      else if (entry.kind !== 'manifest') entries.push({ file, entry });
    }
  }
  const listing = Object.keys(listed);
  // As many listed paths as listed files here, each a layout file: every listed path is one of them, nothing to report.
  if (!unnamed && listedHere === listing.length) return entries;
  const here = new Set(files);
  for (const file of listing) {
    if (parseLayoutPath(file) === undefined) problems.push({ file: MANIFEST_FILE, pointer: `/files/${pointerSegment(file)}`, message: 'names no file of the snapshot layout' });
    else if (!here.has(file) && file !== MANIFEST_FILE && !others.includes(file)) problems.push({ file, message: MISSING });
  }
  return entries;
}

async function assertSnapshotFolder(dir: string): Promise<void> {
  const create = `Run \`pingone-audit snapshot --out ${dir}\` to collect one, or pass the folder an earlier run wrote.`;
  // readManifest reads and checks the manifest next: it is large (a line per file), so it is read once.
  switch (await inspectFolder(dir, { followLink: true, readManifest: false })) {
    case 'missing':
      throw new UserFacingError('snapshot-missing', `There is no snapshot folder at ${dir}.`, { hint: create });
    case 'not-a-folder':
      throw new UserFacingError('snapshot-missing', `${dir} is a file; a snapshot is a folder with ${MANIFEST_FILE} in it.`, { hint: create });
    case 'empty':
      throw new UserFacingError('snapshot-missing', `${dir} is not a snapshot folder: it has no ${MANIFEST_FILE}.`, { hint: create });
    case 'foreign':
      if (await hasManifestFile(dir)) return;
      throw new UserFacingError('snapshot-missing', `${dir} is not a snapshot folder: it has no ${MANIFEST_FILE}.`, { hint: create });
    case 'symlink':
    case 'snapshot':
      return;
  }
}

async function hasManifestFile(dir: string): Promise<boolean> {
  return lstat(filePath(dir, MANIFEST_FILE)).then(
    () => true,
    () => false,
  );
}

async function readManifest(dir: string, stats: Stats, problems: SnapshotProblem[]): Promise<WrittenManifest | undefined> {
  const file = filePath(dir, MANIFEST_FILE);
  if (!stats.isFile()) {
    throw new UserFacingError('snapshot-missing', `${dir} is not a snapshot pingone-audit can read: its ${MANIFEST_FILE} is not a regular file (a link, a pipe or a device).`, {
      hint: `Collect the snapshot again with \`pingone-audit snapshot --out <new folder>\`.`,
    });
  }
  if (tooLarge(MANIFEST_FILE, stats.size, problems)) return undefined;
  // Read as bytes, then decoded: Node 20's readFileSync(file, 'utf8') took twice as long on a 2.5 MB manifest. Read on
  // libuv's threads, in a few round trips, each a turn in which the folder's listing goes on.
  const text = (await readBytes(file)).toString('utf8');
  const value = parseOrReport(text, MANIFEST_FILE, problems);
  if (value === undefined) return undefined;
  if (!isOwnManifest(value)) {
    throw new UserFacingError(
      'snapshot-missing',
      `${dir} is not a pingone-audit snapshot: its ${MANIFEST_FILE} was not written by pingone-audit (no "tool": {"name": "pingone-audit"} and "schemaVersion").`,
      {
        hint: `Pass the folder \`pingone-audit snapshot\` wrote, or collect one with \`pingone-audit snapshot --out <folder>\`.`,
      },
    );
  }
  const version = (value as { schemaVersion: number }).schemaVersion;
  const writtenBy = (value as { tool: { version?: unknown } }).tool.version;
  const by = typeof writtenBy === 'string' ? ` (written by pingone-audit ${JSON.stringify(writtenBy).slice(1, -1)})` : '';
  if (version === 1) {
    throw new UserFacingError(
      'snapshot-version',
      `The snapshot in ${dir} is in format 1${by}, which does not record the checksums of its files, so pingone-audit ${toolVersion} cannot tell whether it is complete.`,
      {
        hint: `Collect it again: \`pingone-audit snapshot --out ${dir}\` replaces it with a format ${SNAPSHOT_SCHEMA_VERSION} snapshot.`,
      },
    );
  }
  if (version !== SNAPSHOT_SCHEMA_VERSION) {
    throw new UserFacingError('snapshot-version', `The snapshot in ${dir} has format version ${version}${by}; pingone-audit ${toolVersion} reads version ${SNAPSHOT_SCHEMA_VERSION}.`, {
      hint: `Collect it again with this version (\`pingone-audit snapshot\`), or use the pingone-audit version that wrote it.`,
    });
  }
  return reportViolations(text, MANIFEST_FILE, 'manifest', value, problems) ? (value as WrittenManifest) : undefined;
}

/** A file's bytes by `fs.readFile` (its callback form reads into one buffer of the file's size, no copy at the end). */
function readBytes(file: string): Promise<Buffer> {
  return new Promise((resolve, reject) => readFile(file, (error, bytes) => (error === null ? resolve(bytes) : reject(error))));
}

/** Parses and checks one file's text: its value, or undefined (with problems recorded) when it does not conform. */
function readChecked(text: string, sha256: string, file: string, checksum: string, entry: FileEntry, problems: SnapshotProblem[]): unknown {
  if (sha256 !== checksum) problems.push({ file, message: `changed since pingone-audit wrote it: its SHA-256 is not the one ${MANIFEST_FILE} lists` });
  const value = parseOrReport(text, file, problems);
  if (value === undefined || !reportViolations(text, file, definitionOf(entry), value, problems)) return undefined;
  const expected = expectedIds(entry);
  const resource = value as { id: string; environment?: { id?: unknown } };
  const mismatches = [];
  if (resource.id !== expected.id) mismatches.push({ pointer: '/id', message: `must be ${JSON.stringify(expected.id)}, the id its path names; found ${JSON.stringify(resource.id)}` });
  const environmentId = resource.environment?.id;
  if (expected.environmentId !== undefined && typeof environmentId === 'string' && environmentId !== expected.environmentId) {
    mismatches.push({ pointer: '/environment/id', message: `must be ${JSON.stringify(expected.environmentId)}, the environment of its folder; found ${JSON.stringify(environmentId)}` });
  }
  if (mismatches.length === 0) return value;
  const locate = createLineLocator(() => text);
  problems.push(...mismatches.map((mismatch) => ({ file, line: locate(file, mismatch.pointer), ...mismatch })));
  return undefined;
}

/** Records a problem, and says so, when a file is larger than any pingone-audit writes: it is not read. */
function tooLarge(file: string, size: number, problems: SnapshotProblem[]): boolean {
  if (size <= MAX_FILE_BYTES) return false;
  const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
  problems.push({ file, message: `is ${mib(size)}, larger than any file pingone-audit writes (${mib(MAX_FILE_BYTES)}); it was not read` });
  return true;
}

/** {@link parseJson}, and on failure the line and column from our own scanner (Node's message lacks them on some versions). */
function parseOrReport(text: string, file: string, problems: SnapshotProblem[]): unknown {
  try {
    // The writer never writes a "__proto__" member (the collector drops them too): one here was put in by hand.
    return parseJson(text, () => problems.push({ file, message: 'has a "__proto__" member, which no snapshot file has; it was not read' }));
  } catch (error) {
    const located = scanJson(text).error;
    problems.push({
      file,
      ...(located === undefined ? {} : { line: located.line, column: located.column }),
      message: `not valid JSON: ${located?.message ?? (error as Error).message}`,
    });
    return undefined;
  }
}

/** Records every schema violation of `value`, each with its line; true when there was none. */
function reportViolations(text: string, file: string, definition: FileDefinition, value: unknown, problems: SnapshotProblem[]): boolean {
  const violations = checkAgainstSchema(definition, value);
  if (violations.length === 0) return true;
  const locate = createLineLocator(() => text);
  for (const { pointer, message } of violations) problems.push({ file, line: locate(file, pointer), pointer, message });
  return false;
}

function byFileThenLine(a: SnapshotProblem, b: SnapshotProblem): number {
  return compareCodePoints(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0);
}

function definitionOf(entry: FileEntry): FileDefinition {
  if (entry.kind === 'built-in-role') return 'role';
  return entry.kind === 'environment' ? 'environment' : entry.type;
}

function expectedIds(entry: FileEntry): { id: string; environmentId?: string } {
  if (entry.kind === 'built-in-role') return { id: entry.id };
  if (entry.kind === 'environment') return { id: entry.environmentId };
  return { id: entry.id, environmentId: entry.environmentId };
}

function assemble(entries: ReadonlyArray<{ file: string; entry: FileEntry }>, values: readonly unknown[], problems: SnapshotProblem[]): Omit<Snapshot, 'manifest'> {
  const roles: Role[] = [];
  const environments = new Map<string, Partial<EnvironmentSnapshot>>();
  const environmentOf = (id: string) => {
    let env = environments.get(id);
    if (env === undefined) environments.set(id, (env = emptyEnvironment()));
    return env;
  };
  const environmentFiles = new Set<string>();
  entries.forEach(({ entry }, index) => {
    const value = values[index];
    if (entry.kind === 'environment') environmentFiles.add(entry.environmentId);
    // A file that did not conform has its problems recorded already.
    if (value === undefined) return;
    if (entry.kind === 'built-in-role') roles.push(value as Role);
    else if (entry.kind === 'environment') environmentOf(entry.environmentId).environment = value as Environment;
    else if (entry.kind === 'resource') (environmentOf(entry.environmentId)[ENVIRONMENT_ARRAYS[entry.type]] as unknown[]).push(value);
  });
  for (const [id, env] of environments) {
    if (env.environment !== undefined) continue;
    if (!environmentFiles.has(id)) {
      problems.push({ file: `${environmentFolder(id)}/${ENVIRONMENT_FILE}`, message: 'missing: the folder holds resources of an environment but not the environment itself' });
    }
    environments.delete(id);
  }
  return {
    roles: byId(roles),
    environments: [...environments.values()].map((env) => sortEnvironment(env as EnvironmentSnapshot)).sort((a, b) => compareCodePoints(a.environment.id, b.environment.id)),
  };
}

function emptyEnvironment(): Partial<EnvironmentSnapshot> {
  return Object.fromEntries(Object.values(ENVIRONMENT_ARRAYS).map((array) => [array, []]));
}

function sortEnvironment(env: EnvironmentSnapshot): EnvironmentSnapshot {
  const sorted = { ...env };
  for (const key of Object.values(ENVIRONMENT_ARRAYS)) (sorted as unknown as Record<string, unknown[]>)[key] = byId(env[key] as Array<{ id: string }>);
  return sorted;
}

function byId<T extends { id: string }>(resources: readonly T[]): T[] {
  return [...resources].sort((a, b) => compareCodePoints(a.id, b.id));
}
