import path from 'node:path';

/** The file's path from the repository root: the snapshot folder (when relative) joined with it. */
export function snapshotFilePath(file: string, snapshotDir: string | undefined): string {
  return path.posix.join(relativeFolder(snapshotDir), toPosix(file));
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
