import { authorizationServerUrl, type AuthServer } from '../auth-server.js';
import { parseJson } from '../../json/parse-json.js';
import { UserFacingError } from '../../errors.js';
import type { HttpClient } from '../http-client.js';
import type { UserSignInCredentials } from '../settings.js';
import { systemBrowserOpener } from './browser.js';
import { listenForCallback } from './loopback-receiver.js';
import { createPkcePair, randomToken } from './pkce.js';
import type { SignInHooks } from './sign-in-hooks.js';
import { oauthFailure, postAuthForm } from './token-request.js';
import { sessionFromTokenResponse, type UserSession } from './user-session.js';

/**
 * Authorization code with PKCE S256, `state` and `nonce` (RFC 9700 §2.1.1, OIDC Core §3.1.2.1): the
 * browser goes to PingOne's authorize endpoint and comes back to a one-shot loopback listener; the
 * code is redeemed with the verifier that never left this process.
 */
export async function signInWithAuthorizationCode(auth: AuthServer, credentials: UserSignInCredentials, http: HttpClient, hooks: SignInHooks): Promise<UserSession> {
  const write = hooks.write ?? ((text: string) => process.stderr.write(text));
  const pkce = createPkcePair();
  const state = randomToken();
  const nonce = randomToken();
  const receiver = await listenForCallback(credentials.redirectPort, state, hooks.callbackTimeoutMs ?? 300_000);
  let code: string;
  try {
    const authorize = new URL(`${authorizationServerUrl(auth, credentials.environmentId)}/authorize`);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: credentials.clientId,
      redirect_uri: receiver.redirectUri,
      scope: credentials.scope,
      state,
      nonce,
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    }).toString();
    write(`Sign in to PingOne in your browser. If it does not open, visit:\n  ${authorize.href}\n`);
    const opened = await (hooks.openBrowser ?? systemBrowserOpener(process.env))(authorize.href);
    if (!opened) write('(no browser found here: open the address above on this machine)\n');
    code = await receiver.code;
  } finally {
    await receiver.close();
  }

  const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: receiver.redirectUri, code_verifier: pkce.verifier });
  const tokenUrl = `${authorizationServerUrl(auth, credentials.environmentId)}/token`;
  const answer = await postAuthForm(http, tokenUrl, form, credentials);
  const session = answer.status === 200 ? sessionFromTokenResponse(answer.body, (hooks.now ?? Date.now)(), tokenUrl) : undefined;
  if (session === undefined) throw oauthFailure('PingOne refused to exchange the authorization code for a token', answer, credentials);
  assertNonce(answer.body.id_token, nonce);
  return session;
}

/** An ID token must carry the nonce this sign-in sent (OIDC Core §3.1.3.7), or it was issued for another request. */
function assertNonce(idToken: unknown, nonce: string): void {
  if (typeof idToken !== 'string') return;
  let claims: { nonce?: unknown };
  try {
    claims = parseJson(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { nonce?: unknown };
  } catch {
    throw new UserFacingError('sign-in-failed', 'PingOne answered with an ID token that cannot be read; the sign-in is refused.');
  }
  if (claims.nonce !== nonce) {
    throw new UserFacingError('sign-in-failed', 'Sign-in refused: the ID token does not carry the nonce this sign-in sent (it was issued for another request).', {
      hint: 'Run the sign-in again.',
    });
  }
}
