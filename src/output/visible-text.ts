import { hiddenCharacters } from './hidden-characters.js';

/**
 * Characters that must never reach a reader raw: the C0 controls (ESC starts ANSI/OSC sequences, CR rewrites a line,
 * BEL, TAB, LF), lone surrogates (XML 1.0 forbids them; UTF-8 cannot encode one), and every hidden character that
 * the JSON outputs escape too (DEL, C1 controls, U+2028/U+2029, bidi controls and the other invisible characters;
 * see `hidden-characters.ts`), so that every output shows the same characters.
 */
const HIDDEN = new RegExp(`${hiddenCharacters('\\u0000-\\u001f').source}|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]`, 'g');

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Tenant text with every {@link HIDDEN} character replaced by a visible escape: `\n`, `\r`, `\t`,
 * `\xHH` up to U+00FF, `\uHHHH` above, `\u{HHHHH}` above U+FFFF. The result holds no control character, no bidi
 * control, no invisible character and no line break, so it cannot move the cursor, set a window title, write the
 * clipboard, reorder a line, start a new one or hide a character. Backslashes are left as they are: the escapes are for reading, and the
 * JSON report keeps the exact value.
 */
export function visibleText(value: string): string {
  return value.replace(HIDDEN, (character) => NAMED[character] ?? escapeCode(character.codePointAt(0)!));
}

function escapeCode(code: number): string {
  const hex = code.toString(16).toUpperCase();
  if (code > 0xffff) return `\\u{${hex}}`;
  return code <= 0xff ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
}
