import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** The claims PingOne puts in access tokens; `sub` only for user grants. */
export interface AccessTokenClaims {
  client_id: string;
  iss: string;
  aud: string[];
  env: string;
  org: string;
  iat: number;
  exp: number;
  jti: string;
  sub?: string;
}

/** Signs and checks the simulator's access tokens (JWTs with the claims PingOne's carry). */
export interface TokenMinter {
  mint(subject: { clientId: string; environmentId: string; userId?: string }): { token: string; claims: AccessTokenClaims };
  /** The claims of a token this minter signed and that has not expired, or why it is refused. */
  verify(token: string): { claims: AccessTokenClaims } | { refused: string };
  /** Signs any claims with the same key: the ID tokens of user sign-ins. */
  signClaims(claims: object): string;
  /**
   * How many verified tokens are remembered now: at most {@link MAX_REMEMBERED}. An expired one is forgotten when it is
   * used again or when a token verified after it is remembered.
   *
   * Only the tests read it, on purpose: the memory exists to save work and must not grow, and neither shows in any
   * answer (an expired token is refused the same way kept or not, a valid one dropped is checked again by its
   * signature), so its size is the one place where forgetting can be seen at all.
   */
  rememberedCount(): number;
}

/**
 * Verified tokens remembered at most: a long `serve` that issues a token per request must not grow without end. One
 * dropped while still valid is only checked again by its signature when it comes back.
 */
export const MAX_REMEMBERED = 10_000;

const EXPIRED = { refused: 'The access token has expired.' } as const;

const audience = ['https://api.pingone.com'];

/**
 * Signs JWTs with HS256 and a key made per simulator (PingOne uses RS256; the collector never checks
 * the signature, so only the shape matters).
 */
export function createTokenMinter(options: { authUrl: () => string; organizationId: string; lifetimeSeconds: number; now: () => number }): TokenMinter {
  const key = randomBytes(32);
  const sign = (input: string): string => createHmac('sha256', key).update(input).digest('base64url');
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  // A collection sends one token with every request: its signature is checked once (an HMAC each was a tenth of
  // the simulator's CPU in a cold demo), its expiry on every use. Only tokens this minter signed get in, and only
  // until they expire: kept in the order they were first verified, which is nearly the order they expire in.
  const verified = new Map<string, AccessTokenClaims>();
  const expired = (claims: AccessTokenClaims) => claims.exp * 1000 <= options.now();
  const remember = (token: string, claims: AccessTokenClaims) => {
    for (const [oldest, its] of verified) {
      if (verified.size < MAX_REMEMBERED && !expired(its)) break;
      verified.delete(oldest);
    }
    verified.set(token, claims);
  };
  return {
    mint({ clientId, environmentId, userId }) {
      const iat = Math.floor(options.now() / 1000);
      const claims: AccessTokenClaims = {
        client_id: clientId,
        iss: `${options.authUrl()}/${environmentId}/as`,
        aud: audience,
        env: environmentId,
        org: options.organizationId,
        iat,
        exp: iat + options.lifetimeSeconds,
        jti: randomUUID(),
        ...(userId === undefined ? {} : { sub: userId }),
      };
      const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
      return { token: `${unsigned}.${sign(unsigned)}`, claims };
    },
    signClaims(claims) {
      const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
      return `${unsigned}.${sign(unsigned)}`;
    },
    verify(token) {
      const known = verified.get(token);
      if (known !== undefined) {
        if (!expired(known)) return { claims: known };
        verified.delete(token);
        return EXPIRED;
      }
      const parts = token.split('.');
      if (parts.length !== 3) return { refused: 'The access token is malformed.' };
      const [header, payload, signature] = parts as [string, string, string];
      const expected = Buffer.from(sign(`${header}.${payload}`));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { refused: 'The access token signature is invalid.' };
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as AccessTokenClaims;
      if (expired(claims)) return EXPIRED;
      remember(token, claims);
      return { claims };
    },
    rememberedCount: () => verified.size,
  };
}
