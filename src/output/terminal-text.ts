import { cutText } from './cut-text.js';
import { visibleText } from './visible-text.js';

/**
 * Characters a terminal cell shows of one tenant value (the longest rule messages run to about 620);
 * beyond it the JSON report has the rest.
 */
const TERMINAL_CELL_LIMIT = 700;

/**
 * One tenant value (a name, an id, a message, a redirect URI) for a terminal or a CI log: every
 * control, bidi and line-break character shown as an escape (see {@link visibleText}), cut so
 * that at most `limit` characters are shown (see {@link cutText}). The result is one line that cannot drive the terminal, so a table can lay
 * it out and a colour can be painted around it.
 */
export function terminalText(value: string, limit: number = TERMINAL_CELL_LIMIT): string {
  return cutText(value, limit, visibleText);
}
