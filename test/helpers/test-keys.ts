import { generateKeyPairSync, type KeyPairKeyObjectResult } from 'node:crypto';

/**
 * RSA 2048 key pairs shared by the tests that sign client assertions. Each costs tens to hundreds of
 * CPU milliseconds to generate; the unit tests share one module cache, so a pair is made once per run,
 * on first use. Two pairs, for the tests that need a key the app does not hold.
 */
const pairs: KeyPairKeyObjectResult[] = [];

/** The first shared RSA pair, or with `which: 'other'` a second one distinct from it. */
export function testRsaKeys(which: 'first' | 'other' = 'first'): KeyPairKeyObjectResult {
  const index = which === 'first' ? 0 : 1;
  while (pairs.length <= index) pairs.push(generateKeyPairSync('rsa', { modulusLength: 2048 }));
  return pairs[index]!;
}
