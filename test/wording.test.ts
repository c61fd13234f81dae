import { describe, expect, it } from 'vitest';
import { listInWords, plural } from '../src/wording.js';

describe('wording', () => {
  it('counts with an s unless the count is one', () => {
    expect(plural(1, 'role')).toBe('1 role');
    expect(plural(0, 'role')).toBe('0 roles');
    expect(plural(2, 'rule error')).toBe('2 rule errors');
  });

  it('lists items with "and", or with "or" when asked', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['a'])).toBe('a');
    expect(listInWords(['a', 'b'])).toBe('a and b');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listInWords(['json', 'sarif', 'html'], 'or')).toBe('json, sarif or html');
  });
});
