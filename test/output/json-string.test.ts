import { describe, expect, it } from 'vitest';
import { jsonString } from '../../src/output/json-string.js';
import { seededRandom } from '../../src/simulator/seeded-random.js';
import { randomString } from '../helpers/random-string.js';

// The SARIF writer and the fingerprint skip JSON.stringify for strings a regular expression calls plain: a character
// it lets through unescaped would change a report's bytes, or a fingerprint and every baseline matched by it.
const HOSTILE_UNITS = [
  '"',
  '\\',
  '/',
  '\u0000',
  '\b',
  '\t',
  '\n',
  '\f',
  '\r',
  '\u001f',
  '\u007f',
  '\u0080',
  '\u2028',
  '\u2029',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\ufeff',
  '\uffff',
  'a',
  'é',
  ' ',
  '%',
  '#',
  '?',
];

describe('jsonString', () => {
  it('gives JSON.stringify text for every UTF-16 code unit, alone and between plain text', () => {
    for (let unit = 0; unit <= 0xffff; unit++) {
      const char = String.fromCharCode(unit);
      for (const text of [char, `id-${char}-x`]) if (jsonString(text) !== JSON.stringify(text)) expect(jsonString(text), `U+${unit.toString(16)}`).toBe(JSON.stringify(text));
    }
  });

  it('gives JSON.stringify text for random hostile strings: pairs and lone surrogates, controls, quotes, U+2028', () => {
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      for (let i = 0; i < 5_000; i++) {
        const text = i % 2 === 0 ? randomString(random, 24, HOSTILE_UNITS) : randomString(random, 12);
        if (jsonString(text) !== JSON.stringify(text)) expect(jsonString(text), `seed ${seed}, string ${i}`).toBe(JSON.stringify(text));
      }
    }
  });
});
