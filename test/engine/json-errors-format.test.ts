import { describe, expect, it } from 'vitest';
import { assertMatchesSchema } from '../../src/engine/json-errors.js';
import { createSchemaAjv } from '../../src/json/schema-validators.js';

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return error as Error & { hint?: string };
  }
  throw new Error('expected the value to be refused');
};

describe('a value that breaks a string format', () => {
  it('is explained with the RFC 3339 form for date and date-time', () => {
    const validate = createSchemaAjv().compile({ type: 'object', properties: { expires: { type: 'string', format: 'date' } } });
    const error = refusal(() => assertMatchesSchema(validate, { expires: '2027-02-29' }, 'a.json'));
    expect(error.message).toBe('a.json: $.expires: "2027-02-29" is not a date (YYYY-MM-DD)');
    expect(error.hint).toBe('Write a real date in that form, such as 2027-03-31.');
  });

  // `in` also finds Object.prototype's keys: a format named so was described with a function's source as its "form".
  it.each(['constructor', 'toString'])('is left to ajv’s own words for a format named %j, which has no known form', (format) => {
    const ajv = createSchemaAjv();
    ajv.addFormat(format, /^ok$/);
    const validate = ajv.compile({ type: 'object', properties: { value: { type: 'string', format } } });
    const error = refusal(() => assertMatchesSchema(validate, { value: 'not ok' }, 'a.json'));
    expect(error.message).toBe(`a.json: $.value: must match format "${format}"`);
    expect(error.hint).toBeUndefined();
  });
});
