import { orderFindings } from '../engine/order-findings.js';
import { SEVERITIES, type AuditResult, type Finding, type Severity } from '../engine/types.js';

/** The result with `findings` and `suppressed` replaced, ordered, and the summary's counts to match. */
export function withFindings(result: AuditResult, findings: readonly Finding[], suppressed: readonly Finding[]): AuditResult {
  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) bySeverity[finding.severity] += 1;
  return {
    ...result,
    findings: orderFindings(findings),
    suppressed: orderFindings(suppressed),
    summary: { ...result.summary, findings: findings.length, bySeverity, suppressed: suppressed.length },
  };
}
