/**
 * The forms in which a server, a proxy or a log could echo the scanner's credential: the secret
 * raw, URL- and base64-encoded, the HTTP Basic credential and part of it, and any JWT (PingOne's
 * access tokens are JWTs). A pattern found in an output is a leak.
 */
export function credentialLeaks(credential: { clientId: string; clientSecret: string }): Array<[string, RegExp | string]> {
  const basic = Buffer.from(`${encodeURIComponent(credential.clientId)}:${encodeURIComponent(credential.clientSecret)}`).toString('base64');
  return [
    ['the client secret', credential.clientSecret],
    ['the client secret, URL-encoded', encodeURIComponent(credential.clientSecret)],
    ['the client secret, base64', Buffer.from(credential.clientSecret).toString('base64').slice(0, 40)],
    ['the Basic credential', basic],
    ['a part of the Basic credential', basic.slice(8, 40)],
    ['a token', /eyJ[\w-]+\.eyJ/],
  ];
}
