import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../src/engine/json-errors.js';
import { UserFacingError } from '../../src/errors.js';

describe('parseJsonText (files the user writes)', () => {
  it('parses a well-formed file', () => {
    expect(parseJsonText('{"rules":{"app-disabled":"high"}}', 'audit.json')).toEqual({ rules: { 'app-disabled': 'high' } });
  });

  it('refuses a "__proto__" member at any depth, naming the file, instead of dropping it in silence', () => {
    for (const text of ['{"__proto__":{"a":1}}', '{"options":{"__proto__":{"a":1}}}', '{"options":{"\\u005f_proto__":1}}']) {
      let thrown: unknown;
      try {
        parseJsonText(text, 'audit.json');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(UserFacingError);
      expect((thrown as UserFacingError).errorCode).toBe('json-invalid');
      expect((thrown as UserFacingError).message).toContain('audit.json has a "__proto__" member');
    }
  });
});
