import { UserFacingError } from './errors.js';

/**
 * The error codes of a limit on open files: EMFILE when this process holds as many as its limit allows (`ulimit -n`,
 * RLIMIT_NOFILE), ENFILE when the whole system does (`fs.file-max` on Linux). See open(2), "ERRORS".
 */
const LIMIT_CODES = new Set(['EMFILE', 'ENFILE']);

/**
 * The EMFILE or ENFILE error in `error` or in its chain of causes, or undefined when there is none: such a failure is
 * the machine's limit, which the user can raise, not a bug. A {@link UserFacingError} already says what happened, so
 * the search stops there: an error that gathers several failures, the first of them at the limit, may hold a bug too.
 */
export function findOpenFileLimit(error: unknown): NodeJS.ErrnoException | undefined {
  const seen = new Set<unknown>();
  for (let current = error; current instanceof Error && !(current instanceof UserFacingError) && !seen.has(current); current = current.cause) {
    seen.add(current);
    if (LIMIT_CODES.has((current as NodeJS.ErrnoException).code ?? '')) return current as NodeJS.ErrnoException;
  }
  return undefined;
}

/**
 * The {@link UserFacingError} (`too-many-open-files`) for `failure`, an EMFILE or ENFILE error: what could not be
 * done (`task`, such as "read the snapshot in out/"; left out when unknown), the file being opened (the error's
 * `path`, else its system call) and how to raise the limit.
 */
export function tooManyOpenFiles(failure: NodeJS.ErrnoException, task?: string): UserFacingError {
  const opening = failure.path === undefined ? `in ${failure.syscall ?? 'a system call'}` : `opening ${failure.path}`;
  const system = failure.code === 'ENFILE';
  const what = `${system ? 'the system has too many open files (ENFILE)' : 'too many open files (EMFILE)'} ${opening}`;
  const message = task === undefined ? `${what[0]!.toUpperCase()}${what.slice(1)}` : `Cannot ${task}: ${what}`;
  if (system) {
    return new UserFacingError('too-many-open-files', `${message}.`, {
      hint: "Close programs that hold many files open, or raise the system's limit (on Linux: sysctl fs.file-max), then run the command again.",
      cause: failure,
    });
  }
  return new UserFacingError('too-many-open-files', `${message}: pingone-audit reached its limit of open files (ulimit -n).`, {
    hint: 'Raise the limit, e.g. `ulimit -n 4096` in this shell (LimitNOFILE= for a systemd service), then run the command again.',
    cause: failure,
  });
}
