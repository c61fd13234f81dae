import { UserFacingError } from '../errors.js';
import { readErrorBody } from './api-error.js';
import { authorizationServerUrl, type AuthServer } from './auth-server.js';
import { assertIssuedBearerToken, tokenEndpointHint } from './bearer-token.js';
import { TransportError, type HttpClient, type HttpResponse } from './http-client.js';
import { authenticateTokenRequest } from './login/client-authentication.js';
import { createUserTokenSource } from './login/user-token-source.js';
import type { Redactor } from './redactor.js';
import { singleFlightTokenSource, type AccessTokenSource, type HeldToken } from './token-source.js';
import type { ConnectionSettings, Credentials } from './settings.js';
import { parseJson } from '../json/parse-json.js';

const seeAlso = 'README.md#connecting-to-pingone';

/**
 * Where the API client gets its bearer token, by the kind of credentials: a ready token, used until
 * PingOne rejects it (it cannot be renewed); a signed-in user's session, renewed with its refresh
 * token; or a client-credentials token from the worker's environment, asked for again a minute
 * before it expires or after a 401. One token request at a time, however many API requests wait.
 */
export function createAccessTokenSource(settings: ConnectionSettings, http: HttpClient, now: () => number = Date.now): AccessTokenSource {
  const credentials = settings.credentials;
  if (credentials.kind === 'accessToken') {
    const given: HeldToken = { token: credentials.token.reveal(), expiresAt: Number.POSITIVE_INFINITY, renewable: false };
    const cannotRenew = () =>
      new UserFacingError(
        'credentials-rejected',
        'PingOne rejected the access token (401): it has expired, was revoked, or was issued by another PingOne (another region); a ready token cannot be renewed.',
        {
          hint: 'Get a new token for PINGONE_API_ACCESS_TOKEN, issued in the region this run reads (PINGONE_REGION_CODE or PINGONE_API_URL), or use client credentials (PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET, PINGONE_ENVIRONMENT_ID) so the token renews itself.',
          seeAlso,
        },
      );
    return singleFlightTokenSource(
      () => given,
      () => Promise.reject(cannotRenew()),
      cannotRenew,
      now,
    );
  }

  if (credentials.kind === 'userSignIn') return createUserTokenSource(settings, credentials, http, now);

  let current: HeldToken | undefined;
  const obtain = async (): Promise<string> => {
    const issued = await requestToken(settings, credentials, http, now);
    current = { ...issued, renewable: true };
    return issued.token;
  };
  return singleFlightTokenSource(
    () => current,
    obtain,
    () => new Error('client credentials always renew'),
    now,
  );
}

type ClientCredentials = Extract<Credentials, { kind: 'clientCredentials' }>;

async function requestToken(auth: AuthServer, credentials: ClientCredentials, http: HttpClient, now: () => number) {
  const tokenUrl = `${authorizationServerUrl(auth, credentials.environmentId)}/token`;
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  const headers = authenticateTokenRequest(form, credentials, tokenUrl, now);

  let response: HttpResponse;
  try {
    response = await http.postTokenForm(tokenUrl, form, headers);
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    throw new UserFacingError('unreachable', `Cannot reach the PingOne token endpoint ${tokenUrl} (${error.timedOut ? 'timed out' : error.message}).`, {
      hint: 'Check the region (PINGONE_REGION_CODE) or PINGONE_AUTH_URL, and the network or proxy between here and PingOne.',
      seeAlso,
      cause: error,
    });
  }
  return readTokenResponse(response, http.redactor, tokenUrl, credentials, now);
}

function readTokenResponse(response: HttpResponse, redactor: Redactor, tokenUrl: string, credentials: ClientCredentials, now: () => number) {
  // Even a 200 may carry an error text that echoes the request.
  const said = readErrorBody(redactor.redact(response.text));
  const pingOneSays = [said.code, said.apiMessage].filter(Boolean).join(': ');
  if (response.status === 401 || said.code === 'invalid_client') {
    throw new UserFacingError(
      'token-endpoint-error',
      `PingOne rejected the client credentials: check client id / ${credentials.tokenAuthMethod === 'PRIVATE_KEY_JWT' ? 'private key' : 'secret'} / environment id (the worker app's environment) and the token endpoint auth method${pingOneSays === '' ? '' : ` (PingOne says ${pingOneSays})`}.`,
      {
        hint: `The token request used ${credentials.tokenAuthMethod} for client ${credentials.clientId} in environment ${credentials.environmentId}. ${
          credentials.tokenAuthMethod === 'PRIVATE_KEY_JWT'
            ? 'The worker app must hold the matching public key (its JWKS or JWKS URL, with the same kid if --key-id is given).'
            : 'If the worker app\'s "Token Endpoint Authentication Method" is another one, pass --token-auth-method.'
        }`,
        seeAlso,
      },
    );
  }
  if (said.code === 'unauthorized_client' || said.code === 'unsupported_grant_type') {
    throw new UserFacingError('credentials-rejected', `PingOne refused the client credentials grant for client ${credentials.clientId}${pingOneSays === '' ? '' : ` (${pingOneSays})`}.`, {
      hint: 'The application must be an enabled WORKER application with the Client Credentials grant type.',
      seeAlso,
    });
  }
  if (response.status !== 200) {
    throw new UserFacingError('token-endpoint-error', `The PingOne token endpoint ${tokenUrl} answered HTTP ${response.status}${pingOneSays === '' ? '' : ` (${pingOneSays})`}.`, {
      hint: "Check the environment id (the worker app's environment) and the region or PINGONE_AUTH_URL.",
      seeAlso,
    });
  }
  let body: { access_token?: unknown; expires_in?: unknown };
  try {
    body = parseJson(response.text) as typeof body;
  } catch {
    body = {};
  }
  if (typeof body.access_token !== 'string' || body.access_token === '') {
    throw new UserFacingError('token-endpoint-error', `The PingOne token endpoint ${tokenUrl} answered without an access token.`, { hint: tokenEndpointHint });
  }
  assertIssuedBearerToken(body.access_token, tokenUrl);
  const lifetimeSeconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600;
  return { token: body.access_token, expiresAt: now() + lifetimeSeconds * 1000 };
}
