import { randomUUID } from 'node:crypto';
import { access, constants, lstat, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ErrorCode } from './error-codes.js';
import { UserFacingError } from './errors.js';
import { findOpenFileLimit, tooManyOpenFiles } from './open-file-limit.js';
import { batchChunks } from './output/json-chunks.js';

/**
 * Checks that `target` (a file or folder pingone-audit is about to create) can be created: the
 * nearest folder that exists on its path is a folder and writable. Throws a {@link UserFacingError}
 * that names `what` (e.g. "the snapshot to out/", "--output results.sarif") otherwise.
 */
export async function assertCreatable(target: string, what: string): Promise<void> {
  let folder = path.dirname(path.resolve(target));
  while (!(await exists(folder)) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  if (!(await stat(folder)).isDirectory()) {
    throw new UserFacingError('output-unwritable', `Cannot write ${what}: ${folder} is a file, not a folder.`, { hint: 'Choose a path whose folders are folders.' });
  }
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new UserFacingError('output-unwritable', `Cannot write ${what}: ${folder} is not writable.`, { hint: 'Choose a folder you can write to.' });
  }
}

/**
 * Checks, before any work, that a report may be written to `file`: it is missing or a regular
 * file (never a folder, a link, a pipe or a device), and its folder can be created or written.
 */
export async function checkOutputFile(file: string, flag: string): Promise<void> {
  const what = `${flag} ${file}`;
  const stats = await lstat(file).catch(() => undefined);
  if (stats?.isSymbolicLink()) {
    throw new UserFacingError('output-unwritable', `Will not write ${what}: it is a symbolic link, and pingone-audit never writes through links.`, { hint: 'Name the real file, or a new one.' });
  }
  if (stats?.isDirectory()) throw new UserFacingError('output-unwritable', `Cannot write ${what}: it is a folder.`, { hint: `Name a file, e.g. ${path.join(file, 'report')}.` });
  if (stats !== undefined && !stats.isFile()) {
    throw new UserFacingError('output-unwritable', `Will not write ${what}: it is not a regular file (a pipe, a socket or a device).`, { hint: 'Name a regular file.' });
  }
  await assertCreatable(file, what);
}

/**
 * Writes `content` (text, or pieces written as they are produced) to a new file beside `file` and
 * renames it over `file`: a reader never sees half a report, and a link at `file` is replaced, never
 * written through.
 */
export async function replaceFile(file: string, content: string | Iterable<string> | Iterable<Uint8Array>): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  try {
    if (typeof content === 'string') await writeFile(temporary, content, { flag: 'wx' });
    else await writeChunks(temporary, content);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Bytes gathered before each write of a piece-by-piece report: few system calls, little memory. */
const WRITE_BATCH = 1 << 20;

/** Writes the pieces to a new file in batches of about {@link WRITE_BATCH} characters (blocks of bytes as they are), as they are produced. */
async function writeChunks(file: string, chunks: Iterable<string> | Iterable<Uint8Array>): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    // writeFile on a handle writes from the current position, all of it: successive calls append.
    for (const batch of batchChunks(chunks, WRITE_BATCH)) await handle.writeFile(batch, 'utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Runs a write; a refusal of the file system that the user can fix (permissions, a read-only or full
 * disk, a name too long, a file where a folder belongs) becomes a {@link UserFacingError} with
 * `errorCode` naming `what` ("the snapshot to out/"), the limit of open files one with `too-many-open-files`;
 * anything else is re-thrown as the bug it is.
 */
export async function explainWriteError(errorCode: ErrorCode, what: string, task: () => Promise<unknown>): Promise<void> {
  try {
    await task();
  } catch (error) {
    const limit = findOpenFileLimit(error);
    if (limit !== undefined) throw tooManyOpenFiles(limit, `write ${what}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined || !USER_FIXABLE.has(code)) throw error;
    throw new UserFacingError(errorCode, `Cannot write ${what}: ${(error as Error).message}.`, {
      hint: HINTS[code] ?? 'Choose a folder on a disk you can write to, with room for the output.',
      cause: error,
    });
  }
}

// ENOENT and ENOTEMPTY come after the checks made before any work: the folder was removed or filled meanwhile, or takes
// no new files (/proc). Before, they were an internal error (exit 70) after the whole run.
const USER_FIXABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENAMETOOLONG', 'EEXIST', 'ENOTDIR', 'EISDIR', 'ENOENT', 'ENOTEMPTY']);

const HINTS: Partial<Record<string, string>> = {
  ENAMETOOLONG: 'Choose a shorter path.',
  ENOENT: 'Choose a folder that stays in place during the run and can hold new files.',
  ENOTEMPTY: 'Choose a folder nothing else writes to during the run.',
};

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}
