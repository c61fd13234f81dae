import type { AuditWarning } from '../engine/types.js';
import { indentWrap } from '../output/terminal-layout.js';
import { terminalText } from '../output/terminal-text.js';
import type { Paint } from './ansi.js';

/** Warnings of one code listed before the rest are counted: a 100,000-entry dispositions file must not bury the verdict. */
const WARNINGS_SHOWN_PER_CODE = 10;

/** One warning as a report that is not JSON lists it, or the count of those of its code left out. */
export interface ListedWarning {
  code: string;
  /** Raw text (the file and pointer first, when the warning has them): each output applies its own sanitiser. */
  text: string;
}

/**
 * The warnings every report but JSON, SARIF, Markdown and HTML lists (stderr, the terminal reports, JUnit): at most
 * {@link WARNINGS_SHOWN_PER_CODE} of each code in the result's order, then one item per code saying how many more the
 * JSON report holds.
 */
export function listWarnings(warnings: readonly AuditWarning[]): ListedWarning[] {
  const seen = new Map<string, number>();
  const listed: ListedWarning[] = [];
  for (const warning of warnings) {
    const count = (seen.get(warning.code) ?? 0) + 1;
    seen.set(warning.code, count);
    if (count <= WARNINGS_SHOWN_PER_CODE) listed.push({ code: warning.code, text: describeWarning(warning) });
  }
  for (const [code, count] of seen) {
    if (count > WARNINGS_SHOWN_PER_CODE) {
      listed.push({ code, text: `${count - WARNINGS_SHOWN_PER_CODE} more ${code} warnings like the ones above, not shown; the JSON report (-f json) lists all ${count}.` });
    }
  }
  return listed;
}

function describeWarning(warning: AuditWarning): string {
  const where = warning.file === undefined ? '' : `${warning.file}${warning.pointer === undefined ? '' : ` ${warning.pointer}`}: `;
  return `${where}${warning.message}`;
}

/**
 * The warnings section of a terminal report (`stylish`, `grid`): a heading, then each listed warning as a bulleted
 * item wrapped to `width`, every text through {@link terminalText}; empty when there is none.
 */
export function terminalWarningLines(warnings: readonly AuditWarning[], width: number, paint: Paint): string[] {
  if (warnings.length === 0) return [];
  return [paint(`Warnings (${warnings.length})`, 'bold', 'yellow'), ...listWarnings(warnings).flatMap(({ text }) => indentWrap(terminalText(text), width, '  - ', '    '))];
}
