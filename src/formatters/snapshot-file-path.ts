import path from 'node:path';
import type { Location } from '../engine/types.js';

/** The file's path from the repository root: the snapshot folder (when relative) joined with it. */
export function snapshotFilePath(file: string, snapshotDir: string | undefined): string {
  return path.posix.join(relativeFolder(snapshotDir), toPosix(file));
}

/** `apps/x.json:12` (see {@link snapshotFilePath}), or the path alone when the line is not known. */
export function snapshotFileLine({ file, line }: Pick<Location, 'file' | 'line'>, snapshotDir: string | undefined): string {
  const filePath = snapshotFilePath(file, snapshotDir);
  return line === undefined ? filePath : `${filePath}:${line}`;
}

function relativeFolder(snapshotDir: string | undefined): string {
  if (snapshotDir === undefined || snapshotDir === '') return '.';
  const posix = toPosix(snapshotDir);
  if (path.posix.isAbsolute(posix) || /^[A-Za-z]:/.test(posix)) return '.';
  return posix;
}

function toPosix(value: string): string {
  return value.replace(/\\/g, '/');
}
