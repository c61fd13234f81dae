import { createHash, randomBytes } from 'node:crypto';

/** An authorization code waiting to be redeemed, bound to its client, redirect URI and PKCE challenge. */
export interface PendingCode {
  clientId: string;
  environmentId: string;
  redirectUri: string;
  userId: string;
  scope: string;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  expiresAt: number;
}

/** A device authorization in progress (RFC 8628). */
export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  clientId: string;
  environmentId: string;
  scope: string;
  expiresAt: number;
  intervalSeconds: number;
  lastPollAt?: number;
  decision?: { approvedUserId: string } | { denied: true };
}

/** What a refresh token stands for: the client, environment, user and scope of the sign-in. */
export interface RefreshGrant {
  clientId: string;
  environmentId: string;
  userId: string;
  scope: string;
  /** When the user signed in (ms since the epoch): every refresh token rotated from that sign-in keeps it. */
  signedInAt: number;
  /** When this refresh token stops working (ms since the epoch). */
  expiresAt: number;
}

/** The simulator's memory of codes, device authorizations and refresh tokens; each is single-use, and forgotten once expired. */
export interface UserGrantStore {
  issueCode(code: Omit<PendingCode, 'expiresAt'>): string;
  /** Removes and returns the code: a second redemption fails like a forged one. */
  takeCode(code: string): PendingCode | undefined;
  startDevice(device: Omit<DeviceAuthorization, 'deviceCode' | 'userCode'>): DeviceAuthorization;
  device(deviceCode: string): DeviceAuthorization | undefined;
  deviceByUserCode(userCode: string): DeviceAuthorization | undefined;
  endDevice(deviceCode: string): void;
  issueRefreshToken(grant: RefreshGrant): string;
  /** Removes and returns the grant, expired or not (the caller refuses an expired one): refresh tokens rotate, so an old one is dead after use. */
  takeRefreshToken(token: string): RefreshGrant | undefined;
}

const codeLifetimeMs = 60_000;
/**
 * How long an expired device authorization is kept: a client that polls within it is told `expired_token`
 * (RFC 8628 §3.5), not that the code is unknown; past it, the authorization is forgotten.
 */
const expiredDeviceKeptMs = 10 * 60_000;
// RFC 8628 §6.1: a short code from an alphabet without vowels or look-alike characters.
const userCodeAlphabet = 'BCDFGHJKLMNPQRSTVWXZ';

/** A {@link UserGrantStore} with nothing issued yet. */
export function createUserGrantStore(now: () => number): UserGrantStore {
  const codes = new Map<string, PendingCode>();
  const devices = new Map<string, DeviceAuthorization>();
  const refreshTokens = new Map<string, RefreshGrant>();
  const opaque = (): string => randomBytes(32).toString('base64url');
  // A long `serve` must not keep every code never redeemed, every device sign-in never finished, nor every refresh
  // token never used: each new one forgets those past their time (an expired code or refresh token is refused the
  // same way whether kept or not).
  const forgetExpired = () => {
    const at = now();
    for (const [value, pending] of codes) if (pending.expiresAt <= at) codes.delete(value);
    for (const [deviceCode, device] of devices) if (device.expiresAt + expiredDeviceKeptMs <= at) devices.delete(deviceCode);
    for (const [value, grant] of refreshTokens) if (grant.expiresAt <= at) refreshTokens.delete(value);
  };

  return {
    issueCode(code) {
      forgetExpired();
      const value = opaque();
      codes.set(value, { ...code, expiresAt: now() + codeLifetimeMs });
      return value;
    },
    takeCode(code) {
      const found = codes.get(code);
      codes.delete(code);
      return found;
    },
    startDevice(device) {
      forgetExpired();
      const letters = [...randomBytes(8)].map((byte) => userCodeAlphabet[byte % userCodeAlphabet.length]).join('');
      const started: DeviceAuthorization = { ...device, deviceCode: opaque(), userCode: `${letters.slice(0, 4)}-${letters.slice(4)}` };
      devices.set(started.deviceCode, started);
      return started;
    },
    device: (deviceCode) => devices.get(deviceCode),
    deviceByUserCode: (userCode) => [...devices.values()].find((device) => device.userCode === userCode.toUpperCase()),
    endDevice(deviceCode) {
      devices.delete(deviceCode);
    },
    issueRefreshToken(grant) {
      forgetExpired();
      const value = opaque();
      refreshTokens.set(value, grant);
      return value;
    },
    takeRefreshToken(token) {
      const found = refreshTokens.get(token);
      refreshTokens.delete(token);
      return found;
    },
  };
}

/** RFC 7636 §4.6: BASE64URL(SHA256(verifier)) for S256, the verifier itself for plain. */
export function pkceMatches(verifier: string, challenge: string, method: string | undefined): boolean {
  const computed = method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return computed === challenge;
}
