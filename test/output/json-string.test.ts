import { describe, expect, it } from 'vitest';
import { canonicalJsonString, jsonString, jsonText } from '../../src/output/json-string.js';
import { seededRandom } from '../../src/simulator/seeded-random.js';
import { HIDDEN_CHARACTER } from '../helpers/hostile-strings.js';
import { randomString } from '../helpers/random-string.js';
import { referenceJson } from '../helpers/reference-json.js';

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
  '\u009b',
  '\u00ad',
  '\u061c',
  '\u180e',
  '\u200b',
  '\u200d',
  '\u200f',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u2060',
  '\u2066',
  '\u2069',
  '\ufe0f',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  // Halves of U+E0041 (a tag character) and U+1D173 (a musical format control), hidden; of U+1F600, shown.
  '\udb40',
  '\udc41',
  '\ud834',
  '\udd73',
  '\ud83d',
  '\ude00',
  '\ufeff',
  '\ufffe',
  '\uffff',
  'a',
  'é',
  ' ',
  '%',
  '#',
  '?',
];

const reference = (value: string) => referenceJson(JSON.stringify(value));

describe('jsonString', () => {
  it('gives the reference text for every UTF-16 code unit, alone and between plain text', () => {
    for (let unit = 0; unit <= 0xffff; unit++) {
      const char = String.fromCharCode(unit);
      for (const text of [char, `id-${char}-x`]) if (jsonString(text) !== reference(text)) expect(jsonString(text), `U+${unit.toString(16)}`).toBe(reference(text));
    }
  });

  it('gives the reference text for every code point above U+FFFF: tags and format controls escaped, emoji kept', () => {
    for (let point = 0x10000; point <= 0x10ffff; point++) {
      const text = `a${String.fromCodePoint(point)}`;
      if (jsonString(text) !== reference(text)) expect(jsonString(text), `U+${point.toString(16)}`).toBe(reference(text));
    }
    expect(jsonString('🔑\u{E0041}')).toBe('"🔑\\udb40\\udc41"');
  });

  it('gives the reference text for random hostile strings, and JSON.parse gives back the very string', () => {
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      for (let i = 0; i < 5_000; i++) {
        const text = i % 2 === 0 ? randomString(random, 24, HOSTILE_UNITS) : randomString(random, 12);
        const json = jsonString(text);
        if (json !== reference(text)) expect(json, `seed ${seed}, string ${i}`).toBe(reference(text));
        if (JSON.parse(json) !== text) expect(JSON.parse(json), `seed ${seed}, string ${i}`).toBe(text);
      }
    }
  });

  it('leaves no hidden character raw: a reversed line or a zero-width space shows as an escape', () => {
    const json = jsonString('admin\u202Egpj.exe \u2066x\u2069 a\u200Bb del\u007F nel\u0085 line\u2028');
    expect(json).toBe('"admin\\u202egpj.exe \\u2066x\\u2069 a\\u200bb del\\u007f nel\\u0085 line\\u2028"');
    expect(json).not.toMatch(HIDDEN_CHARACTER);
  });
});

describe('jsonText', () => {
  it('prints every string of a value, keys included, as jsonString does, laid out as JSON.stringify lays it out', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 500; i++) {
      const key = randomString(random, 8, HOSTILE_UNITS);
      const value = { [key]: [randomString(random, 16, HOSTILE_UNITS), 1, null, { nested: randomString(random, 16, HOSTILE_UNITS) }] };
      const text = jsonText(value, 2)!;
      expect(text).toBe(referenceJson(JSON.stringify(value, null, 2)));
      expect(JSON.parse(text)).toEqual(value);
    }
    expect(jsonText(undefined)).toBeUndefined();
  });
});

describe('canonicalJsonString', () => {
  it('gives exactly JSON.stringify text for every UTF-16 code unit, hidden characters raw: fingerprints hash it', () => {
    for (let unit = 0; unit <= 0xffff; unit++) {
      const char = String.fromCharCode(unit);
      for (const text of [char, `id-${char}-x`]) if (canonicalJsonString(text) !== JSON.stringify(text)) expect(canonicalJsonString(text), `U+${unit.toString(16)}`).toBe(JSON.stringify(text));
    }
  });

  it('gives exactly JSON.stringify text for random hostile strings', () => {
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      for (let i = 0; i < 5_000; i++) {
        const text = i % 2 === 0 ? randomString(random, 24, HOSTILE_UNITS) : randomString(random, 12);
        if (canonicalJsonString(text) !== JSON.stringify(text)) expect(canonicalJsonString(text), `seed ${seed}, string ${i}`).toBe(JSON.stringify(text));
      }
    }
  });
});
