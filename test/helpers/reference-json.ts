import { HIDDEN_CHARACTER } from './hostile-strings.js';

const EVERY_HIDDEN = new RegExp(HIDDEN_CHARACTER.source, 'gu');

/**
 * JSON text as the outputs must print it, made independently of the code: `text` (which `JSON.stringify` printed)
 * with each {@link HIDDEN_CHARACTER}, by Unicode's properties, as `\uXXXX` (a pair as its two halves). In JSON text,
 * C0 controls and lone surrogates are escaped already, so only the characters JSON leaves raw are left to find.
 */
export function referenceJson(text: string): string {
  return text.replace(EVERY_HIDDEN, (character) => Array.from({ length: character.length }, (_, index) => `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`).join(''));
}
