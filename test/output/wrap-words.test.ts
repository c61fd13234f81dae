import { describe, expect, it } from 'vitest';
import wrapAnsi from 'wrap-ansi';
import { textWidth, wrapWords } from '../../src/output/terminal-layout.js';

/** A small deterministic generator (mulberry32), so that a failure names a reproducible case. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('wrapWords on one-column text (measured by length, not by graphemes)', () => {
  it("gives wrap-ansi's lines for words, runs of spaces and words wider than the line", () => {
    const pieces = ['a', 'bb', 'ccc', 'dddddddddddd', ' ', '  ', 'x.y', 'https://example.com/a/very/long/path?x=1', '“é”', '…', '→', '©', 'a\u00adb', '日本'];
    const next = random(19);
    for (let i = 0; i < 5_000; i += 1) {
      let text = '';
      for (let j = Math.floor(next() * 12); j > 0; j -= 1) text += pieces[Math.floor(next() * pieces.length)]! + (next() < 0.5 ? ' ' : '');
      const width = 1 + Math.floor(next() * 30);
      const expected = text === '' ? [''] : wrapAnsi(text, width, { hard: false, trim: true }).split('\n');
      expect(wrapWords(text, width), `${JSON.stringify(text)} at ${width}`).toEqual(expected);
    }
  });

  it('still measures wide and combining characters by their columns', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('日本')).toBe(4);
    expect(textWidth('e\u0301')).toBe(1);
    expect(wrapWords('日本 日本 日本', 9)).toEqual(['日本 日本', '日本']);
  });
});
