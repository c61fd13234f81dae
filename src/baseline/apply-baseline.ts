import { severityRank } from '../engine/severity.js';
import { ruleCheckedIn } from '../engine/checked-again.js';
import type { AuditResult, AuditWarning, Finding } from '../engine/types.js';
import type { BaselineReport } from './read-baseline.js';

/**
 * Compares the run with a baseline by fingerprint (never by name): each open and suppressed
 * finding becomes `new`, `unchanged`, or `updated` when it is now more severe than it was; the
 * baseline's open findings that this run reports in neither list are `fixed`. A finding the
 * baseline had suppressed counts as new when it is open now, so an expired suppression still
 * trips a `--fail-on-new` gate. A baseline finding whose rule did not run this time in its
 * environment (not evaluated, errored, environment not audited) is neither fixed nor new: a
 * warning counts them. Pure: returns a new result.
 */
export function applyBaseline(result: AuditResult, baseline: BaselineReport): AuditResult {
  const before = new Map(baseline.findings.map((finding) => [finding.fingerprint, finding]));
  const mark = (finding: Finding): Finding => ({ ...finding, baselineState: stateOf(finding, before.get(finding.fingerprint)) });
  const findings = result.findings.map(mark);
  const suppressed = result.suppressed.map(mark);

  const reported = new Set([...findings, ...suppressed].map((finding) => finding.fingerprint));
  const gone = baseline.findings.filter((finding) => !reported.has(finding.fingerprint));
  const checkedAgain = ruleCheckedIn(result);
  const fixed = gone.filter((finding) => checkedAgain(finding.ruleId, finding.environmentId));
  const unverified = gone.length - fixed.length;

  const count = (state: Finding['baselineState']) => findings.filter((finding) => finding.baselineState === state).length;
  const warnings: AuditWarning[] = [...(result.warnings ?? [])];
  if (unverified > 0) {
    warnings.push({
      code: 'baseline-unverified',
      message: `${unverified} finding(s) of the baseline were not checked again (their rule was not evaluated, failed, or their environment was not audited); they are counted neither as fixed nor as new.`,
      ...(baseline.file === undefined ? {} : { file: baseline.file }),
    });
  }
  return {
    ...result,
    findings,
    suppressed,
    baseline: {
      ...(baseline.file === undefined ? {} : { file: baseline.file }),
      generatedAt: baseline.generatedAt,
      new: count('new'),
      unchanged: count('unchanged'),
      updated: count('updated'),
      fixed: fixed.map(({ baselineState: _, ...finding }) => finding),
    },
    ...(warnings.length === 0 ? {} : { warnings }),
  };
}

function stateOf(finding: Finding, previous: Finding | undefined): NonNullable<Finding['baselineState']> {
  if (previous === undefined) return 'new';
  // A lower severity is not worth a second review; a higher one is, and trips a --fail-on-new gate.
  return severityRank(finding.severity) > severityRank(previous.severity) ? 'updated' : 'unchanged';
}
