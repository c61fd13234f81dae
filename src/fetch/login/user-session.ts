import { assertIssuedBearerToken } from '../bearer-token.js';
import { Secret } from '../secret.js';

/** The tokens of a signed-in user, in memory for the run (and in the token cache only when asked). */
export interface UserSession {
  accessToken: Secret;
  /** Present when the application grants refresh tokens. */
  refreshToken?: Secret;
  /** Epoch ms after which the access token is no longer accepted. */
  expiresAt: number;
}

/**
 * Reads the success answer of the token endpoint at `tokenUrl` into a session; undefined when there is
 * no access token in it. Throws a `token-endpoint-error` UserFacingError when the access token cannot
 * be a bearer token (RFC 6750 §2.1), as undici would refuse it in the Authorization header.
 */
export function sessionFromTokenResponse(body: Record<string, unknown>, now: number, tokenUrl: string): UserSession | undefined {
  if (typeof body.access_token !== 'string' || body.access_token === '') return undefined;
  assertIssuedBearerToken(body.access_token, tokenUrl);
  const lifetimeSeconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600;
  const session: UserSession = { accessToken: new Secret(body.access_token), expiresAt: now + lifetimeSeconds * 1000 };
  if (typeof body.refresh_token === 'string' && body.refresh_token !== '') session.refreshToken = new Secret(body.refresh_token);
  return session;
}
