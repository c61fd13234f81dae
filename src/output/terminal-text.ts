import { cutText } from './cut-text.js';
import { visibleText } from './visible-text.js';

/** Code points a terminal cell shows of one tenant value; beyond it the JSON report has the rest. */
export const TERMINAL_CELL_LIMIT = 300;

/**
 * One tenant value (a name, an id, a message, a redirect URI) for a terminal or a CI log: cut to
 * `limit` code points, then every control, bidi and line-break character shown as an escape (see
 * {@link visibleText}). The result is one line that cannot drive the terminal, so a table can lay
 * it out and a colour can be painted around it.
 */
export function terminalText(value: string, limit: number = TERMINAL_CELL_LIMIT): string {
  return visibleText(cutText(value, limit));
}
