import { UserFacingError } from '../errors.js';
import { parseJson } from '../json/parse-json.js';

/** What an access token says about who is calling; read without verifying the signature. */
export interface TokenClaims {
  clientId: string | undefined;
  /** The environment that issued the token (`env`, else the `iss` path). */
  environmentId: string | undefined;
  organizationId: string | undefined;
  /** The signed-in user, for user grants. */
  subject?: string;
  /** ISO date-time of `exp`. */
  expiresAt: string | undefined;
  /**
   * Whose admin roles PingOne checks: the worker app's own (`application`, client credentials) or
   * the signed-in user's (`user`: authorization code, device code …; the app's roles count for nothing).
   */
  authorizationModel: 'application' | 'user';
}

// Claims PingOne sets only when a user authenticated; its docs say auth_time and acr are absent for client_credentials.
const userOnlyClaims = ['auth_time', 'acr', 'amr', 'sid'];

/**
 * Decodes a JWT access token's payload. Heuristic for the model: a user grant when `sub` is present
 * and is not the client id, or when a user-authentication claim is present; client credentials
 * otherwise. The token is not verified: this only explains, it never authorizes.
 */
export function decodeTokenClaims(token: string): TokenClaims {
  const payload = token.split('.')[1];
  let claims: Record<string, unknown>;
  try {
    claims = parseJson(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof claims !== 'object' || claims === null) throw new TypeError('payload is not an object');
  } catch {
    throw new UserFacingError('token-invalid', 'The access token is not a JWT, so who it belongs to cannot be told.', {
      hint: 'PingOne access tokens are JWTs. One given in PINGONE_API_ACCESS_TOKEN must be the access_token value, not an ID or refresh token; one the token endpoint issued means PINGONE_AUTH_URL does not reach PingOne itself.',
    });
  }
  const text = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : undefined);
  const clientId = text('client_id') ?? text('azp');
  const subject = text('sub');
  const isUser = (subject !== undefined && subject !== clientId) || userOnlyClaims.some((name) => claims[name] !== undefined);
  const result: TokenClaims = {
    clientId,
    environmentId: text('env') ?? text('iss')?.match(/\/([0-9a-f-]{36})\/as\/?$/i)?.[1],
    organizationId: text('org'),
    expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : undefined,
    authorizationModel: isUser ? 'user' : 'application',
  };
  if (subject !== undefined) result.subject = subject;
  return result;
}
