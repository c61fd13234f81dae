import type { Secret } from '../secret.js';
import type { TokenAuthMethod } from '../settings.js';

/**
 * Adds the client's authentication to a token request and returns the headers to send: a Basic
 * header, the secret in the form, or for a public client (`NONE`) only its id in the form.
 */
export function authenticateTokenRequest(form: URLSearchParams, client: { clientId: string; clientSecret?: Secret; tokenAuthMethod: TokenAuthMethod | 'NONE' }): Record<string, string> {
  const secret = client.clientSecret?.reveal();
  if (client.tokenAuthMethod === 'CLIENT_SECRET_BASIC' && secret !== undefined) {
    // RFC 6749 §2.3.1: both parts form-encoded before base64.
    const pair = `${encodeURIComponent(client.clientId)}:${encodeURIComponent(secret)}`;
    return { authorization: `Basic ${Buffer.from(pair).toString('base64')}` };
  }
  form.set('client_id', client.clientId);
  if (client.tokenAuthMethod === 'CLIENT_SECRET_POST' && secret !== undefined) form.set('client_secret', secret);
  return {};
}
