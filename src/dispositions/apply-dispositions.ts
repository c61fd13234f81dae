import type { AuditResult, Finding } from '../engine/types.js';
import type { DispositionEntry } from './load-dispositions.js';
import type { ReviewEntry } from './review-findings.js';

/** `--dispositions`' entries for {@link reviewFindings}: matched by fingerprint, or by rule, environment and resource. */
export function dispositionReviewEntries(entries: readonly DispositionEntry[]): ReviewEntry[] {
  return entries.map(({ file, pointer, disposition: d }): ReviewEntry => {
    const match =
      d.fingerprint !== undefined ? { fingerprint: d.fingerprint } : { ruleId: d.ruleId ?? '', environmentId: d.environmentId === undefined ? '' : d.environmentId, resourceId: d.resourceId ?? '' };
    const decision = {
      kind: d.disposition,
      owner: d.owner,
      reason: d.reason,
      ...(d.expires === undefined ? {} : { expires: d.expires }),
      ...(d.due === undefined ? {} : { due: d.due }),
      ...(d.control === undefined ? {} : { control: d.control }),
    };
    return { file, pointer, source: 'disposition', status: 'valid', match, decision };
  });
}

/** Open findings under a planned fix whose due date has passed: what `--fail-on-overdue` gates on. */
export function overdueFindings(result: AuditResult): Finding[] {
  return result.findings.filter((finding) => finding.disposition?.overdue === true);
}
