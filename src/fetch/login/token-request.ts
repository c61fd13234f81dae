import { UserFacingError } from '../../errors.js';
import { authenticateTokenRequest } from './client-authentication.js';
import { TransportError, type HttpClient } from '../http-client.js';
import type { UserSignInCredentials } from '../settings.js';
import { parseJson } from '../../json/parse-json.js';

/** The auth server's answer to a form POST: its status and JSON body. */
export interface OAuthAnswer {
  status: number;
  /** The JSON body, `{}` when it was not JSON. */
  body: Record<string, unknown>;
}

/** POSTs a form to one of the auth server's endpoints (token, device authorization) with the client's authentication. */
export async function postAuthForm(http: HttpClient, url: string, form: URLSearchParams, client: UserSignInCredentials): Promise<OAuthAnswer> {
  const headers = authenticateTokenRequest(form, client, url);
  let text: string;
  let status: number;
  try {
    ({ status, text } = await http.postTokenForm(url, form, headers));
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    throw new UserFacingError('unreachable', `Cannot reach the PingOne auth server at ${new URL(url).origin} (${error.timedOut ? 'timed out' : error.message}).`, {
      hint: 'Check the region (PINGONE_REGION_CODE) or PINGONE_AUTH_URL, and the network or proxy between here and PingOne.',
      cause: error,
    });
  }
  let body: unknown;
  try {
    body = parseJson(text);
  } catch {
    body = {};
  }
  return { status, body: typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {} };
}

/** The OAuth `error` code of a refused request, if any. */
export function oauthErrorCode(answer: OAuthAnswer): string | undefined {
  return typeof answer.body.error === 'string' ? answer.body.error : undefined;
}

/** A refused OAuth request as a UserFacingError: what was refused, PingOne's code and description, and what to check. */
export function oauthFailure(what: string, answer: OAuthAnswer, client: UserSignInCredentials): UserFacingError {
  const code = oauthErrorCode(answer);
  const description = typeof answer.body.error_description === 'string' ? answer.body.error_description : undefined;
  const said = [code, description].filter(Boolean).join(': ');
  const hints: Record<string, string> = {
    invalid_client: `Check the client id and environment id, and the app's token endpoint auth method: NONE for a public client (no secret given), else the method of the secret given (used ${client.tokenAuthMethod}).`,
    unauthorized_client: `Enable the ${client.flow === 'device-code' ? 'Device Authorization' : 'Authorization Code'} grant type on the application (and Refresh Token to stay signed in).`,
    invalid_grant: 'Sign in again; if it repeats, check that the application requires PKCE S256 (or allows it) and that nothing else redeemed the code.',
  };
  return new UserFacingError('sign-in-failed', `${what} (HTTP ${answer.status}${said === '' ? '' : `, PingOne says ${said}`}).`, {
    hint: hints[code ?? ''] ?? "Check the application's grant types, redirect URI and enabled state in the PingOne console.",
    seeAlso: 'README.md#signing-in-as-a-reviewer',
  });
}
