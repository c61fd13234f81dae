import { jsonStringEnd } from './json-string-end.js';

/**
 * `JSON.parse` for text that came from outside (the network, a snapshot, a file the user names),
 * returning data in which no object can carry an attacker's prototype.
 *
 * `JSON.parse` keeps a `"__proto__"` member as an own property, which is harmless until any later
 * copy (`target[key] = value`, `Object.assign`) turns it into the copy's prototype. No PingOne
 * resource, snapshot file or configuration has such a member, so it is removed here, once, instead
 * of trusting every copy downstream; `onDroppedKey` hears of each one so that the caller can say so.
 *
 * Throws the `SyntaxError` of `JSON.parse` on text that is not JSON, and a `SyntaxError` of its own
 * on arrays and objects nested deeper than {@link MAX_JSON_DEPTH}: `JSON.parse` reads them, but
 * every recursive step after it (schema checks, writing, diffing) would overflow the stack.
 */
export function parseJson(text: string, onDroppedKey?: (key: string) => void): unknown {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) throw new SyntaxError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  // JSON.parse decodes escapes in keys, so a key spelled with \u escapes can still be __proto__.
  if (!text.includes('__proto__') && !text.includes('\\u')) return JSON.parse(text) as unknown;
  return JSON.parse(text, function revive(this: unknown, key: string, value: unknown) {
    if (key !== '__proto__' || Array.isArray(this)) return value;
    onDroppedKey?.(key);
    return undefined;
  }) as unknown;
}

/** No PingOne resource, snapshot file or configuration nests anywhere near this deep. */
export const MAX_JSON_DEPTH = 128;

/** True when arrays and objects in `text` nest more than `limit` deep; strings are skipped. */
function nestsDeeperThan(text: string, limit: number): boolean {
  // Nearly every text opens fewer brackets than the limit in all, which the native search counts quickly.
  if (budgetLeft(text, '{', budgetLeft(text, '[', limit)) >= 0) return false;
  const token = /["[\]{}]/g;
  let depth = 0;
  for (let match = token.exec(text); match !== null; match = token.exec(text)) {
    const at = match.index;
    const code = text.charCodeAt(at);
    if (code === 0x22) token.lastIndex = jsonStringEnd(text, at);
    else if (code === 0x7b || code === 0x5b) {
      depth += 1;
      if (depth > limit) return true;
    } else depth -= 1;
  }
  return false;
}

/** What is left of `budget` after one per occurrence of `character` in `text`; negative once it is spent. */
function budgetLeft(text: string, character: string, budget: number): number {
  let left = budget;
  for (let at = text.indexOf(character); at !== -1 && left >= 0; at = text.indexOf(character, at + 1)) left -= 1;
  return left;
}
