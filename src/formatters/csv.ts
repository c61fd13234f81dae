import type { AuditResult, Finding } from '../engine/types.js';
import { environmentLabeller } from './environment-label.js';
import type { FormatContext } from './format-context.js';
import { ruleLookup } from './report-scopes.js';
import { snapshotFilePath } from './snapshot-file-path.js';
import { csvCell } from '../output/csv-cell.js';

export const CSV_COLUMNS = [
  'status',
  'severity',
  'rule_id',
  'rule_title',
  'environment_id',
  'environment_name',
  'resource_type',
  'resource_id',
  'resource_name',
  'pointer',
  'message',
  'file',
  'line',
  'baseline_state',
  'suppression_reason',
  'suppression_owner',
  'suppression_expires',
  'fingerprint',
  'disposition',
  'disposition_owner',
  'disposition_due',
  'disposition_overdue',
  'first_seen',
  'age_days',
] as const;

/**
 * One row per finding for spreadsheets, RFC 4180: a header, CRLF line ends, every field quoted
 * (quotes doubled). Open findings, then suppressed ones when `includeSuppressed`; each with its
 * disposition (kind, owner, due date, overdue) and, with `--history`, when it was first seen. Every cell goes
 * through {@link csvCell}: names and messages come from the tenant, so a formula start is defused
 * wherever a separator could put one, controls are shown as escapes and long values are cut.
 */
export function formatCsv(result: AuditResult, context: FormatContext): string {
  return [...formatCsvChunks(result, context)].join('');
}

/** {@link formatCsv} one row at a time, for writing to a file as it is produced. */
export function* formatCsvChunks(result: AuditResult, context: FormatContext): Generator<string> {
  const environmentName = environmentLabeller(result);
  const rule = ruleLookup(result);
  const toRow = (finding: Finding, status: 'open' | 'suppressed'): string[] => [
    status,
    finding.severity,
    finding.ruleId,
    rule(finding.ruleId).title,
    finding.environmentId ?? '',
    environmentName(finding.environmentId),
    finding.resource.type,
    finding.resource.id,
    finding.resource.name,
    finding.pointer,
    finding.message,
    snapshotFilePath(finding.location.file, context.snapshotDir),
    finding.location.line === undefined ? '' : String(finding.location.line),
    finding.baselineState ?? '',
    finding.suppression?.reason ?? '',
    finding.suppression?.owner ?? '',
    finding.suppression?.expires ?? '',
    finding.fingerprint,
    // A suppressions-file entry is an accepted risk: the column names the kind for both files.
    finding.disposition?.kind ?? (finding.suppression === undefined ? '' : 'accepted-risk'),
    finding.disposition?.owner ?? finding.suppression?.owner ?? '',
    finding.disposition?.due ?? '',
    finding.disposition?.overdue === undefined ? '' : String(finding.disposition.overdue),
    finding.firstSeen ?? '',
    finding.age === undefined ? '' : String(finding.age),
  ];
  const line = (cells: readonly string[]) => `${cells.map((cell) => csvCell(cell)).join(',')}\r\n`;
  yield line(CSV_COLUMNS);
  for (const finding of result.findings) yield line(toRow(finding, 'open'));
  if (context.includeSuppressed) for (const finding of result.suppressed) yield line(toRow(finding, 'suppressed'));
}
