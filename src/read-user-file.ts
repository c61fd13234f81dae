import { readFileSync, statSync } from 'node:fs';
import { UserFacingError } from './errors.js';
import { findOpenFileLimit, tooManyOpenFiles } from './open-file-limit.js';

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Reads a file the user named on the command line; a missing or unreadable file is a usage error
 * (`<Label> file <name> does not exist.`) with `hint`. `name` is how the user wrote it. Only a
 * regular file is opened: a FIFO would block the run for ever, a folder or device is a mistake.
 * A leading UTF-8 byte order mark (Windows editors write one) is dropped: JSON has none, and
 * `JSON.parse` would report it as an invisible "Unexpected token".
 */
export function readUserFile(absolutePath: string, name: string, label: string, hint: string): string {
  let text: string;
  try {
    if (!statSync(absolutePath).isFile()) {
      throw new UserFacingError('file-unreadable', `${label} file ${name} is not a regular file (a folder, a pipe or a device).`, { hint });
    }
    text = readFileSync(absolutePath, 'utf8');
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    const limit = findOpenFileLimit(error);
    if (limit !== undefined) throw tooManyOpenFiles(limit, `read ${label.toLowerCase()} file ${name}`);
    throw new UserFacingError('file-unreadable', `${label} file ${name} ${readProblem(error)}.`, { hint, cause: error });
  }
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text;
}

/**
 * Why a path the user named could not be read, in words that follow its name: `does not exist`, `cannot be read:
 * permission denied` …; the system's code only for a rarer failure. `ENOTDIR` from a folder's read is the path itself
 * being a file; from any other read, a folder on the way being one.
 */
export function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'ENOTDIR':
      return (error as NodeJS.ErrnoException).syscall === 'scandir' ? 'is a file, not a folder' : 'does not exist: a folder on its path is a file';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      return isPermissionDenied(error) ? 'cannot be read: permission denied' : `cannot be read (${code ?? 'error'})`;
  }
}

/** Whether a file system call failed for want of permission (`EACCES`, or `EPERM` where the system says that instead). */
export function isPermissionDenied(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM';
}
