import type { IncomingHttpHeaders } from 'node:http';
import type { ApiApplication } from './api-types.js';
import type { TokenMinter } from './access-tokens.js';
import type { DatasetIndex } from './dataset-index.js';
import { authenticateClient as authenticateAtEndpoint, type AssertionReplayStore } from './client-authentication.js';
import { oauthError, type TokenResponse } from './token-endpoint.js';
import { pkceMatches, type UserGrantStore } from './user-grants.js';

const deviceCodeGrantType = 'urn:ietf:params:oauth:grant-type:device_code';
/** Grant types answered here rather than by the client-credentials endpoint. */
export const userGrantTypes = new Set(['authorization_code', 'refresh_token', deviceCodeGrantType]);

/** What answering a user grant needs. */
export interface UserGrantContext {
  index: DatasetIndex;
  minter: TokenMinter;
  store: UserGrantStore;
  now: () => number;
  /** Auth base (`http://127.0.0.1:<port>`), for the device verification URI and ID token issuer. */
  authUrl: string;
  /** Client assertions already used. */
  replay: AssertionReplayStore;
  /** The issuer the request came to: `<authUrl>/<envId>/as`, or `<authUrl>/as` on a custom domain. */
  issuer: string;
}

/** What a client assertion sent to `endpoint` (`token`, `device_authorization`) of `issuer` may name as its `aud`. */
export function assertionAudiences(issuer: string, endpoint: string): string[] {
  return [`${issuer}/token`, issuer, `${issuer}/${endpoint}`];
}

interface FormRequest {
  environmentId: string;
  headers: IncomingHttpHeaders;
  form: URLSearchParams;
}

/** The client of a user-grant request: a public client (NONE) or one that authenticates as its method says. */
function authenticateClient(context: UserGrantContext, request: FormRequest, endpoint: string): { client: ApiApplication } | { refused: TokenResponse } {
  const check = { index: context.index, now: context.now, replay: context.replay, audiences: assertionAudiences(context.issuer, endpoint) };
  const authenticated = authenticateAtEndpoint(check, request.environmentId, request.headers, request.form);
  return 'client' in authenticated ? authenticated : { refused: oauthError(authenticated.status, authenticated.error, authenticated.description) };
}

/** PingOne's refresh token lifetime when the application sets no `refreshTokenDuration`: 30 days. */
const defaultRefreshTokenDurationSeconds = 2_592_000;

/**
 * When a refresh token minted now stops working (ms since the epoch): the application's `refreshTokenDuration` from
 * now (30 days when unset), and never later than its `refreshTokenRollingDuration` after the sign-in the token was
 * rotated from (no such bound when unset). Source: ApplicationOIDC in the PingOne Platform API reference
 * (refreshTokenDuration, refreshTokenRollingDuration), and https://docs.pingidentity.com/pingone/applications/p1_edit_application_oidc.html
 * ("Refresh token duration").
 */
function refreshTokenExpiry(application: ApiApplication, now: number, signedInAt: number): number {
  const expiresAt = now + (application.refreshTokenDuration ?? defaultRefreshTokenDurationSeconds) * 1000;
  const rolling = application.refreshTokenRollingDuration;
  return rolling === undefined ? expiresAt : Math.min(expiresAt, signedInAt + rolling * 1000);
}

/** `signedInAt` (ms since the epoch): when the user signed in, now for a code or device grant, kept through refreshes. */
function issueTokens(
  context: UserGrantContext,
  application: ApiApplication,
  environmentId: string,
  userId: string,
  scope: string,
  { signedInAt = context.now(), nonce }: { signedInAt?: number; nonce?: string | undefined } = {},
): TokenResponse {
  const { token, claims } = context.minter.mint({ clientId: application.id, environmentId, userId });
  const body: Record<string, unknown> = { access_token: token, token_type: 'Bearer', expires_in: claims.exp - claims.iat, scope };
  if (scope.split(' ').includes('openid')) {
    const username = context.index.user(userId)?.user.username;
    body.id_token = context.minter.signClaims({
      iss: claims.iss,
      sub: userId,
      aud: application.id,
      iat: claims.iat,
      exp: claims.exp,
      // The sign-in's time, not the refresh's (OpenID Connect Core §12.2).
      auth_time: Math.floor(signedInAt / 1000),
      env: environmentId,
      org: claims.org,
      ...(nonce === undefined ? {} : { nonce }),
      ...(username === undefined ? {} : { preferred_username: username }),
    });
  }
  if ((application.grantTypes ?? []).includes('REFRESH_TOKEN')) {
    const expiresAt = refreshTokenExpiry(application, context.now(), signedInAt);
    body.refresh_token = context.store.issueRefreshToken({ clientId: application.id, environmentId, userId, scope, signedInAt, expiresAt });
  }
  return { status: 200, body, issued: { jti: claims.jti, clientId: application.id, userId } };
}

