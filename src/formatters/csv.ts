import type { AuditResult, Finding } from '../engine/types.js';
import { environmentLabeller } from './environment-label.js';
import type { FormatContext } from './format-context.js';
import { ruleLookup } from './report-scopes.js';
import { snapshotFilePath } from './sarif-location.js';

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
] as const;

/**
 * One row per finding for spreadsheets, RFC 4180: a header, CRLF line ends, fields quoted when
 * they hold a comma, a quote or a line break (quotes doubled). Open findings, then suppressed
 * ones when `includeSuppressed`. A cell that a spreadsheet would run as a formula (starting with
 * `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`: names and messages come from the tenant.
 */
export function formatCsv(result: AuditResult, context: FormatContext): string {
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
  ];
  const rows = [
    [...CSV_COLUMNS],
    ...result.findings.map((finding) => toRow(finding, 'open')),
    ...(context.includeSuppressed ? result.suppressed.map((finding) => toRow(finding, 'suppressed')) : []),
  ];
  return rows.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One RFC 4180 field, defused against formula injection. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
