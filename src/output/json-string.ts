import { hiddenCharacters, withoutHiddenCharacters } from './hidden-characters.js';

/** A string `JSON.stringify` prints as it is: no quote, backslash, C0 control or surrogate (a lone one is escaped). */
const PLAIN_JSON_STRING = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;
/** A string {@link jsonString} prints as it is: plain for `JSON.stringify`, and no hidden character either. */
const PLAIN_OUTPUT_STRING = withoutHiddenCharacters('"\\\\\\u0000-\\u001f');
/** In JSON text, a hidden character can only be raw inside a string: C0 controls and lone surrogates are escaped. */
const RAW_HIDDEN = hiddenCharacters();

/**
 * How every JSON file and stream pingone-audit writes (reports, SARIF, OSCAL, snapshots, whoami, diff, catalogue)
 * prints a string: the text of `JSON.stringify(value)`, with each hidden character (bidi controls, zero-width and
 * other invisible characters, DEL, C1 controls, U+2028/U+2029; see `hidden-characters.ts`) written as `\uXXXX`
 * escapes too (a pair above U+FFFF as two). `JSON.parse` gives back the same value: nothing is lost, and a reader who
 * `cat`s or diffs the file sees every character. Most strings (ids, names, pointers, hex digests) need no escape, and
 * one regular-expression test tells so: tens of thousands of findings print many strings each.
 */
export function jsonString(value: string): string {
  return PLAIN_OUTPUT_STRING.test(value) ? `"${value}"` : escapeHidden(JSON.stringify(value));
}

/**
 * `JSON.stringify(value, null, space)` with every string printed as {@link jsonString} prints it; undefined where
 * `JSON.stringify` gives undefined (a function, a symbol, undefined itself).
 */
export function jsonText(value: unknown, space?: number): string | undefined {
  const text = JSON.stringify(value, null, space) as string | undefined;
  return text === undefined ? undefined : escapeHidden(text);
}

/**
 * Exactly `JSON.stringify(value)` for a string, for text that is hashed rather than shown (a finding's fingerprint,
 * which baselines, suppressions and GitHub alerts match on): its bytes must never change with the output's escaping.
 */
export function canonicalJsonString(value: string): string {
  return PLAIN_JSON_STRING.test(value) ? `"${value}"` : JSON.stringify(value);
}

function escapeHidden(json: string): string {
  return json.replace(RAW_HIDDEN, unitEscapes);
}

function unitEscapes(characters: string): string {
  let escaped = '';
  for (let index = 0; index < characters.length; index += 1) escaped += `\\u${characters.charCodeAt(index).toString(16).padStart(4, '0')}`;
  return escaped;
}
