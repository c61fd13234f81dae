import { randomBytes } from 'node:crypto';
import { chmodSync, openSync, readFileSync, renameSync, statSync, writeSync, closeSync, unlinkSync } from 'node:fs';
import { isRecord } from '../../json/is-record.js';
import { parseJson } from '../../json/parse-json.js';
import { jsonText } from '../../output/json-string.js';
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
const seeAlso = 'README.md#signing-in-as-a-reviewer';
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

/**
 * Members every token cache format has held: with a whole `version`, one of them tells a cache of another
 * pingone-audit from some other tool's private JSON file that also carries a `version` (`{"version": 2}`).
 */
const CACHE_MEMBERS = ['accessToken', 'refreshToken', 'authUrl', 'clientId', 'environmentId', 'expiresAt'];

/** What a cache path holds: nothing yet, a cache of ours, or one in another format version (a newer or older pingone-audit's). */
type CacheContent = { state: 'none' } | { state: 'ours'; cached: Partial<CacheFile> } | { state: 'other-version'; version: string };

/**
 * What the private file at `file` holds. An empty file counts as none (made with `touch` and `chmod 600`).
 * @throws UserFacingError `token-cache-unsafe` when others may read or write it, or when it is no token
 * cache at all (not JSON, JSON without a format version, or without any member a cache holds): signing in
 * would overwrite it, and a private file at that path (an SSH key, a password store) is not ours to replace.
 */
function readCacheFile(file: string): CacheContent {
  if (!assertPrivate(file)) return { state: 'none' };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserFacingError('file-unreadable', `Cannot read the token cache ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).`);
  }
  if (text.trim() === '') return { state: 'none' };
  let cached: unknown;
  try {
    cached = parseJson(text);
  } catch {
    cached = undefined;
  }
  if (!isRecord(cached) || !Number.isSafeInteger(cached.version) || !CACHE_MEMBERS.some((member) => member in cached)) {
    throw new UserFacingError('token-cache-unsafe', `Refusing the token cache ${file}: it is not a pingone-audit token cache, and signing in would overwrite it.`, {
      hint: 'Pass --token-cache a new file (pingone-audit creates it with mode 0600) or one pingone-audit login wrote.',
      seeAlso,
    });
  }
  if (cached.version !== 1) return { state: 'other-version', version: String(cached.version) };
  return { state: 'ours', cached: cached as Partial<CacheFile> };
}

/**
 * Whose sign-in the cache file holds (auth server, application, environment, flow), for a run given
 * `--token-cache` without `--auth`; undefined when the file is missing or holds no sign-in of ours.
 * Throws a `token-cache-unsafe` UserFacingError when others may read or write it.
 */
export function readCachedIdentity(file: string): CacheIdentity | undefined {
  const content = readCacheFile(file);
  if (content.state === 'other-version') {
    throw new UserFacingError('credentials-missing', `The token cache ${file} is in format version ${content.version}, which this pingone-audit (format 1) does not read.`, {
      hint: `Use the pingone-audit that wrote it, or sign in again with \`pingone-audit login --auth device-code --token-cache ${file}\` (it replaces the file).`,
      seeAlso,
    });
  }
  const cached = content.state === 'ours' ? content.cached : undefined;
  if (typeof cached?.authUrl !== 'string' || typeof cached.clientId !== 'string' || typeof cached.environmentId !== 'string') return undefined;
  const identity: CacheIdentity = { authUrl: cached.authUrl, clientId: cached.clientId, environmentId: cached.environmentId };
  if (cached.flow === 'authorization-code' || cached.flow === 'device-code') identity.flow = cached.flow;
  if (typeof cached.tokenAuthMethod === 'string') identity.tokenAuthMethod = cached.tokenAuthMethod;
  return identity;
}

/**
 * The cached session for this sign-in, or undefined when there is none (or it is for another app). A cache in
 * another format version is replaced once the user signs in: `warn` says so first, naming the file, never its content.
 */
export function readTokenCache(file: string, identity: CacheIdentity, warn: (text: string) => void): UserSession | undefined {
  const content = readCacheFile(file);
  if (content.state === 'other-version') {
    warn(
      `The token cache ${file} is in format version ${content.version}, which this pingone-audit (format 1) does not read: signing in replaces it. To keep it, stop now (Ctrl-C) and pass --token-cache another file, or use the pingone-audit that wrote it.`,
    );
  }
  if (content.state !== 'ours') return undefined;
  const cached = content.cached;
  const matches = cached.authUrl === identity.authUrl && cached.clientId === identity.clientId && cached.environmentId === identity.environmentId;
  if (!matches || typeof cached.accessToken !== 'string' || typeof cached.expiresAt !== 'number') return undefined;
  // A token that cannot be a bearer token (RFC 6750 §2.1) would never reach the API: treat it as expired, so it is renewed or replaced.
  const usable = bearerTokenFault(cached.accessToken) === undefined;
  const session: UserSession = { accessToken: new Secret(cached.accessToken), expiresAt: usable ? cached.expiresAt : 0 };
  if (typeof cached.refreshToken === 'string') session.refreshToken = new Secret(cached.refreshToken);
  return session;
}

/**
 * Writes the session with mode 0600: to a new file created 0600 beside the target (exclusively, under a name no
 * other run picks), then renamed over it, so no moment exists where the token sits in a file others may read.
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
  // Random bytes beside the pid: a file left by a crashed run that had the same pid must not make `wx` fail.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const descriptor = openSync(temporary, 'wx', ownerOnly);
  try {
    // The refresh token is whatever the auth server sent: a bidi or zero-width character in it is escaped, never raw, for whoever opens the file.
    writeSync(descriptor, `${jsonText(content, 2)}\n`);
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

/** What a cached session must match to be used: the auth server, client, environment, sign-in flow and client authentication. */
export function cacheIdentity(authUrl: string, credentials: UserSignInCredentials): CacheIdentity {
  return { authUrl, clientId: credentials.clientId, environmentId: credentials.environmentId, flow: credentials.flow, tokenAuthMethod: credentials.tokenAuthMethod };
}
