import { readFile } from 'node:fs/promises';
import { UserFacingError } from '../errors.js';
import { toolVersion } from '../paths.js';
import { scanJson } from './json-scanner.js';
import { ENVIRONMENT_ARRAYS, ENVIRONMENT_FILE, environmentFolder, MANIFEST_FILE, parseLayoutPath, type LayoutEntry } from './layout.js';
import { createLineLocator } from './locate-line.js';
import type { Environment, EnvironmentSnapshot, Role, Snapshot, SnapshotManifest } from './model.js';
import { filePath, forEachLimited, inspectFolder, listFiles } from './snapshot-folder.js';
import { checkAgainstSchema, type FileDefinition } from './snapshot-schema.js';
import { compareCodePoints } from './stable-json.js';
import { parseJson } from '../json/parse-json.js';

/** A file in the folder that is not part of a snapshot; it is ignored. */
export interface SnapshotWarning {
  file: string;
  message: string;
}

/** One thing wrong in a snapshot file, located by relative path, JSON pointer and line when known. */
export interface SnapshotProblem {
  file: string;
  pointer?: string;
  line?: number;
  column?: number;
  message: string;
}

/** A snapshot folder that does not conform; `problems` lists every problem found, in file order. */
export class InvalidSnapshotError extends UserFacingError {
  readonly problems: readonly SnapshotProblem[];

  constructor(dir: string, problems: readonly SnapshotProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`The snapshot in ${dir} has ${count}:\n${problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`, {
      hint: `Fix the files listed, or collect a fresh snapshot with \`pingone-audit snapshot\`.`,
    });
    this.problems = problems;
  }
}

/** `file:line[:column] pointer: message`, the form editors and terminals link to. */
export function formatProblem({ file, line, column, pointer, message }: SnapshotProblem): string {
  const where = [file, line, column].filter((part) => part !== undefined).join(':');
  return pointer === undefined ? `${where}: ${message}` : `${where} ${pointer === '' ? '(root)' : pointer}: ${message}`;
}

export interface LoadSnapshotOptions {
  /** Called for each file that is not part of the layout (a README, a stray export). */
  onWarning?: (warning: SnapshotWarning) => void;
}

const SCHEMA_VERSION = 1;

/** A layout file other than the manifest. */
type FileEntry = Exclude<LayoutEntry, { kind: 'manifest' }>;
const READ_CONCURRENCY = 32;

/**
 * Reads a snapshot folder back into the model, checking every file against
 * `schemas/snapshot.schema.json`. Throws a {@link UserFacingError} when the folder is missing, is
 * not a snapshot or has an unknown format version, and an {@link InvalidSnapshotError} listing
 * every problem when files do not conform. Resources come back ordered by id.
 */
export async function loadSnapshot(dir: string, options: LoadSnapshotOptions = {}): Promise<Snapshot> {
  const { snapshot, warnings } = await loadSnapshotWithWarnings(dir);
  warnings.forEach((warning) => options.onWarning?.(warning));
  return snapshot;
}

/** {@link loadSnapshot}, returning the warnings (files outside the layout) with the snapshot. */
export async function loadSnapshotWithWarnings(dir: string): Promise<{ snapshot: Snapshot; warnings: SnapshotWarning[] }> {
  await assertSnapshotFolder(dir);
  const problems: SnapshotProblem[] = [];
  const warnings: SnapshotWarning[] = [];
  const manifest = await readManifest(dir, problems);
  const entries: Array<{ file: string; entry: FileEntry }> = [];
  for (const file of await listFiles(dir)) {
    const entry = parseLayoutPath(file);
    if (entry === undefined) warnings.push({ file, message: 'not part of the snapshot layout; ignored' });
    else if (entry.kind !== 'manifest') entries.push({ file, entry });
  }
  const values = new Array<unknown>(entries.length);
  await forEachLimited([...entries.keys()], READ_CONCURRENCY, async (index) => {
    const { file, entry } = entries[index]!;
    values[index] = await readChecked(dir, file, definitionOf(entry), problems, expectedIds(entry));
  });
  const snapshot = assemble(manifest, entries, values, problems);
  if (problems.length > 0) throw new InvalidSnapshotError(dir, problems.sort(byFileThenLine));
  return { snapshot, warnings };
}

