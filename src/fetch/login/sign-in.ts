import { UserFacingError } from '../../errors.js';
import { createHttpClient } from '../http-client.js';
import type { ConnectionSettings } from '../settings.js';
import { signInWithAuthorizationCode } from './authorization-code.js';
import { signInWithDeviceCode } from './device-code.js';
import type { SignInHooks } from './sign-in-hooks.js';
import { cacheIdentity, readTokenCache, writeTokenCache } from './token-cache.js';
import { refreshSession } from './user-token-source.js';
import type { UserSession } from './user-session.js';

// A cached token with less than this left is refreshed (or replaced) rather than used.
const minimumLifeMs = 120_000;

/**
 * Signs the user in for `settings` (credentials of kind `userSignIn`) and stores the session on the
 * credentials, ready for `createApiClient`. With a token cache: reuses a cached token that still
 * lives, else renews it with its refresh token, else signs in and writes the new one (mode 0600).
 */
export async function signIn(settings: ConnectionSettings, hooks: SignInHooks = {}): Promise<UserSession> {
  const credentials = settings.credentials;
  if (credentials.kind !== 'userSignIn') throw new Error('signIn() needs credentials of kind userSignIn');
  const now = hooks.now ?? Date.now;
  const write = hooks.write ?? ((text: string) => process.stderr.write(text));
  const identity = cacheIdentity(settings.authUrl, credentials);
  // The hooks' clock and sleep pace the sign-in only; the HTTP client keeps real time for its own limits.
  const http = createHttpClient({ apiUrl: settings.apiUrl });
  try {
    const cached = credentials.tokenCache === undefined ? undefined : readTokenCache(credentials.tokenCache, identity, (text) => write(`warning: ${text}\n`));
    let session: UserSession | undefined;
    if (cached !== undefined && now() < cached.expiresAt - minimumLifeMs) session = cached;
    else if (cached?.refreshToken !== undefined) {
      credentials.session = cached;
      try {
        await refreshSession(settings, credentials, cached, http, now);
        session = credentials.session;
      } catch (error) {
        if (!(error instanceof UserFacingError)) throw error;
        write('The cached sign-in could not be renewed; signing in again.\n');
      }
    }
    if (session === undefined) {
      session = credentials.flow === 'device-code' ? await signInWithDeviceCode(settings, credentials, http, hooks) : await signInWithAuthorizationCode(settings, credentials, http, hooks);
      if (credentials.tokenCache !== undefined) writeTokenCache(credentials.tokenCache, identity, session);
    }
    credentials.session = session;
    return session;
  } finally {
    await http.close();
  }
}
