import type { TokenMinter } from './access-tokens.js';
import { invalidToken, type ApiError } from './api-errors.js';
import type { Actor, DatasetIndex } from './dataset-index.js';
import type { RequestLogEntry } from './start-simulator.js';

/** Turns a request's bearer token into the actor whose roles apply. */
export interface RequestAuthenticator {
  /** Called for every token issued; the first one is the `tokenExpiresAfterRequests` victim. */
  noteIssued(jti: string): void;
  /** The actor behind an `Authorization` header (recorded on the log entry), or a 401. */
  authenticate(authorization: string | undefined, entry: RequestLogEntry): Actor | ApiError;
}

/**
 * A {@link RequestAuthenticator} over the minter's tokens. With `tokenExpiresAfterRequests`, the first
 * token issued is refused as expired after that many uses, so a client's renewal can be tested.
 */
export function createRequestAuthenticator(index: DatasetIndex, minter: TokenMinter, tokenExpiresAfterRequests: number | undefined): RequestAuthenticator {
  const firstToken = { jti: undefined as string | undefined, calls: 0 };
  return {
    noteIssued(jti) {
      firstToken.jti ??= jti;
    },
    authenticate(authorization, entry) {
      if (authorization === undefined || !authorization.startsWith('Bearer ')) return invalidToken('An access token is required.');
      const verified = minter.verify(authorization.slice('Bearer '.length));
      if ('refused' in verified) return invalidToken(verified.refused);
      const { claims } = verified;
      if (claims.jti === firstToken.jti && tokenExpiresAfterRequests !== undefined) {
        firstToken.calls += 1;
        if (firstToken.calls > tokenExpiresAfterRequests) {
          entry.fault = 'tokenExpired';
          return invalidToken('The access token has expired.');
        }
      }
      if (claims.sub !== undefined) {
        const user = index.user(claims.sub);
        if (user === undefined) return invalidToken('The token subject no longer exists.');
        entry.actor = `user:${claims.sub}`;
        return { kind: 'user', id: claims.sub, environmentId: user.environment.environment.id, clientId: claims.client_id };
      }
      const application = index.application(claims.client_id);
      if (application === undefined) return invalidToken('The token client no longer exists.');
      entry.actor = `application:${claims.client_id}`;
      return { kind: 'application', id: claims.client_id, environmentId: application.environment.environment.id };
    },
  };
}
