import { UserFacingError } from '../../errors.js';
import { singleFlightTokenSource, type AccessTokenSource } from '../token-source.js';
import { authorizationServerUrl, type AuthServer } from '../auth-server.js';
import type { HttpClient } from '../http-client.js';
import type { UserSignInCredentials } from '../settings.js';
import { cacheIdentity, writeTokenCache } from './token-cache.js';
import { oauthFailure, postAuthForm } from './token-request.js';
import { sessionFromTokenResponse, type UserSession } from './user-session.js';

/**
 * The signed-in user's tokens for the API client: the access token while it lasts, then the refresh
 * token (rotated, and written back to the token cache when there is one). Without a refresh token,
 * an expired sign-in ends the run with a clear "sign in again".
 */
export function createUserTokenSource(auth: AuthServer, credentials: UserSignInCredentials, http: HttpClient, now: () => number): AccessTokenSource {
  const session = (): UserSession => {
    if (credentials.session === undefined) throw new Error('userSignIn credentials used before signIn() set their session');
    return credentials.session;
  };
  const held = () => {
    const current = session();
    return { token: current.accessToken.reveal(), expiresAt: current.expiresAt, renewable: current.refreshToken !== undefined };
  };
  const cannotRenew = () =>
    new UserFacingError('credentials-rejected', 'PingOne rejected the signed-in token (401): the sign-in has expired and the application grants no refresh token.', {
      hint: 'Sign in again (pingone-audit login), or enable the Refresh Token grant type on the application.',
      seeAlso: 'README.md#signing-in-as-a-reviewer',
    });
  return singleFlightTokenSource(held, () => refreshSession(auth, credentials, session(), http, now), cannotRenew, now);
}

/**
 * Renews a signed-in session with its refresh token and returns the new access token. The session in
 * `credentials` is replaced; a refresh token the server does not rotate is kept.
 * @throws UserFacingError when PingOne refuses the refresh: the user must sign in again.
 */
export async function refreshSession(auth: AuthServer, credentials: UserSignInCredentials, current: UserSession, http: HttpClient, now: () => number): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: current.refreshToken?.reveal() ?? '' });
  const tokenUrl = `${authorizationServerUrl(auth, credentials.environmentId)}/token`;
  const answer = await postAuthForm(http, tokenUrl, form, credentials);
  const renewed = answer.status === 200 ? sessionFromTokenResponse(answer.body, now(), tokenUrl) : undefined;
  if (renewed === undefined) throw oauthFailure('PingOne refused to renew the sign-in with the refresh token; sign in again', answer, credentials);
  // Without rotation the server keeps the old refresh token valid: keep using it.
  if (renewed.refreshToken === undefined && current.refreshToken !== undefined) renewed.refreshToken = current.refreshToken;
  credentials.session = renewed;
  if (credentials.tokenCache !== undefined) writeTokenCache(credentials.tokenCache, cacheIdentity(auth.authUrl, credentials), renewed);
  return renewed.accessToken.reveal();
}
