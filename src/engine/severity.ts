import { SEVERITIES, type AuditResult, type Finding, type Severity } from './types.js';

/** Each severity's rank, looked up once per comparison when tens of thousands of findings are sorted. */
const RANKS = new Map(SEVERITIES.map((severity, i) => [severity, SEVERITIES.length - i]));

/** Higher is more severe: critical 5 … info 1. */
export function severityRank(severity: Severity): number {
  return RANKS.get(severity) ?? 0;
}

/** Sort comparator that puts the most severe first. */
export function compareSeverity(a: Severity, b: Severity): number {
  return severityRank(b) - severityRank(a);
}

/** Whether `severity` is `threshold` or more severe. */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) >= severityRank(threshold);
}

/** Whether `value` is one of {@link SEVERITIES} (for severities a pack, a config or a rule's report gives). */
export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/**
 * Open (unsuppressed) findings at or above the `--fail-on` threshold; `none` never fails.
 * Suppressed findings live in `result.suppressed` and are not counted.
 */
export function countAtOrAbove(result: Pick<AuditResult, 'findings'>, threshold: Severity | 'none'): number {
  if (threshold === 'none') return 0;
  return result.findings.filter((finding) => atOrAbove(finding.severity, threshold)).length;
}

/** How many of `findings` are at each severity, every severity present. */
export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
