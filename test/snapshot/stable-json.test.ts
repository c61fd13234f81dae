import { describe, expect, it } from 'vitest';
import { compareCodePoints, stableStringify } from '../../src/snapshot/stable-json.js';

describe('stableStringify', () => {
  it('sorts keys at every depth, keeps array order, indents by 2 and ends with a newline', () => {
    const text = stableStringify({ b: 1, a: { d: [3, 1, { z: true, y: null }], c: 'x' } });
    expect(text).toBe('{\n  "a": {\n    "c": "x",\n    "d": [\n      3,\n      1,\n      {\n        "y": null,\n        "z": true\n      }\n    ]\n  },\n  "b": 1\n}\n');
  });

  it('prints the same bytes whatever the insertion order', () => {
    expect(stableStringify({ x: 1, y: { p: 1, q: 2 } })).toBe(stableStringify({ y: { q: 2, p: 1 }, x: 1 }));
  });

  it('sorts integer-like keys as strings, which JSON.stringify alone would put first in numeric order', () => {
    const keysInText = [...stableStringify({ b: 0, 10: 0, 9: 0, a: 0 }).matchAll(/"(\w+)":/g)].map((match) => match[1]);
    expect(keysInText).toEqual(['10', '9', 'a', 'b']);
  });

  it('orders keys by code point: a character above U+FFFF sorts after U+FFFD', () => {
    const text = stableStringify({ '\u{1F600}': 1, '\uFFFD': 2 });
    expect(text.indexOf('\uFFFD')).toBeLessThan(text.indexOf('\u{1F600}'));
    expect(compareCodePoints('\u{1F600}', '\uFFFD')).toBeGreaterThan(0);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
    expect(compareCodePoints('B', 'a')).toBeLessThan(0);
  });

  it('follows JSON.stringify for undefined, empty containers, non-finite numbers and toJSON', () => {
    expect(stableStringify({ gone: undefined, list: [undefined, Number.NaN], empty: {}, none: [] })).toBe('{\n  "empty": {},\n  "list": [\n    null,\n    null\n  ],\n  "none": []\n}\n');
    expect(stableStringify({ at: new Date('2026-01-02T03:04:05.000Z') })).toBe('{\n  "at": "2026-01-02T03:04:05.000Z"\n}\n');
    expect(stableStringify('a "quoted" \n line')).toBe('"a \\"quoted\\" \\n line"\n');
  });

  it('rejects a cycle instead of recursing forever', () => {
    const value: Record<string, unknown> = {};
    value.self = value;
    expect(() => stableStringify(value)).toThrow(/cycle/);
  });

  it('parses back to an equal value', () => {
    const value = { nested: { list: [{ b: 'é', a: 1.5e-7 }], flag: false }, 'key/with~odd': 'v' };
    expect(JSON.parse(stableStringify(value))).toEqual(value);
  });
});
