import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: unguessable values for `state`, `nonce` and the PKCE verifier. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A PKCE pair (RFC 7636): the verifier stays here, the S256 challenge goes in the authorize URL. */
export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomToken();
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
