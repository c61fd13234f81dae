import type { Verdict } from '../verdict.js';
import { hasDrift, type DriftReport } from './drift-report.js';

/** What may fail a `diff` run: any drift, findings that appeared, or nothing ({@link decideDriftVerdict}). */
export const DRIFT_FAIL_ON = ['drift', 'findings', 'none'] as const;
export type DriftFailOn = (typeof DRIFT_FAIL_ON)[number];

/**
 * `drift`: any difference fails (like `git diff --exit-code`); `findings`: only findings that
 * appeared; `none`: never. A snapshot with data that could not be collected makes the comparison
 * incomplete, which wins unless allowed, as in `audit`; an environment of which nothing was read
 * wins even then.
 */
export function decideDriftVerdict(report: DriftReport, options: { failOn: DriftFailOn; allowIncomplete: boolean }): { verdict: Verdict; reasons: string[] } {
  const reasons: string[] = [];
  const incomplete = report.gaps.length > 0;
  if (incomplete) reasons.push(`incomplete: ${report.gaps.length} kind(s) of data could not be collected in one of the snapshots${options.allowIncomplete ? ' (allowed by --allow-incomplete)' : ''}`);
  const unseen = report.unread.map(
    ({ snapshot, environmentId }) => `${environmentId === null ? 'no environment was read' : `nothing was read in environment ${environmentId}`} (${snapshot} snapshot)`,
  );
  if (unseen.length > 0) reasons.push(`not compared: ${unseen.join('; ')}${options.allowIncomplete ? ' (--allow-incomplete accepts a partial read, not this)' : ''}`);
  const failing = options.failOn === 'drift' ? hasDrift(report) : options.failOn === 'findings' ? report.findings.appeared.length > 0 : false;
  if (failing) reasons.push(options.failOn === 'drift' ? 'drift found (--fail-on drift)' : `${report.findings.appeared.length} finding(s) appeared (--fail-on findings)`);
  const verdict: Verdict = unseen.length > 0 || (incomplete && !options.allowIncomplete) ? 'incomplete' : failing ? 'findings' : 'clean';
  return { verdict, reasons };
}
