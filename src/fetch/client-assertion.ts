import { createHmac, randomUUID, sign, type KeyObject } from 'node:crypto';

/** RFC 7523 §2.2: the `client_assertion_type` of a JWT client assertion. */
export const jwtBearerAssertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * Signs the assertion's `header.payload`. It holds the key in a closure and has no field that prints
 * it: `util.inspect` or `JSON.stringify` of a signer shows the algorithm and key id only.
 */
export interface AssertionSigner {
  /** The JWS `alg`: RS256, ES256/ES384/ES512 (PRIVATE_KEY_JWT) or HS256 (CLIENT_SECRET_JWT). */
  readonly algorithm: string;
  /** The JWS `kid` header, when the key's id on the application is given. */
  readonly keyId?: string;
  sign(signingInput: string): Buffer;
  /** The key's text (PEM body, and each of its lines), for the run's redactor only: it never travels, but no error or file may show it. */
  revealKeyMaterial?(): readonly string[];
}

// PingOne refuses assertions that expire more than an hour ahead ("Create a private key JWT",
// developer.pingidentity.com); a minute is plenty for one token request and limits replay.
const assertionLifetimeSeconds = 60;

/**
 * A client assertion per RFC 7523 §3: `iss` = `sub` = the client id, `aud` = the URL it is posted to
 * (PingOne accepts the token endpoint, the issuer or the endpoint being called, as a full URL),
 * `iat` now, `exp` a minute later, and a fresh `jti` so that a captured assertion cannot be replayed.
 */
export function createClientAssertion(options: { clientId: string; audience: string; signer: AssertionSigner; now: () => number }): string {
  const iat = Math.floor(options.now() / 1000);
  const header = { alg: options.signer.algorithm, typ: 'JWT', ...(options.signer.keyId === undefined ? {} : { kid: options.signer.keyId }) };
  const claims = { iss: options.clientId, sub: options.clientId, aud: options.audience, iat, exp: iat + assertionLifetimeSeconds, jti: randomUUID() };
  const signingInput = `${base64url(header)}.${base64url(claims)}`;
  return `${signingInput}.${options.signer.sign(signingInput).toString('base64url')}`;
}

/** CLIENT_SECRET_JWT: HS256 with the client secret, which itself is never sent (RFC 7523 §2.2, OIDC Core §9). */
export function secretSigner(secret: string): AssertionSigner {
  return { algorithm: 'HS256', sign: (input) => createHmac('sha256', secret).update(input).digest() };
}

const ecAlgorithms: Readonly<Record<string, { alg: string; hash: string }>> = {
  prime256v1: { alg: 'ES256', hash: 'sha256' },
  secp384r1: { alg: 'ES384', hash: 'sha384' },
  secp521r1: { alg: 'ES512', hash: 'sha512' },
};

/**
 * PRIVATE_KEY_JWT: RS256 for an RSA key, ES256/ES384/ES512 for an EC key on P-256/P-384/P-521 (the
 * algorithms PingOne lists for private_key_jwt). Returns why not for any other key.
 */
export function privateKeySigner(key: KeyObject, keyId: string | undefined): AssertionSigner | { unsupported: string } {
  const withKeyId = keyId === undefined ? {} : { keyId };
  if (key.asymmetricKeyType === 'rsa') {
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < 2048) return { unsupported: `an RSA key of ${bits} bits (PingOne needs 2048 or more)` };
    return { algorithm: 'RS256', ...withKeyId, sign: (input) => sign('sha256', Buffer.from(input), key) };
  }
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve ?? 'unknown';
    const ec = ecAlgorithms[curve];
    if (ec === undefined) return { unsupported: `an EC key on curve ${curve} (use P-256, P-384 or P-521)` };
    // JWS wants the raw r||s signature (RFC 7518 §3.4), not node's default DER.
    return { algorithm: ec.alg, ...withKeyId, sign: (input) => sign(ec.hash, Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }) };
  }
  return { unsupported: `${otherKeyNames[key.asymmetricKeyType ?? ''] ?? `a ${key.asymmetricKeyType ?? 'symmetric'}`} key (use RSA or EC)` };
}

/** Node's names for the key types PingOne does not take, as a person writes them ("an Ed25519 key"). */
const otherKeyNames: Readonly<Record<string, string>> = {
  ed25519: 'an Ed25519',
  ed448: 'an Ed448',
  x25519: 'an X25519',
  x448: 'an X448',
  dsa: 'a DSA',
  dh: 'a Diffie-Hellman',
  'rsa-pss': 'an RSA-PSS',
};

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
