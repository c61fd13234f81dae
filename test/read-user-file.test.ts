import { describe, expect, it } from 'vitest';
import { isPermissionDenied, readProblem } from '../src/read-user-file.js';

/** A failed file system call as Node reports it: a code and the call that failed. */
function failure(code: string, syscall = 'open'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall}`), { code, syscall });
}

describe('readProblem says in words why a path the user named could not be read', () => {
  it.each([
    [failure('ENOENT'), 'does not exist'],
    [failure('ENOTDIR', 'scandir'), 'is a file, not a folder'],
    [failure('ENOTDIR'), 'does not exist: a folder on its path is a file'],
    [failure('EISDIR'), 'is a folder, not a file'],
    [failure('EACCES'), 'cannot be read: permission denied'],
    [failure('EPERM', 'scandir'), 'cannot be read: permission denied'],
    [failure('EIO'), 'cannot be read (EIO)'],
    [new Error('no code'), 'cannot be read (error)'],
  ])('%s', (error, said) => {
    expect(readProblem(error)).toBe(said);
  });

  it('counts EACCES and EPERM as a permission denied, and nothing else', () => {
    expect([failure('EACCES'), failure('EPERM')].every(isPermissionDenied)).toBe(true);
    expect([failure('ENOENT'), failure('EROFS'), new Error('no code')].some(isPermissionDenied)).toBe(false);
  });
});
