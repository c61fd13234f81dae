/**
 * `JSON.parse` for text that came from outside (the network, a snapshot, a file the user names),
 * returning data in which no object can carry an attacker's prototype.
 *
 * `JSON.parse` keeps a `"__proto__"` member as an own property, which is harmless until any later
 * copy (`target[key] = value`, `Object.assign`) turns it into the copy's prototype. No PingOne
 * resource, snapshot file or configuration has such a member, so it is removed here, once, instead
 * of trusting every copy downstream; `onDroppedKey` hears of each one so that the caller can say so.
 *
 * Throws the `SyntaxError` of `JSON.parse` on text that is not JSON.
 */
export function parseJson(text: string, onDroppedKey?: (key: string) => void): unknown {
  // JSON.parse decodes escapes in keys, so a key spelled with \u escapes can still be __proto__.
  if (!text.includes('__proto__') && !text.includes('\\u')) return JSON.parse(text) as unknown;
  return JSON.parse(text, function revive(this: unknown, key: string, value: unknown) {
    if (key !== '__proto__' || Array.isArray(this)) return value;
    onDroppedKey?.(key);
    return undefined;
  }) as unknown;
}
