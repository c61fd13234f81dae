import { createClientAssertion, jwtBearerAssertionType, secretSigner, type AssertionSigner } from '../client-assertion.js';
import type { Secret } from '../secret.js';
import type { TokenAuthMethod } from '../settings.js';

/** What a client brings to the auth server; `signer` only for PRIVATE_KEY_JWT. */
export interface TokenClient {
  clientId: string;
  tokenAuthMethod: TokenAuthMethod | 'NONE';
  clientSecret?: Secret | undefined;
  signer?: AssertionSigner | undefined;
}

/**
 * Adds the client's authentication to a request for `endpointUrl` (token, device authorization) and
 * returns the headers to send: a Basic header, the secret in the form, a client assertion whose `aud`
 * is `endpointUrl` (CLIENT_SECRET_JWT, PRIVATE_KEY_JWT: no secret leaves), or for a public client
 * (`NONE`) only its id in the form.
 */
export function authenticateTokenRequest(form: URLSearchParams, client: TokenClient, endpointUrl: string, now: () => number = Date.now): Record<string, string> {
  const secret = client.clientSecret?.reveal();
  if (client.tokenAuthMethod === 'CLIENT_SECRET_BASIC' && secret !== undefined) {
    // RFC 6749 §2.3.1: both parts form-encoded before base64.
    const pair = `${encodeURIComponent(client.clientId)}:${encodeURIComponent(secret)}`;
    return { authorization: `Basic ${Buffer.from(pair).toString('base64')}` };
  }
  form.set('client_id', client.clientId);
  if (client.tokenAuthMethod === 'CLIENT_SECRET_POST' && secret !== undefined) form.set('client_secret', secret);
  const signer = client.tokenAuthMethod === 'PRIVATE_KEY_JWT' ? client.signer : client.tokenAuthMethod === 'CLIENT_SECRET_JWT' && secret !== undefined ? secretSigner(secret) : undefined;
  if (signer !== undefined) {
    form.set('client_assertion_type', jwtBearerAssertionType);
    form.set('client_assertion', createClientAssertion({ clientId: client.clientId, audience: endpointUrl, signer, now }));
  }
  return {};
}
