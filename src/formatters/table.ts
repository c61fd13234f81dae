import { createRequire } from 'node:module';
import type { ColumnUserConfig, SpanningCellConfig } from 'table';
import { dispositionLabel } from './disposition-label.js';
import type { AuditResult, Finding } from '../engine/types.js';
import { painter, SEVERITY_STYLE, type Paint } from './ansi.js';
import { environmentLabeller } from './environment-label.js';
import type { FormatContext } from './format-context.js';
import { describeNotEvaluated } from './not-evaluated-text.js';
import { snapshotFileLine } from './snapshot-file-path.js';
import { summaryParts } from './summary-line.js';
import { joinWithin } from '../output/terminal-layout.js';
import { terminalText } from '../output/terminal-text.js';
import { terminalWarningLines } from './warning-list.js';

const DEFAULT_COLUMNS = 100;
const MIN_COLUMNS = 80;
const MAX_COLUMNS = 160;
/**
 * Findings come sorted most severe first; a terminal shows the first ones. Beyond a few hundred a
 * table is unreadable, and the table package's layout time grows faster than its rows.
 */
export const MAX_FINDINGS_LISTED = 200;

const require = createRequire(import.meta.url);

/**
 * Code points of a name in a narrow column (resource, environment): the table package wraps a long
 * unbroken word slowly (200 rows of 300-character names take seconds), and a name cut here is
 * still whole in the JSON report. Messages keep the longer default of {@link terminalText}.
 */
const NAME_LIMIT = 120;

/** A column's widest useful width and the narrowest it may be squeezed to. */
interface ColumnPlan {
  cap: number;
  min: number;
}

/**
 * The bordered grid (`-f grid`, formerly `-f table`): findings most severe first (the engine's
 * order), each with its rule id, environment and snapshot file on a line of its own; then suppressed findings when asked, rules not
 * evaluated with the reason, rule errors, the result's warnings (at most ten of each code), and a summary line. Columns are fitted to
 * `context.columns`; long cells wrap instead of widening the table. Every value from the tenant
 * goes through {@link terminalText} before layout: no control character reaches the terminal (nor
 * the table package, which throws on a TAB or a CR), and a cell is cut long before its wrapping
 * gets slow.
 */
export function formatTable(result: AuditResult, context: FormatContext): string {
  const paint = painter(context.color);
  const width = Math.min(MAX_COLUMNS, Math.max(MIN_COLUMNS, Math.trunc(context.columns ?? DEFAULT_COLUMNS)));
  const sections: string[] = [];
  const environmentName = environmentLabeller(result);

  const listed = (findings: Finding[]): string => {
    const table = findingsTable(findings.slice(0, MAX_FINDINGS_LISTED), width, paint, context.snapshotDir, environmentName);
    if (findings.length <= MAX_FINDINGS_LISTED) return table;
    const more = `… and ${findings.length - MAX_FINDINGS_LISTED} more, less severe: write -f json or csv for the full list.`;
    return `${table}${paint(more, 'bold')}\n`;
  };
  if (result.findings.length > 0) sections.push(listed(result.findings));
  if (context.includeSuppressed && result.suppressed.length > 0) {
    sections.push(`${paint(`Suppressed (${result.suppressed.length})`, 'bold')}\n${listed(result.suppressed)}`);
  }
  if (result.notEvaluated.length > 0) {
    const rows = result.notEvaluated.map((item) => [
      terminalText(item.ruleId, NAME_LIMIT),
      terminalText(environmentName(item.environmentId), NAME_LIMIT),
      describeNotEvaluated(item, '\n')
        .split('\n')
        .map((line) => terminalText(line))
        .join('\n'),
    ]);
    const body = fitTable(headerRow(['Rule', 'Environment', 'Why'], paint), rows, width, [wholeIds(result.notEvaluated), { cap: 36, min: 10 }, { cap: 200, min: 24 }]);
    sections.push(`${paint('Not evaluated: data these rules need could not be collected', 'bold', 'yellow')}\n${body}`);
  }
  if (result.ruleErrors.length > 0) {
    const rows = result.ruleErrors.map((error) => [terminalText(error.ruleId, NAME_LIMIT), terminalText(error.message)]);
    const body = fitTable(headerRow(['Rule', 'Error'], paint), rows, width, [wholeIds(result.ruleErrors), { cap: 200, min: 24 }]);
    sections.push(`${paint('Rule errors: these rules failed and reported nothing', 'bold', 'red')}\n${body}`);
  }
  const warnings = terminalWarningLines(result.warnings ?? [], width, paint);
  if (warnings.length > 0) sections.push(`${warnings.join('\n')}\n`);
  sections.push(summaryLines(result, width, paint));
  return sections.join('\n');
}

