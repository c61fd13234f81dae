/**
 * An error the user can fix: bad input, bad config, bad credentials, unreachable host.
 * `cli.ts` prints it as "what happened / what to do / where to read more" and exits 2.
 * Anything that is not a UserFacingError is a bug and is re-thrown with its stack.
 */
export class UserFacingError extends Error {
  readonly hint: string | undefined;
  readonly seeAlso: string | undefined;

  constructor(message: string, options: { hint?: string; seeAlso?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserFacingError';
    this.hint = options.hint;
    this.seeAlso = options.seeAlso;
  }
}