async function assertSnapshotFolder(dir: string): Promise<void> {
  const create = `Run \`pingone-audit snapshot\` to collect one into ${dir}, or pass the folder an earlier run wrote.`;
  switch (await inspectFolder(dir)) {
    case 'missing':
      throw new UserFacingError(`There is no snapshot folder at ${dir}.`, { hint: create });
    case 'not-a-folder':
      throw new UserFacingError(`${dir} is a file; a snapshot is a folder with ${MANIFEST_FILE} in it.`, { hint: create });
    case 'interrupted':
      throw new UserFacingError(`The snapshot in ${dir} is incomplete: writing it was interrupted.`, {
        hint: `Run \`pingone-audit snapshot\` into ${dir} again; it replaces what is there.`,
      });
    case 'empty':
    case 'foreign':
      throw new UserFacingError(`${dir} is not a snapshot folder: it has no ${MANIFEST_FILE}.`, { hint: create });
    case 'snapshot':
      return;
  }
}

async function readManifest(dir: string, problems: SnapshotProblem[]): Promise<SnapshotManifest | undefined> {
  const text = await readFile(filePath(dir, MANIFEST_FILE), 'utf8');
  const value = parseOrReport(text, MANIFEST_FILE, problems);
  const version = (value as { schemaVersion?: unknown } | undefined)?.schemaVersion;
  if (value !== undefined && version !== undefined && version !== SCHEMA_VERSION) {
    const writtenBy = (value as { tool?: { version?: unknown } }).tool?.version;
    throw new UserFacingError(
      `The snapshot in ${dir} has format version ${JSON.stringify(version)}${typeof writtenBy === 'string' ? ` (written by pingone-audit ${writtenBy})` : ''}; pingone-audit ${toolVersion} reads version ${SCHEMA_VERSION}.`,
      { hint: `Collect it again with this version (\`pingone-audit snapshot\`), or use the pingone-audit version that wrote it.` },
    );
  }
  return value === undefined || !reportViolations(text, MANIFEST_FILE, 'manifest', value, problems) ? undefined : (value as SnapshotManifest);
}

/** Parses and checks one file; undefined (with problems recorded) when it does not conform. */
async function readChecked(
  dir: string,
  file: string,
  definition: FileDefinition,
  problems: SnapshotProblem[],
  expected: { id: string; environmentId?: string },
): Promise<unknown> {
  const text = await readFile(filePath(dir, file), 'utf8');
  const value = parseOrReport(text, file, problems);
  if (value === undefined || !reportViolations(text, file, definition, value, problems)) return undefined;
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

function assemble(
  manifest: SnapshotManifest | undefined,
  entries: ReadonlyArray<{ file: string; entry: FileEntry }>,
  values: readonly unknown[],
  problems: SnapshotProblem[],
): Snapshot {
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
    manifest: manifest as SnapshotManifest,
    roles: byId(roles),
    environments: [...environments.values()]
      .map((env) => sortEnvironment(env as EnvironmentSnapshot))
      .sort((a, b) => compareCodePoints(a.environment.id, b.environment.id)),
  };
}

function emptyEnvironment(): Partial<EnvironmentSnapshot> {
  return { applications: [], users: [], groups: [], populations: [], signOnPolicies: [], roles: [], gateways: [] };
}

function sortEnvironment(env: EnvironmentSnapshot): EnvironmentSnapshot {
  const sorted = { ...env };
  for (const key of Object.values(ENVIRONMENT_ARRAYS)) (sorted as unknown as Record<string, unknown[]>)[key] = byId(env[key] as Array<{ id: string }>);
  return sorted;
}

function byId<T extends { id: string }>(resources: readonly T[]): T[] {
  return [...resources].sort((a, b) => compareCodePoints(a.id, b.id));
}
