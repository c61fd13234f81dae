import { describe, expect, it } from 'vitest';
import { firstSentence } from '../../src/formatters/first-sentence.js';

describe('first sentence', () => {
  it.each([
    ['One. Two.', 'One.'],
    ['Uses e.g. a wildcard. Fix it.', 'Uses e.g. a wildcard.'],
    ['Host api.example.com is 1.5 times slower', 'Host api.example.com is 1.5 times slower'],
    ['Why? Because.', 'Why?'],
  ])('%s → %s', (message, expected) => {
    expect(firstSentence(message)).toBe(expected);
  });
});
