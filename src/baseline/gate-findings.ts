import { atOrAbove } from '../engine/severity.js';
import type { AuditResult, Finding, Severity } from '../engine/types.js';

/**
 * The open findings a `--fail-on` gate counts: at or above the threshold, and with `onlyNew`
 * (`--fail-on-new`) only those the baseline did not have or that became more severe.
 */
export function gatingFindings(result: Pick<AuditResult, 'findings'>, failOn: Severity | 'none', onlyNew: boolean): Finding[] {
  if (failOn === 'none') return [];
  return result.findings.filter((finding) => atOrAbove(finding.severity, failOn) && (!onlyNew || finding.baselineState === 'new' || finding.baselineState === 'updated'));
}
