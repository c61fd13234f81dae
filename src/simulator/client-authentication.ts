import { createHmac, createPublicKey, timingSafeEqual, verify, type JsonWebKey } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiApplication } from './api-types.js';
import type { DatasetIndex } from './dataset-index.js';

/** RFC 7523 §2.2. */
const jwtBearer = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** What the client sent to authenticate itself, read without trusting any of it yet. */
export type PresentedClient =
  | { method: 'CLIENT_SECRET_BASIC' | 'CLIENT_SECRET_POST'; clientId: string; clientSecret: string }
  | { method: 'JWT'; clientId: string; assertion: string }
  | { method: 'NONE'; clientId: string };

/** Basic header, `client_secret`, `client_assertion` or a bare `client_id`; `conflict` when two are mixed. */
function presentedClient(headers: IncomingHttpHeaders, form: URLSearchParams): PresentedClient | { conflict: true } | undefined {
  const header = headers.authorization;
  const basic = header?.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : undefined;
  const bodySecret = form.get('client_secret');
  const assertion = form.get('client_assertion');
  if ([basic, bodySecret, assertion].filter((value) => value !== undefined && value !== null).length > 1) return { conflict: true };
  if (basic !== undefined) {
    const colon = basic.indexOf(':');
    if (colon < 0) return undefined;
    return { method: 'CLIENT_SECRET_BASIC', clientId: decodeURIComponent(basic.slice(0, colon)), clientSecret: decodeURIComponent(basic.slice(colon + 1)) };
  }
  const clientId = form.get('client_id');
  if (assertion !== null) {
    if (form.get('client_assertion_type') !== jwtBearer) return undefined;
    const issuer = claimsOf(assertion)?.iss;
    if (typeof issuer !== 'string' || (clientId !== null && clientId !== issuer)) return undefined;
    return { method: 'JWT', clientId: issuer, assertion };
  }
  if (clientId === null) return undefined;
  return bodySecret === null ? { method: 'NONE', clientId } : { method: 'CLIENT_SECRET_POST', clientId, clientSecret: bodySecret };
}

/** jti values seen in accepted assertions, until they expire: PingOne refuses a replayed assertion. */
export interface AssertionReplayStore {
  /** False when `key` was already used and has not expired. */
  remember(key: string, expiresAt: number): boolean;
}

/** An {@link AssertionReplayStore} that has seen no assertion yet. */
export function createAssertionReplayStore(now: () => number): AssertionReplayStore {
  const seen = new Map<string, number>();
  return {
    remember(key, expiresAt) {
      for (const [old, until] of seen) if (until <= now()) seen.delete(old);
      if (seen.has(key)) return false;
      seen.set(key, expiresAt);
      return true;
    },
  };
}

/** What checking a client assertion needs: the dataset, a clock, the jti memory and the audiences accepted. */
export interface AssertionCheck {
  index: DatasetIndex;
  now: () => number;
  replay: AssertionReplayStore;
  /** URLs an assertion's `aud` may name: the token endpoint, the issuer, the endpoint called. */
  audiences: readonly string[];
}

const signatureHashes: Readonly<Record<string, string>> = {
  RS256: 'sha256',
  RS384: 'sha384',
  RS512: 'sha512',
  ES256: 'sha256',
  ES384: 'sha384',
  ES512: 'sha512',
  HS256: 'sha256',
  HS384: 'sha384',
  HS512: 'sha512',
};
// PingOne refuses assertions that expire more than an hour ahead (developer.pingidentity.com, "Create a private key JWT").
const maxLifetimeMs = 3_600_000;

/**
 * Verifies a client assertion the way the application's `tokenEndpointAuthMethod` says: HS* with the
 * client secret (CLIENT_SECRET_JWT) or RS or ES with a key of the application's `jwks`
 * (PRIVATE_KEY_JWT); then `iss` = `sub` = the client, `aud`, `exp` (at most an hour ahead), `nbf`, and
 * that its `jti` was not used before. Returns why it is refused, or undefined when it is accepted.
 */
