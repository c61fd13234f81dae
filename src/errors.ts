import type { ErrorCode } from './error-codes.js';

/**
 * An error the user can fix: bad input, bad config, bad credentials, unreachable host.
 * `runCli` prints it as "what happened / what to do / where to read more / error code" and exits 2.
 * Anything that is not a UserFacingError is a bug and is re-thrown with its stack.
 */
export class UserFacingError extends Error {
  /** Stable across versions (see `ERROR_CODES`); the message is not. */
  readonly errorCode: ErrorCode;
  readonly hint: string | undefined;
  readonly seeAlso: string | undefined;
  /**
   * Problems listed under the first line of the message, one line each (the message holds them too, after a
   * newline): stderr shows them line by line, where any other newline in a message is shown escaped.
   */
  readonly listed: readonly string[] | undefined;

  constructor(errorCode: ErrorCode, message: string, options: { hint?: string | undefined; seeAlso?: string | undefined; cause?: unknown; listed?: readonly string[] | undefined } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserFacingError';
    this.errorCode = errorCode;
    this.hint = options.hint;
    this.seeAlso = options.seeAlso;
    this.listed = options.listed;
  }
}