const allows = (application: ApiApplication, grant: string): boolean => (application.grantTypes ?? []).some((type) => type === grant);

/** `POST /{envId}/as/token` for authorization_code (with PKCE), device_code and refresh_token. */
export function answerUserGrant(context: UserGrantContext, request: FormRequest): TokenResponse {
  const authenticated = authenticateClient(context, request, 'token');
  if ('refused' in authenticated) return authenticated.refused;
  const { client } = authenticated;
  const { form } = request;
  const grantType = form.get('grant_type');
  const invalidGrant = (description: string) => oauthError(400, 'invalid_grant', description);

  if (grantType === 'authorization_code') {
    if (!allows(client, 'AUTHORIZATION_CODE')) return oauthError(400, 'unauthorized_client', 'The application is not allowed the authorization code grant.');
    const pending = context.store.takeCode(form.get('code') ?? '');
    if (pending === undefined || pending.clientId !== client.id || pending.expiresAt <= context.now()) return invalidGrant('The authorization code is invalid or has expired.');
    if (form.get('redirect_uri') !== pending.redirectUri) return invalidGrant('redirect_uri differs from the one in the authorization request.');
    if (pending.codeChallenge !== undefined) {
      const verifier = form.get('code_verifier');
      if (verifier === null) return invalidGrant('code_verifier is required: the authorization request carried a PKCE challenge.');
      if (!pkceMatches(verifier, pending.codeChallenge, pending.codeChallengeMethod)) return invalidGrant('code_verifier does not match the PKCE challenge.');
    }
    return issueTokens(context, client, pending.environmentId, pending.userId, pending.scope, { nonce: pending.nonce });
  }

  if (grantType === deviceCodeGrantType) {
    const device = context.store.device(form.get('device_code') ?? '');
    if (device === undefined || device.clientId !== client.id) return invalidGrant('The device code is invalid.');
    const now = context.now();
    if (device.expiresAt <= now) {
      context.store.endDevice(device.deviceCode);
      return oauthError(400, 'expired_token', 'The device code has expired.');
    }
    if (device.decision !== undefined) {
      context.store.endDevice(device.deviceCode);
      if ('denied' in device.decision) return oauthError(400, 'access_denied', 'The user denied the request.');
      return issueTokens(context, client, device.environmentId, device.decision.approvedUserId, device.scope);
    }
    const tooSoon = device.lastPollAt !== undefined && now - device.lastPollAt < device.intervalSeconds * 1000;
    device.lastPollAt = now;
    if (tooSoon) {
      device.intervalSeconds += 5;
      return oauthError(400, 'slow_down', `Polling too fast: wait ${device.intervalSeconds} seconds between requests.`);
    }
    return oauthError(400, 'authorization_pending', 'The user has not approved the request yet.');
  }

  if (grantType === 'refresh_token') {
    if (!allows(client, 'REFRESH_TOKEN')) return oauthError(400, 'unauthorized_client', 'The application is not allowed the refresh token grant.');
    const grant = context.store.takeRefreshToken(form.get('refresh_token') ?? '');
    if (grant === undefined || grant.clientId !== client.id || grant.expiresAt <= context.now()) return invalidGrant('The refresh token is invalid, expired or already used.');
    return issueTokens(context, client, grant.environmentId, grant.userId, grant.scope, { signedInAt: grant.signedInAt });
  }
  return oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType ?? '(none)'}.`);
}

/** `POST /{envId}/as/device_authorization` (RFC 8628 §3.1), timings from the app's device settings. */
export function answerDeviceAuthorization(context: UserGrantContext, request: FormRequest): TokenResponse {
  const authenticated = authenticateClient(context, request, 'device_authorization');
  if ('refused' in authenticated) return authenticated.refused;
  const { client } = authenticated;
  if (!allows(client, 'DEVICE_CODE')) return oauthError(400, 'unauthorized_client', 'The application is not allowed the device code grant.');
  const expiresIn = client.deviceTimeout ?? 600;
  const device = context.store.startDevice({
    clientId: client.id,
    environmentId: request.environmentId,
    scope: request.form.get('scope') ?? 'openid',
    expiresAt: context.now() + expiresIn * 1000,
    intervalSeconds: client.devicePollingInterval ?? 5,
    lastPollAt: context.now(),
  });
  const verificationUri = `${context.authUrl}/${request.environmentId}/device`;
  return {
    status: 200,
    body: {
      device_code: device.deviceCode,
      user_code: device.userCode,
      verification_uri: verificationUri,
      verification_uri_complete: `${verificationUri}?user_code=${device.userCode}`,
      expires_in: expiresIn,
      interval: device.intervalSeconds,
    },
  };
}