function refuseAssertion(check: AssertionCheck, application: ApiApplication, assertion: string): string | undefined {
  const [headerPart, payloadPart, signaturePart] = assertion.split('.');
  const header = decodePart(headerPart);
  const claims = claimsOf(assertion);
  if (header === undefined || claims === undefined || signaturePart === undefined) return 'The client assertion is not a JWT.';
  const alg = typeof header.alg === 'string' ? header.alg : '';
  const hash = signatureHashes[alg];
  const method = application.tokenEndpointAuthMethod;
  const family = method === 'CLIENT_SECRET_JWT' ? 'HS' : method === 'PRIVATE_KEY_JWT' ? /^(RS|ES)/.exec(alg)?.[1] : undefined;
  if (hash === undefined || family === undefined || !alg.startsWith(family)) return `The client assertion's alg ${alg} does not fit the application's ${method ?? 'NONE'} method.`;
  const signed = Buffer.from(`${headerPart}.${payloadPart}`);
  const signature = Buffer.from(signaturePart, 'base64url');
  if (family === 'HS') {
    const secret = check.index.credential(application.id)?.clientSecret;
    const expected = secret === undefined ? Buffer.alloc(0) : createHmac(hash, secret).update(signed).digest();
    if (expected.length === 0 || expected.length !== signature.length || !timingSafeEqual(expected, signature)) return 'The client assertion signature is invalid.';
  } else if (!publicKeysOf(application, header.kid, family === 'RS' ? 'RSA' : 'EC').some((jwk) => verifies(jwk, hash, signed, signature))) {
    return 'The client assertion signature is invalid.';
  }
  const now = check.now();
  if (claims.iss !== application.id || claims.sub !== application.id) return 'The client assertion iss and sub must both be the client id.';
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.some((audience) => typeof audience === 'string' && check.audiences.includes(audience))) return 'The client assertion audience is not this endpoint.';
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return 'The client assertion has expired.';
  if (claims.exp * 1000 > now + maxLifetimeMs) return 'The client assertion expires more than an hour from now.';
  if (typeof claims.nbf === 'number' && claims.nbf * 1000 > now) return 'The client assertion is not valid yet.';
  if (typeof claims.jti === 'string' && !check.replay.remember(`${application.id} ${claims.jti}`, claims.exp * 1000)) return 'The client assertion was already used.';
  return undefined;
}

/** The application's keys of type `kty` (an RS alg never verifies with an EC key, nor the reverse), by `kid` when the header names one. */
function publicKeysOf(application: ApiApplication, kid: unknown, kty: 'RSA' | 'EC'): JsonWebKey[] {
  let keys: unknown;
  try {
    keys = (JSON.parse(application.jwks ?? '{}') as { keys?: unknown }).keys;
  } catch {
    return [];
  }
  if (!Array.isArray(keys)) return [];
  return (keys as JsonWebKey[]).filter((jwk) => jwk.kty === kty && (kid === undefined || jwk.kid === kid));
}

function verifies(jwk: JsonWebKey, hash: string, signed: Buffer, signature: Buffer): boolean {
  try {
    const key = createPublicKey({ key: jwk, format: 'jwk' });
    return verify(hash, signed, key.asymmetricKeyType === 'ec' ? { key, dsaEncoding: 'ieee-p1363' } : key, signature);
  } catch {
    return false;
  }
}

function claimsOf(assertion: string): Record<string, unknown> | undefined {
  return decodePart(assertion.split('.')[1]);
}

function decodePart(part: string | undefined): Record<string, unknown> | undefined {
  if (part === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A refused client: the HTTP status and the OAuth `error` and `error_description` to answer with. */
export type ClientRefusal = { status: number; error: string; description: string };

/**
 * Authenticates the client of a request to `/{envId}/as/…`: it must be an application of that
 * environment and authenticate the way its `tokenEndpointAuthMethod` says. A secret, sent in any way,
 * is refused for an application configured for PRIVATE_KEY_JWT, as is an assertion for one that uses
 * a secret as such. A public client (NONE) names itself with `client_id` only.
 */
export function authenticateClient(check: AssertionCheck, environmentId: string, headers: IncomingHttpHeaders, form: URLSearchParams): { client: ApiApplication } | ClientRefusal {
  const presented = presentedClient(headers, form);
  if (presented === undefined) return { status: 401, error: 'invalid_client', description: 'Client authentication is required.' };
  if ('conflict' in presented) return { status: 400, error: 'invalid_request', description: 'Use only one client authentication method.' };
  const invalidClient = (description = 'Client authentication failed.'): ClientRefusal => ({ status: 401, error: 'invalid_client', description });
  const found = check.index.application(presented.clientId);
  if (found === undefined || found.environment.environment.id !== environmentId) return invalidClient();
  const { application } = found;
  const method = application.tokenEndpointAuthMethod ?? 'NONE';
  if (presented.method === 'JWT') {
    if (method !== 'PRIVATE_KEY_JWT' && method !== 'CLIENT_SECRET_JWT') return invalidClient();
    const refused = refuseAssertion(check, application, presented.assertion);
    return refused === undefined ? { client: application } : invalidClient(refused);
  }
  if (method !== presented.method) return invalidClient();
  if (presented.method !== 'NONE' && check.index.credential(application.id)?.clientSecret !== presented.clientSecret) return invalidClient();
  return { client: application };
}
