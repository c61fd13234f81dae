import { UserFacingError } from '../errors.js';

const b64token = /^[A-Za-z0-9\-._~+/]+=*$/;
const allowed = /[A-Za-z0-9\-._~+/=]/;

/**
 * Why `token` cannot be sent as a bearer token, or undefined when it can. RFC 6750 §2.1 allows only
 * `b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="` after `Bearer `; a JWT
 * is one. Any other character (a line break, a space, non-ASCII text) makes undici refuse the
 * Authorization header, which would look as if the API could not be reached.
 *
 * The reason names the kind and 1-based position of the first character at fault, never the token
 * or any part of it, so it may go into an error message.
 */
export function bearerTokenFault(token: string): string | undefined {
  if (b64token.test(token)) return undefined;
  if (token === '') return 'it is empty';
  if (/^bearer\s/i.test(token)) return 'it starts with the scheme "Bearer ", which the Authorization header adds itself';
  const characters = [...token];
  const outside = characters.findIndex((character) => !allowed.test(character));
  if (outside >= 0) return `it holds ${characterKind(characters[outside] ?? '')} at character ${outside + 1}`;
  // Only "=" can be out of place now: the first one, as b64token lets padding only end a token that has more.
  if (/^=+$/.test(token)) return 'it is padding ("=") alone';
  return `it holds an "=" before the end (padding may only end it) at character ${characters.indexOf('=') + 1}`;
}

function characterKind(character: string): string {
  if (character === '\r' || character === '\n') return 'a line break';
  if (/\s/.test(character)) return 'whitespace';
  const code = character.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return 'a control character';
  if (code > 0x7f) return 'a non-ASCII character';
  return 'a character outside A-Z a-z 0-9 - . _ ~ + /';
}

/**
 * Throws a `token-endpoint-error` UserFacingError when the access token a token endpoint issued (to
 * the client credentials grant or a user's sign-in) cannot be a bearer token: the endpoint, or a
 * proxy before it, is at fault, not the user. The message names `tokenUrl` and the fault, never the token.
 */
export function assertIssuedBearerToken(token: string, tokenUrl: string): void {
  const fault = bearerTokenFault(token);
  if (fault === undefined) return;
  throw new UserFacingError('token-endpoint-error', `The PingOne token endpoint ${tokenUrl} answered with an access token that is not a bearer token (RFC 6750 §2.1 b64token): ${fault}.`, {
    hint: tokenEndpointHint,
  });
}

/** What to check when a token endpoint's answer is not PingOne's. */
export const tokenEndpointHint = 'Check PINGONE_AUTH_URL: it should be the auth base (https://auth.pingone.<region>), not a proxy that rewrites answers.';
