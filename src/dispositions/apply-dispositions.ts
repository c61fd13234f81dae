import type { AuditResult, AuditWarning, Finding, FindingDisposition } from '../engine/types.js';
import { isExpired } from '../suppressions/apply-suppressions.js';
import { withFindings } from '../suppressions/recount.js';
import type { Disposition, DispositionEntry } from './load-dispositions.js';

/**
 * Gives each open finding the first disposition that matches it (by fingerprint, or by rule,
 * environment and resource). accepted-risk, false-positive and compensating-control move the finding
 * to `result.suppressed` until the day after `expires` (UTC, the audit's clock `now`); an expired one
 * hides nothing and `result.warnings` says so (fails closed, as suppressions do). planned-fix keeps the
 * finding open, with its owner, due date and whether it is overdue (past `due`, UTC). Pure.
 */
export function applyDispositions(result: AuditResult, entries: readonly DispositionEntry[], now: Date): AuditResult {
  const warnings: AuditWarning[] = [];
  const open: Finding[] = [];
  const suppressed: Finding[] = [...result.suppressed];
  for (const finding of result.findings) {
    const entry = entries.find((candidate) => matchesFinding(candidate.disposition, finding));
    if (entry === undefined) {
      open.push(finding);
      continue;
    }
    const { disposition: d } = entry;
    const disposition = toFindingDisposition(d, now);
    if (d.disposition === 'planned-fix') {
      open.push({ ...finding, disposition });
    } else if (d.expires !== undefined && isExpired({ expires: d.expires }, now)) {
      open.push({ ...finding, disposition });
      warnings.push({
        code: 'disposition-expired',
        message: `${d.disposition} expired on ${d.expires} (owner: ${d.owner}); ${finding.ruleId} on "${finding.resource.name || finding.resource.id}" is reported again. Review it: renew the date or fix the finding.`,
        file: entry.file,
        pointer: entry.pointer,
      });
    } else {
      suppressed.push({ ...finding, disposition, suppression: { reason: d.reason, owner: d.owner, ...(d.expires === undefined ? {} : { expires: d.expires }) } });
    }
  }
  const updated = withFindings(result, open, suppressed);
  return warnings.length === 0 ? updated : { ...updated, warnings: [...(result.warnings ?? []), ...warnings] };
}

/** Open findings under a planned fix whose due date has passed: what `--fail-on-overdue` gates on. */
export function overdueFindings(result: AuditResult): Finding[] {
  return result.findings.filter((finding) => finding.disposition?.overdue === true);
}

function matchesFinding(disposition: Disposition, finding: Finding): boolean {
  if (disposition.fingerprint !== undefined) return disposition.fingerprint === finding.fingerprint;
  return disposition.ruleId === finding.ruleId && disposition.environmentId === finding.environmentId && disposition.resourceId === finding.resource.id;
}

function toFindingDisposition(d: Disposition, now: Date): FindingDisposition {
  return {
    kind: d.disposition,
    owner: d.owner,
    reason: d.reason,
    ...(d.expires === undefined ? {} : { expires: d.expires }),
    ...(d.due === undefined ? {} : { due: d.due, overdue: isExpired({ expires: d.due }, now) }),
    ...(d.control === undefined ? {} : { control: d.control }),
  };
}
