import { orderFindings } from '../engine/order-findings.js';
import { countBySeverity } from '../engine/severity.js';
import type { AuditResult, Finding } from '../engine/types.js';

/**
 * The result with `findings` and `suppressed` replaced, ordered (one per fingerprint), and the summary's
 * counts taken from what is kept: merged reports may each carry the same organization-wide finding.
 */
export function withFindings(result: AuditResult, findings: readonly Finding[], suppressed: readonly Finding[]): AuditResult {
  const open = orderFindings(findings);
  const hidden = orderFindings(suppressed);
  return {
    ...result,
    findings: open,
    suppressed: hidden,
    summary: { ...result.summary, findings: open.length, bySeverity: countBySeverity(open), suppressed: hidden.length },
  };
}
