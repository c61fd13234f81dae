import { ruleCheckedIn } from '../engine/checked-again.js';
import { countBySeverity } from '../engine/severity.js';
import type { AuditResult, AuditWarning, Finding, HistoryRun, RunHistory } from '../engine/types.js';
import type { LoadedHistory } from './load-history.js';

const DAY_MS = 86_400_000;

/**
 * Dates each open and suppressed finding by fingerprint against the earlier runs of `--history`: `firstSeen`
 * is the day of the earliest run that reported it (open or suppressed), `age` the whole days since. The
 * result gains the trend (each run's open findings by severity, this run last) and, against the latest
 * earlier run, the fingerprints new since then and the findings fixed since (not those whose rule could not run again:
 * a warning counts them). Only the environments this run
 * audited count, so that a folder shared by a fleet's jobs dates each job's own findings. A report not
 * earlier than this run is left out, with a warning.
 */
export function applyHistory(result: AuditResult, history: LoadedHistory): AuditResult {
  const now = Date.parse(result.generatedAt);
  const inScope = scopeOf(result);
  const earlier = history.reports.filter((report) => Date.parse(report.result.generatedAt) < now);
  const later: AuditWarning[] = history.reports
    .filter((report) => Date.parse(report.result.generatedAt) >= now)
    .map((report) => ({
      code: 'history-not-earlier',
      message: `ran at ${report.result.generatedAt}, not before this run (${result.generatedAt}): left out of the history.`,
      file: report.file,
    }));

  const firstSeen = new Map<string, number>();
  for (const { result: run } of earlier) {
    const at = Date.parse(run.generatedAt);
    for (const finding of [...run.findings, ...run.suppressed]) if (inScope(finding) && !firstSeen.has(finding.fingerprint)) firstSeen.set(finding.fingerprint, at);
  }
  const dated = (finding: Finding): Finding => {
    const since = firstSeen.get(finding.fingerprint) ?? now;
    return { ...finding, firstSeen: new Date(since).toISOString().slice(0, 10), age: Math.floor((now - since) / DAY_MS) };
  };

  const runs: HistoryRun[] = [
    ...earlier.map(({ file, result: run }) => ({ generatedAt: run.generatedAt, file, bySeverity: countBySeverity(run.findings.filter(inScope)) })),
    { generatedAt: result.generatedAt, bySeverity: { ...result.summary.bySeverity } },
  ];
  const last = earlier.at(-1);
  const since = last === undefined ? undefined : sinceLastRun(result, last, inScope);
  const warnings = [...later, ...(since?.warnings ?? [])];
  return {
    ...result,
    findings: result.findings.map(dated),
    suppressed: result.suppressed.map(dated),
    history: { folder: history.folder, runs, ...(since === undefined ? {} : { previous: since.previous }) },
    ...(warnings.length === 0 ? {} : { warnings: [...(result.warnings ?? []), ...warnings] }),
  };
}

/** Findings of this run's environments (and organization-wide ones). */
function scopeOf(result: AuditResult): (finding: Finding) => boolean {
  const environments = new Set(result.snapshot.environmentIds);
  return (finding) => finding.environmentId === null || environments.has(finding.environmentId);
}

function newSince(open: readonly Finding[], before: readonly Finding[]): string[] {
  const then = new Set(before.map((finding) => finding.fingerprint));
  return open.filter((finding) => !then.has(finding.fingerprint)).map((finding) => finding.fingerprint);
}

/**
 * Against the latest earlier run: the fingerprints new since, and its findings this run reports no more, fixed where
 * their rule ran again; the others (rule not evaluated, failed, environment not audited) are counted in a warning.
 */
function sinceLastRun(
  result: AuditResult,
  last: LoadedHistory['reports'][number],
  inScope: (finding: Finding) => boolean,
): { previous: NonNullable<RunHistory['previous']>; warnings: AuditWarning[] } {
  const now = new Set([...result.findings, ...result.suppressed].map((finding) => finding.fingerprint));
  const gone = last.result.findings.filter((finding) => inScope(finding) && !now.has(finding.fingerprint));
  const checkedAgain = ruleCheckedIn(result);
  const fixed = gone.filter((finding) => checkedAgain(finding.ruleId, finding.environmentId));
  const unverified = gone.length - fixed.length;
  return {
    previous: { generatedAt: last.result.generatedAt, file: last.file, new: newSince(result.findings, last.result.findings), fixed },
    warnings:
      unverified === 0
        ? []
        : [
            {
              code: 'history-unverified',
              message: `${unverified} finding(s) of the last run (${last.result.generatedAt}) were not checked again (their rule was not evaluated, failed, or their environment was not audited); they are not counted as fixed.`,
              file: last.file,
            },
          ],
  };
}
