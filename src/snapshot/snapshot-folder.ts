import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE } from './layout.js';

/**
 * Present while `writeSnapshot` is replacing a folder's files: a folder that still has it after
 * the write was interrupted, and holds a mix of old and new files.
 */
export const WRITE_MARKER = '.pingone-audit-write-in-progress';

/** Files and folders whose name starts with a dot (`.git`, `.DS_Store`) are never part of a snapshot. */
const isHidden = (name: string) => name.startsWith('.');

export type FolderState =
  | 'missing'
  | 'not-a-folder'
  /** Nothing in it but hidden entries. */
  | 'empty'
  | 'snapshot'
  /** A write into it did not finish. */
  | 'interrupted'
  /** Has visible files but no manifest: not ours to clear. */
  | 'foreign';

export async function inspectFolder(dir: string): Promise<FolderState> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    if (code === 'ENOTDIR') return 'not-a-folder';
    throw error;
  }
  if (names.includes(WRITE_MARKER)) return 'interrupted';
  if (names.includes(MANIFEST_FILE)) return 'snapshot';
  return names.some((name) => !isHidden(name)) ? 'foreign' : 'empty';
}

/** Every visible file below `dir`, as relative paths with forward slashes, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  const visit = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    const folders: string[] = [];
    for (const entry of entries) {
      if (isHidden(entry.name)) continue;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) folders.push(child);
      else files.push(child);
    }
    await Promise.all(folders.map(visit));
  };
  await visit('');
  return files.sort();
}

/** Runs `task` on every item with at most `limit` in flight; the first failure rejects. */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** The absolute path of a layout path (forward slashes) inside `dir`. */
export function filePath(dir: string, relative: string): string {
  return path.join(dir, ...relative.split('/'));
}
