import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJson } from '../../src/json/parse-json.js';

/** What a later copy such as the snapshot writer's does with every member. */
function copyByAssignment(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyByAssignment);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) copy[key] = copyByAssignment(child);
  return copy;
}

describe('parseJson', () => {
  it('parses like JSON.parse', () => {
    expect(parseJson('{"a":[1,{"b":null}],"c":"\\u00e9"}')).toEqual({ a: [1, { b: null }], c: 'é' });
  });

  it('drops __proto__ members at every depth, so that no later copy gets an attacker prototype', () => {
    const dropped: string[] = [];
    const value = parseJson('{"id":"a","nested":[{"__proto__":{"polluted":true},"name":"x"}],"__proto__":{"isAdmin":true}}', (key) => dropped.push(key));
    const copy = copyByAssignment(value) as { isAdmin?: unknown; nested: Array<{ polluted?: unknown; name: string }> };
    expect(copy.isAdmin).toBeUndefined();
    expect(copy.nested[0]?.polluted).toBeUndefined();
    expect(copy.nested[0]?.name).toBe('x');
    expect(dropped).toEqual(['__proto__', '__proto__']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('drops a __proto__ key spelled with escapes', () => {
    const value = parseJson('{"\\u005f\\u005fproto__":{"isAdmin":true}}');
    expect((copyByAssignment(value) as { isAdmin?: unknown }).isAdmin).toBeUndefined();
  });

  it('keeps __proto__ as a string value, and throws on text that is not JSON', () => {
    expect(parseJson('{"name":"__proto__"}')).toEqual({ name: '__proto__' });
    expect(() => parseJson('{"a":')).toThrow(SyntaxError);
  });

  it('refuses arrays and objects nested deeper than MAX_JSON_DEPTH, counting brackets in strings as text', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(() => parseJson(nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => parseJson(nested(MAX_JSON_DEPTH + 1))).toThrow(new SyntaxError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`));
    expect(() => parseJson(`{"a":${'{"b":'.repeat(100_000)}1${'}'.repeat(100_000)}}`)).toThrow(/nested deeper/);
    expect(parseJson(JSON.stringify({ name: '['.repeat(1000), quoted: 'a\\"[[[' }))).toEqual({ name: '['.repeat(1000), quoted: 'a\\"[[[' });
  });

  it('counts depth, not brackets: many shallow ones pass, and quotes after escaped backslashes end their string', () => {
    const siblings = `[${Array.from({ length: MAX_JSON_DEPTH * 3 }, () => '{"a":[]}').join(',')}]`;
    expect(parseJson(siblings)).toHaveLength(MAX_JSON_DEPTH * 3);
    const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    // The text "x\\" is the string x\ : its second quote closes it, so the brackets after it are structure.
    expect(() => parseJson(`{"k":"x\\\\","d":${deep(MAX_JSON_DEPTH)}}`)).toThrow(/nested deeper/);
    expect(() => parseJson(`{"k":"x\\\\","d":${deep(MAX_JSON_DEPTH - 1)}}`)).not.toThrow();
    // "x\"[[[...": an escaped quote does not end the string, so its brackets are text.
    expect(parseJson(`["x\\"${'['.repeat(MAX_JSON_DEPTH * 2)}"]`)).toEqual([`x"${'['.repeat(MAX_JSON_DEPTH * 2)}`]);
  });
});
