import * as crypto from 'node:crypto';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseJson } from '../json/parse-json.js';
import { MANIFEST_FILE } from './layout.js';

/** Files and folders whose name starts with a dot (`.git`, `.DS_Store`) are never part of a snapshot. */
export const isHidden = (name: string) => name.startsWith('.');

/** What a path holds, as far as reading or writing a snapshot there is concerned. */
export type FolderState =
  | 'missing'
  | 'not-a-folder'
  /** The path itself is a symbolic link (reported only when links are not followed). */
  | 'symlink'
  /** Nothing in it but hidden entries. */
  | 'empty'
  /** Holds a `manifest.json` that pingone-audit wrote (see {@link isOwnManifest}). */
  | 'snapshot'
  /** Has visible entries but no manifest of ours: not ours to read or replace. */
  | 'foreign';

/**
 * What is at `dir`. `followLink: false` (for writing) reports a link at `dir` as `symlink` instead
 * of looking through it. A folder counts as a snapshot only by its manifest's content, never by
 * the file name alone: a web app's `manifest.json` makes the folder foreign. With `readManifest: false` a
 * folder holding a `manifest.json` is `snapshot` unread, for a caller that reads and checks it next anyway.
 */
export async function inspectFolder(dir: string, options: { followLink: boolean; readManifest?: boolean }): Promise<FolderState> {
  try {
    const stats = options.followLink ? await stat(dir) : await lstat(dir);
    if (stats.isSymbolicLink()) return 'symlink';
    if (!stats.isDirectory()) return 'not-a-folder';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    // A file where a folder of the path should be: nothing is at `dir`, and creating it will say why it cannot.
    if (code === 'ENOTDIR') return 'missing';
    throw error;
  }
  const names = await readdir(dir);
  if (!names.some((name) => !isHidden(name))) return 'empty';
  if (!names.includes(MANIFEST_FILE)) return 'foreign';
  if (options.readManifest === false) return 'snapshot';
  return (await readOwnManifest(dir)) === undefined ? 'foreign' : 'snapshot';
}

/** The parsed `dir/manifest.json` when it is a regular file of pingone-audit's own format, else undefined. */
async function readOwnManifest(dir: string): Promise<unknown> {
  const file = path.join(dir, MANIFEST_FILE);
  if (!(await lstat(file)).isFile()) return undefined;
  try {
    const value = parseJson(await readFile(file, 'utf8'));
    return isOwnManifest(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** True for a manifest of pingone-audit's own format, whatever its version: `tool.name` and a numeric `schemaVersion`. */
export function isOwnManifest(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const { tool, schemaVersion } = value as { tool?: { name?: unknown }; schemaVersion?: unknown };
  return typeof schemaVersion === 'number' && tool?.name === 'pingone-audit';
}

/** The visible content of a folder tree: regular files, and anything else (links, FIFOs, sockets), never followed. */
export interface FolderTree {
  /** Relative paths with forward slashes, sorted. */
  files: string[];
  /** Entries that are neither a folder nor a regular file, sorted. */
  others: string[];
}

/**
 * Walks `dir` without following links; hidden entries are skipped at every depth. Once `signal` is aborted no further
 * folder is read, and the partial tree is of no use.
 */
export async function listTree(dir: string, signal?: AbortSignal): Promise<FolderTree> {
  const tree: FolderTree = { files: [], others: [] };
  const visit = async (relative: string): Promise<void> => {
    if (signal?.aborted === true) return;
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    const folders: string[] = [];
    for (const entry of entries) {
      if (isHidden(entry.name)) continue;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) folders.push(child);
      else (entry.isFile() ? tree.files : tree.others).push(child);
    }
    await Promise.all(folders.map(visit));
  };
  await visit('');
  tree.files.sort();
  tree.others.sort();
  return tree;
}

/** Every visible regular file below `dir`, as relative paths with forward slashes, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  return (await listTree(dir)).files;
}

/** The absolute path of a layout path (forward slashes) inside `dir`. */
export function filePath(dir: string, relative: string): string {
  // One join, not one argument per segment: this runs once per file of a 14,000-file snapshot.
  return path.join(dir, path.sep === '/' ? relative : relative.replaceAll('/', path.sep));
}

/** Node 20.12 and later hash small inputs in one call, without a Hash object per file. */
const hashOnce = (crypto as Partial<Pick<typeof crypto, 'hash'>>).hash;

/** SHA-256 of `bytes`, lower-case hex, as `manifest.json` lists it. */
export function sha256(bytes: Uint8Array): string {
  return hashOnce === undefined ? crypto.createHash('sha256').update(bytes).digest('hex') : hashOnce('sha256', bytes, 'hex');
}
