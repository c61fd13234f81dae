import { chmodSync, openSync, readFileSync, renameSync, statSync, writeSync, closeSync, unlinkSync } from 'node:fs';
import { parseJson } from '../../json/parse-json.js';
import path from 'node:path';
import { UserFacingError } from '../../errors.js';
import { bearerTokenFault } from '../bearer-token.js';
import { Secret } from '../secret.js';
import type { SignInFlow, UserSignInCredentials } from '../settings.js';
import type { UserSession } from './user-session.js';

/** Which sign-in a cached session belongs to: reused only for the same application, environment and auth server. */
export interface CacheIdentity {
  authUrl: string;
  clientId: string;
  environmentId: string;
  /** How the user signed in, so that a later run given only the cache can sign in again the same way. */
  flow?: SignInFlow;
  /** How the application authenticates at the token endpoint (`NONE`: a public client). */
  tokenAuthMethod?: string;
}

interface CacheFile extends CacheIdentity {
  version: 1;
  accessToken: string;
  refreshToken?: string;
  expiresAt: number;
}

const ownerOnly = 0o600;
const hint = 'The token cache holds a bearer token: keep it readable by you alone (chmod 600 <file>), or delete it and sign in again.';

/** Refuses a cache file that group or others may read or write (POSIX modes; Windows has no such bits). */
function assertPrivate(file: string): boolean {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new UserFacingError('file-unreadable', `Cannot read the token cache ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).`);
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new UserFacingError('token-cache-unsafe', `Refusing the token cache ${file}: it is readable or writable by others (mode ${(mode & 0o777).toString(8)}).`, { hint });
  }
  return true;
}

/** The file's content when it is a private, readable cache of ours; undefined when missing or not one. */
function readCacheFile(file: string): Partial<CacheFile> | undefined {
  if (!assertPrivate(file)) return undefined;
  try {
    const cached = parseJson(readFileSync(file, 'utf8')) as Partial<CacheFile> | null;
    return typeof cached === 'object' && cached !== null && cached.version === 1 ? cached : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whose sign-in the cache file holds (auth server, application, environment, flow), for a run given
 * `--token-cache` without `--auth`; undefined when the file is missing or holds no sign-in of ours.
 * Throws a `token-cache-unsafe` UserFacingError when others may read or write it.
 */
export function readCachedIdentity(file: string): CacheIdentity | undefined {
  const cached = readCacheFile(file);
  if (typeof cached?.authUrl !== 'string' || typeof cached.clientId !== 'string' || typeof cached.environmentId !== 'string') return undefined;
  const identity: CacheIdentity = { authUrl: cached.authUrl, clientId: cached.clientId, environmentId: cached.environmentId };
  if (cached.flow === 'authorization-code' || cached.flow === 'device-code') identity.flow = cached.flow;
  if (typeof cached.tokenAuthMethod === 'string') identity.tokenAuthMethod = cached.tokenAuthMethod;
  return identity;
}

/** The cached session for this sign-in, or undefined when there is none (or it is for another app). */
export function readTokenCache(file: string, identity: CacheIdentity): UserSession | undefined {
  const cached = readCacheFile(file);
  if (cached === undefined) return undefined;
  const matches = cached.authUrl === identity.authUrl && cached.clientId === identity.clientId && cached.environmentId === identity.environmentId;
  if (!matches || typeof cached.accessToken !== 'string' || typeof cached.expiresAt !== 'number') return undefined;
  // A token that cannot be a bearer token (RFC 6750 §2.1) would never reach the API: treat it as expired, so it is renewed or replaced.
  const usable = bearerTokenFault(cached.accessToken) === undefined;
  const session: UserSession = { accessToken: new Secret(cached.accessToken), expiresAt: usable ? cached.expiresAt : 0 };
  if (typeof cached.refreshToken === 'string') session.refreshToken = new Secret(cached.refreshToken);
  return session;
}

/**
 * Writes the session with mode 0600: to a new file created 0600 beside the target, then renamed over
 * it, so no moment exists where the token sits in a file others may read.
 */
export function writeTokenCache(file: string, identity: CacheIdentity, session: UserSession): void {
  assertPrivate(file);
  const content: CacheFile = {
    version: 1,
    ...identity,
    accessToken: session.accessToken.reveal(),
    ...(session.refreshToken === undefined ? {} : { refreshToken: session.refreshToken.reveal() }),
    expiresAt: session.expiresAt,
  };
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const descriptor = openSync(temporary, 'wx', ownerOnly);
  try {
    writeSync(descriptor, `${JSON.stringify(content, null, 2)}\n`);
  } finally {
    closeSync(descriptor);
  }
  try {
    chmodSync(temporary, ownerOnly); // exactly 0600 whatever the umask took away
    renameSync(temporary, file);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
}

export function cacheIdentity(authUrl: string, credentials: UserSignInCredentials): CacheIdentity {
  return { authUrl, clientId: credentials.clientId, environmentId: credentials.environmentId, flow: credentials.flow, tokenAuthMethod: credentials.tokenAuthMethod };
}
