/**
 * Characters that no output of pingone-audit carries raw, beyond the C0 controls and lone surrogates (which every
 * output escapes already): a terminal, an editor, a browser or a diff either acts on them or shows nothing for them,
 * so a reader sees text that lies (a reversed line, two names that look the same, a hidden line break):
 * - DEL and the C1 controls U+0080–U+009F (Unicode general category Cc; U+009B is a one-byte CSI);
 * - the line and paragraph separators U+2028 and U+2029 (categories Zl and Zp);
 * - every Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties.txt, 15.1): the characters a renderer draws as
 *   nothing. It holds every Bidi_Control character, the embeddings, overrides, isolates and marks that reorder a line
 *   (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069; "Trojan Source", CVE-2021-42574), the zero-width space and
 *   joiners (U+200B–U+200D), the word joiner and invisible operators (U+2060–U+2064), U+FEFF, the Mongolian vowel
 *   separator U+180E, the soft hyphen U+00AD, variation selectors, Hangul fillers and the tag characters
 *   U+E0000–U+E0FFF (text hidden in plain sight, "ASCII smuggling");
 * - the noncharacters U+FFFE and U+FFFF.
 *
 * Written out rather than as `\p{…}` so that a report's bytes do not change with the Unicode version of the Node
 * that wrote it; a test checks it against the properties of the Node that runs the tests.
 */
const HIDDEN_BMP =
  '\\u007f-\\u009f\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\ufff0-\\ufff8\\ufffe\\uffff';
/** Those above U+FFFF, as the surrogate pairs that encode them: U+1BCA0–U+1BCA3, U+1D173–U+1D17A, U+E0000–U+E0FFF. */
const HIDDEN_ASTRAL = '\\ud82f[\\udca0-\\udca3]|\\ud834[\\udd73-\\udd7a]|[\\udb40-\\udb43][\\udc00-\\udfff]';

/**
 * A new global expression that matches each hidden character (see above) once, a pair as one match; with `also`, the
 * characters of that class body as well (e.g. `\u0000-\u001f`). Without the `u` flag: it reads UTF-16 code units.
 */
export function hiddenCharacters(also = ''): RegExp {
  return new RegExp(`[${also}${HIDDEN_BMP}]|${HIDDEN_ASTRAL}`, 'g');
}

/**
 * A new expression that matches a whole string holding none of the hidden characters, none of `also` (a class body)
 * and no surrogate at all (a pair may encode a hidden character above U+FFFF): one test of it tells that a string
 * needs no escape.
 */
export function withoutHiddenCharacters(also: string): RegExp {
  return new RegExp(`^[^${also}${HIDDEN_BMP}\\ud800-\\udfff]*$`);
}
