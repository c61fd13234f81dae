import type { IncomingHttpHeaders } from 'node:http';
import type { DatasetIndex } from './dataset-index.js';
import type { TokenMinter } from './access-tokens.js';

export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
  /** Set when a token was issued; `userId` for user grants. */
  issued?: { jti: string; clientId: string; userId?: string };
}

export function oauthError(status: number, error: string, description: string): TokenResponse {
  return { status, body: { error, error_description: description } };
}

/** Client credentials from a Basic header or the form body, and which method was used. */
export function clientAuthentication(headers: IncomingHttpHeaders, form: URLSearchParams) {
  const header = headers.authorization;
  const basic = header?.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : undefined;
  const bodySecret = form.get('client_secret');
  if (basic !== undefined && bodySecret !== null) return { conflict: true as const };
  if (basic !== undefined) {
    const colon = basic.indexOf(':');
    if (colon < 0) return undefined;
    return {
      method: 'CLIENT_SECRET_BASIC' as const,
      clientId: decodeURIComponent(basic.slice(0, colon)),
      clientSecret: decodeURIComponent(basic.slice(colon + 1)),
    };
  }
  const clientId = form.get('client_id');
  if (clientId !== null && bodySecret !== null) return { method: 'CLIENT_SECRET_POST' as const, clientId, clientSecret: bodySecret };
  return undefined;
}

/**
 * `POST /{envId}/as/token` for `grant_type=client_credentials`. The client must be a worker app of
 * that environment, enabled, allowed the grant, and authenticate the way its
 * `tokenEndpointAuthMethod` says with a secret listed in the dataset's `credentials`.
 */
export function answerTokenRequest(
  index: DatasetIndex,
  minter: TokenMinter,
  request: { environmentId: string; headers: IncomingHttpHeaders; body: string },
): TokenResponse {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.startsWith('application/x-www-form-urlencoded')) {
    return oauthError(400, 'invalid_request', 'The request body must be application/x-www-form-urlencoded.');
  }
  const form = new URLSearchParams(request.body);
  const grantType = form.get('grant_type');
  if (grantType === null) return oauthError(400, 'invalid_request', 'grant_type is required.');
  if (grantType !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}.`);

  const authentication = clientAuthentication(request.headers, form);
  if (authentication === undefined) return oauthError(401, 'invalid_client', 'Client authentication is required.');
  if ('conflict' in authentication) return oauthError(400, 'invalid_request', 'Use only one client authentication method.');

  const found = index.application(authentication.clientId);
  const credential = index.credential(authentication.clientId);
  const invalidClient = oauthError(401, 'invalid_client', 'Client authentication failed.');
  if (found === undefined || found.environment.environment.id !== request.environmentId) return invalidClient;
  const { application } = found;
  if (application.tokenEndpointAuthMethod !== authentication.method) return invalidClient;
  if (credential === undefined || credential.environmentId !== request.environmentId || credential.clientSecret !== authentication.clientSecret) {
    return invalidClient;
  }
  // PingOne's exact wording for a disabled app is unconfirmed; the error code is what clients act on.
  if (!application.enabled) return oauthError(401, 'invalid_client', 'The application is disabled.');
  if (application.type !== 'WORKER' || !(application.grantTypes ?? []).includes('CLIENT_CREDENTIALS')) {
    return oauthError(400, 'unauthorized_client', 'The application is not allowed the client_credentials grant.');
  }

  const { token, claims } = minter.mint({ clientId: application.id, environmentId: request.environmentId });
  return {
    status: 200,
    body: { access_token: token, token_type: 'Bearer', expires_in: claims.exp - claims.iat },
    issued: { jti: claims.jti, clientId: application.id },
  };
}
