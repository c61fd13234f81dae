import { cutText } from './cut-text.js';
import { visibleText } from './visible-text.js';

/** Characters a CSV cell keeps of one value; beyond it the JSON report has the rest. */
const CSV_CELL_LIMIT = 2000;

/**
 * Where a spreadsheet may start a formula: at the start of the cell, or after a character that
 * some locale or import dialog uses as the separator (`,`, `;`, TAB, `|`), with spaces allowed
 * before it. `=`, `+`, `-` and `@` start a formula (OWASP, "CSV Injection"); TAB and CR were
 * escaped before this runs.
 */
const FORMULA_START = /(^|[,;|\t])(\s*)(?=[=+\-@])/g;

/**
 * One RFC 4180 field of a CSV file that people open in a spreadsheet: controls and bidi characters
 * shown as escapes (no raw ESC, CR, LF or TAB) and cut to `limit` characters, every formula start
 * defused with a `'` (which spreadsheets read as "text"), and always quoted, quotes doubled, so
 * that no separator inside it splits it whatever the locale's separator is.
 */
export function csvCell(value: string, limit: number = CSV_CELL_LIMIT): string {
  const defused = cutText(value, limit, visibleText).replace(FORMULA_START, "$1$2'");
  return `"${defused.replace(/"/g, '""')}"`;
}