/** The summary parts joined by " · ", broken between parts to stay within the terminal. */
function summaryLines(result: AuditResult, width: number, paint: Paint): string {
  const tones = { bad: ['red', 'bold'], warn: ['yellow'], good: ['green', 'bold'], plain: [] } as const;
  const parts = summaryParts(result).map(({ text, tone }) => ({ text, paint: (shown: string) => paint(shown, ...tones[tone]) }));
  return `${joinWithin(parts, width).join('\n')}\n`;
}

/**
 * One row per finding, and under it a full-width row with the rule id, the environment and the
 * file and line to open: identifiers there are not split, as a narrow column would split them.
 */
function findingsTable(findings: Finding[], width: number, paint: Paint, snapshotDir: string | undefined, environmentName: (id: string | null) => string): string {
  const rows = findings.flatMap((finding) => {
    const location = terminalText(snapshotFileLine(finding.location, snapshotDir));
    return [
      [
        paint(terminalText(finding.severity.toUpperCase()), ...SEVERITY_STYLE[finding.severity]),
        `${terminalText(finding.resource.type, NAME_LIMIT)}\n${terminalText(finding.resource.name || finding.resource.id, NAME_LIMIT)}`,
        [
          terminalText(finding.message),
          finding.disposition === undefined ? '' : `\n${terminalText(dispositionLabel(finding.disposition))}`,
          finding.suppression === undefined ? '' : `\nSuppressed: ${terminalText(finding.suppression.reason)}`,
        ].join(''),
      ],
      [`${paint(terminalText(finding.ruleId, NAME_LIMIT), 'bold')}  ${terminalText(environmentName(finding.environmentId), NAME_LIMIT)}  ${paint(location, 'dim')}`, '', ''],
    ];
  });
  const spanning: SpanningCellConfig[] = findings.map((_, index) => ({ row: 2 + index * 2, col: 0, colSpan: 3, wrapWord: true }));
  return fitTable(
    headerRow(['Severity', 'Resource', 'Message'], paint),
    rows,
    width,
    [
      // The minimums add up to what an 80-column terminal leaves for content.
      { cap: 8, min: 8 },
      { cap: 24, min: 14 },
      { cap: 200, min: 30 },
    ],
    spanning,
  );
}

/** A rule id column that never splits an id: as wide as the longest (the table runs wider when it must). */
function wholeIds(items: ReadonlyArray<{ ruleId: string }>): ColumnPlan {
  const widest = Math.max(4, ...items.map((item) => item.ruleId.length));
  return { cap: widest, min: widest };
}

function headerRow(titles: string[], paint: Paint): string[] {
  return titles.map((title) => paint(title, 'bold'));
}

/**
 * Draws a bordered table no wider than `width`: each column starts at its content width (capped),
 * and the column with the most room to spare gives way, down to its minimum, until the row fits.
 * With spanning rows (a finding's location), a rule is drawn only above each finding.
 */
function fitTable(headers: string[], rows: string[][], width: number, plan: ColumnPlan[], spanning: SpanningCellConfig[] = []): string {
  const spanned = new Set(spanning.map((cell) => cell.row));
  const natural = plan.map((column, index) => {
    const cells = [headers, ...rows].filter((_, row) => !spanned.has(row)).map((row) => longestLine(row[index] ?? ''));
    return Math.max(column.min, Math.min(column.cap, ...[Math.max(0, ...cells)]));
  });
  // Each column has one space of padding either side; there is a border before, between and after.
  const budget = width - plan.length * 3 - 1;
  const widths = [...natural];
  while (widths.reduce((sum, w) => sum + w, 0) > budget) {
    const slack = widths.map((w, index) => w - plan[index]!.min);
    const roomiest = slack.indexOf(Math.max(...slack));
    if (slack[roomiest]! <= 0) break;
    widths[roomiest] = widths[roomiest]! - 1;
  }
  const columns: ColumnUserConfig[] = widths.map((w) => ({ width: w, wrapWord: true }));
  // Loaded here, not with the module: the stylish default and every file format never need its 35 modules.
  const { table, getBorderCharacters } = require('table') as typeof import('table');
  return table([headers, ...rows], {
    border: getBorderCharacters('norc'),
    columns,
    spanningCells: spanning,
    drawHorizontalLine: (lineIndex, rowCount) => lineIndex <= 1 || lineIndex === rowCount || !spanned.has(lineIndex),
  });
}

function longestLine(text: string): number {
  return Math.max(0, ...text.split('\n').map(visibleWidth));
}

function visibleWidth(text: string): number {
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}
