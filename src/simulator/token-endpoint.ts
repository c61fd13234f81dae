import type { IncomingHttpHeaders } from 'node:http';
import type { TokenMinter } from './access-tokens.js';
import { authenticateClient, type AssertionCheck } from './client-authentication.js';

/** The token endpoint's answer, and the token it issued, if any. */
export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
  /** Set when a token was issued; `userId` for user grants. */
  issued?: { jti: string; clientId: string; userId?: string };
}

/** An OAuth error answer (RFC 6749 §5.2): `error` and `error_description`. */
export function oauthError(status: number, error: string, description: string): TokenResponse {
  return { status, body: { error, error_description: description } };
}

/**
 * `POST /{envId}/as/token` for `grant_type=client_credentials`. The client must be a worker app of
 * that environment, enabled, allowed the grant, and authenticate the way its
 * `tokenEndpointAuthMethod` says: with a secret listed in the dataset's `credentials`, or a client
 * assertion signed with that secret or a key of the application's `jwks`.
 */
export function answerTokenRequest(check: AssertionCheck, minter: TokenMinter, request: { environmentId: string; headers: IncomingHttpHeaders; body: string }): TokenResponse {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.startsWith('application/x-www-form-urlencoded')) {
    return oauthError(400, 'invalid_request', 'The request body must be application/x-www-form-urlencoded.');
  }
  const form = new URLSearchParams(request.body);
  const grantType = form.get('grant_type');
  if (grantType === null) return oauthError(400, 'invalid_request', 'grant_type is required.');
  if (grantType !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}.`);

  const authenticated = authenticateClient(check, request.environmentId, request.headers, form);
  if (!('client' in authenticated)) return oauthError(authenticated.status, authenticated.error, authenticated.description);
  const application = authenticated.client;
  if ((application.tokenEndpointAuthMethod ?? 'NONE') === 'NONE') return oauthError(401, 'invalid_client', 'Client authentication is required.');
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
