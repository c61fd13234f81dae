/**
 * Characters that must never reach a reader raw, because a terminal, an editor or a browser acts
 * on them instead of showing them: C0 controls (ESC starts ANSI/OSC sequences, CR rewrites a line,
 * BEL, TAB, LF), DEL, C1 controls (U+0080–U+009F; U+009B is a one-byte CSI), the Unicode bidi
 * marks, embeddings, overrides and isolates that reorder what is shown (U+061C, U+200E/F,
 * U+202A–U+202E, U+2066–U+2069; the "Trojan Source" class, CVE-2021-42574), the line and paragraph
 * separators U+2028/U+2029, the noncharacters U+FFFE/U+FFFF and lone surrogates (XML 1.0
 * forbids them; UTF-8 cannot encode a lone surrogate).
 */
const HIDDEN = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Tenant text with every {@link HIDDEN} character replaced by a visible escape: `\n`, `\r`, `\t`,
 * `\xHH` up to U+00FF, `\uHHHH` above. The result holds no control character, no bidi control and
 * no line break, so it cannot move the cursor, set a window title, write the clipboard, reorder a
 * line or start a new one. Backslashes are left as they are: the escapes are for reading, and the
 * JSON report keeps the exact value.
 */
export function visibleText(value: string): string {
  return value.replace(HIDDEN, (character) => NAMED[character] ?? escapeCode(character.charCodeAt(0)));
}

function escapeCode(code: number): string {
  const hex = code.toString(16).toUpperCase();
  return code <= 0xff ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
}
