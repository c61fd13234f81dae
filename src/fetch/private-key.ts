import { createPrivateKey, type KeyObject } from 'node:crypto';
import { statSync } from 'node:fs';
import { UserFacingError } from '../errors.js';
import { privateKeySigner, type AssertionSigner } from './client-assertion.js';
import { readCredentialFile } from './read-credential-file.js';

const seeAlso = 'README.md#connecting-to-pingone';

/**
 * Reads the worker app's private key (PEM: PKCS#8, PKCS#1 or SEC1; RSA or EC) and returns a signer for
 * its client assertions. Throws a UserFacingError naming the file, never its content, when the file is
 * unreadable, not a private key, encrypted, or of a kind PingOne does not accept. Pushes a warning when
 * other users may read the file.
 */
export function readPrivateKeyFile(file: string, keyId: string | undefined, warnings: string[]): AssertionSigner {
  const setting = 'PINGONE_CLIENT_PRIVATE_KEY_FILE (--private-key-file)';
  const pem = readCredentialFile(file, setting, 'Check the path and that this user may read it: a regular file, or a pipe that delivers the key.', seeAlso);
  if (statSync(file).isFile() && (statSync(file).mode & 0o077) !== 0 && process.platform !== 'win32') {
    warnings.push(`The private key file ${file} may be read by other users of this machine; chmod 600 it.`);
  }
  const key = parsePrivateKey(pem, file, setting);
  const signer = privateKeySigner(key, keyId);
  if ('unsupported' in signer) {
    throw new UserFacingError('key-invalid', `${setting} ${file} holds ${signer.unsupported}.`, {
      hint: 'PingOne verifies PRIVATE_KEY_JWT assertions signed with RSA (2048 bits or more) or EC (P-256, P-384, P-521) keys.',
      seeAlso,
    });
  }
  const body = pem.split(/\r?\n/).filter((line) => line !== '' && !line.startsWith('-----') && !line.includes(':'));
  return { ...signer, revealKeyMaterial: () => [body.join(''), ...body] };
}

function parsePrivateKey(pem: string, file: string, setting: string): KeyObject {
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    // Node's messages name no key material, but only the code is shown: nothing of the file's content leaves here.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MISSING_PASSPHRASE' || /ENCRYPTED/.test(pem)) {
      throw new UserFacingError('key-invalid', `${setting} ${file} is encrypted with a passphrase.`, {
        hint: 'Give an unencrypted PEM key (openssl pkey -in key.pem -out plain.pem) and keep the file itself secret: a CI secret or a 0600 file.',
        seeAlso,
      });
    }
    const onlyPublic = /-----BEGIN (PUBLIC KEY|CERTIFICATE)-----/.test(pem) && !/PRIVATE KEY-----/.test(pem);
    throw new UserFacingError('key-invalid', `${setting} ${file} is not a PEM private key${onlyPublic ? ': it holds a public key or certificate' : ''}.`, {
      hint: onlyPublic
        ? 'The public key (or JWKS) goes on the worker application in PingOne; this setting takes the private key that signs.'
        : 'Expected a file starting with -----BEGIN PRIVATE KEY----- (or RSA / EC PRIVATE KEY).',
      seeAlso,
    });
  }
}
