/** A string JSON prints as it is: no quote, backslash, control character or surrogate (a lone one is escaped). */
const PLAIN_JSON_STRING = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/**
 * `JSON.stringify(value)` for a string, the same text: most strings (ids, names, pointers, hex digests) need no
 * escape, and testing for one costs about a third of the call, which tens of thousands of findings make many times each.
 */
export function jsonString(value: string): string {
  return PLAIN_JSON_STRING.test(value) ? `"${value}"` : JSON.stringify(value);
}
