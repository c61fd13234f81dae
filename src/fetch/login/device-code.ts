import { setTimeout as delay } from 'node:timers/promises';
import { UserFacingError } from '../../errors.js';
import { terminalText } from '../../output/terminal-text.js';
import { authorizationServerUrl, type AuthServer } from '../auth-server.js';
import type { HttpClient } from '../http-client.js';
import type { UserSignInCredentials } from '../settings.js';
import type { SignInHooks } from './sign-in-hooks.js';
import { oauthErrorCode, oauthFailure, postAuthForm } from './token-request.js';
import { sessionFromTokenResponse, type UserSession } from './user-session.js';

const deviceGrant = 'urn:ietf:params:oauth:grant-type:device_code';
const seeAlso = 'README.md#signing-in-as-a-reviewer';
// The longest wait setTimeout keeps: beyond it Node fires after 1 ms.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Device authorization (RFC 8628) for terminals without a browser: shows a code to enter on another
 * device, then polls the token endpoint at the server's interval, slowing down by 5 s whenever it
 * says `slow_down` (§3.5), until approved, denied or expired.
 */
export async function signInWithDeviceCode(auth: AuthServer, credentials: UserSignInCredentials, http: HttpClient, hooks: SignInHooks): Promise<UserSession> {
  const write = hooks.write ?? ((text: string) => process.stderr.write(text));
  const sleep = hooks.sleep ?? ((ms: number) => delay(ms));
  const now = hooks.now ?? Date.now;
  const base = authorizationServerUrl(auth, credentials.environmentId);

  const started = await postAuthForm(http, `${base}/device_authorization`, new URLSearchParams({ scope: credentials.scope }), credentials);
  const { device_code: deviceCode, user_code: userCode, verification_uri: verificationUri } = started.body;
  if (started.status !== 200 || typeof deviceCode !== 'string' || typeof userCode !== 'string' || typeof verificationUri !== 'string') {
    throw oauthFailure('PingOne refused to start a device sign-in', started, credentials);
  }
  const complete = typeof started.body.verification_uri_complete === 'string' ? started.body.verification_uri_complete : undefined;
  const expiresIn = typeof started.body.expires_in === 'number' ? started.body.expires_in : 600;
  let intervalSeconds = typeof started.body.interval === 'number' && started.body.interval > 0 ? started.body.interval : 5;
  const deadline = now() + expiresIn * 1000;
  // The authorization server's answer is shown on a terminal: no control character of it gets there.
  write(
    `To sign in, open ${terminalText(verificationUri)} on any device and enter the code ${terminalText(userCode)}${complete === undefined ? '' : `\n  (or open ${terminalText(complete)})`}\nWaiting for approval (the code expires in ${Math.round(expiresIn / 60)} min)…\n`,
  );

  const tokenUrl = `${base}/token`;
  for (;;) {
    // Never past the code's life, whatever interval the server asks: a timer past 2^31 ms would fire at once, in a loop.
    await sleep(Math.min(intervalSeconds * 1000, Math.max(0, deadline - now()), MAX_TIMER_MS));
    const form = new URLSearchParams({ grant_type: deviceGrant, device_code: deviceCode });
    const answer = await postAuthForm(http, tokenUrl, form, credentials);
    if (answer.status === 200) {
      const session = sessionFromTokenResponse(answer.body, now(), tokenUrl);
      if (session === undefined) throw oauthFailure('PingOne approved the device sign-in but sent no access token', answer, credentials);
      return session;
    }
    const code = oauthErrorCode(answer);
    if (code === 'access_denied') {
      throw new UserFacingError('sign-in-failed', 'The device sign-in was denied on the verification page.', {
        hint: 'Run the command again and approve the code, as the user whose admin roles should apply.',
        seeAlso,
      });
    }
    if (code !== 'authorization_pending' && code !== 'slow_down' && code !== 'expired_token') throw oauthFailure('PingOne refused the device sign-in', answer, credentials);
    // slow_down too: a server that says it for ever must not keep the run polling past the code's life.
    if (code === 'expired_token' || now() >= deadline) {
      throw new UserFacingError('sign-in-failed', 'The device code expired before the sign-in was approved.', { hint: 'Run the command again and approve the new code before it expires.', seeAlso });
    }
    if (code === 'slow_down') intervalSeconds += 5;
  }
}
