import { orderFindings } from '../engine/order-findings.js';
import { countBySeverity } from '../engine/severity.js';
import type { AuditResult, Finding } from '../engine/types.js';

/** The result with `findings` and `suppressed` replaced, ordered, and the summary's counts to match. */
export function withFindings(result: AuditResult, findings: readonly Finding[], suppressed: readonly Finding[]): AuditResult {
  const bySeverity = countBySeverity(findings);
  return {
    ...result,
    findings: orderFindings(findings),
    suppressed: orderFindings(suppressed),
    summary: { ...result.summary, findings: findings.length, bySeverity, suppressed: suppressed.length },
  };
}
