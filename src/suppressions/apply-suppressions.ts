import type { AuditResult } from '../engine/types.js';
import { reviewFindings, type ReviewEntry } from '../dispositions/review-findings.js';
import type { SuppressionEntry } from './parse-suppressions.js';

/**
 * The suppressions file's entries as what they are: accepted risks, matched by rule, environment,
 * resource (and pointer when named), up to their `expires` day. A malformed entry stays malformed, so
 * that the review can say which finding it left open.
 */
export function suppressionReviewEntries(entries: readonly SuppressionEntry[]): ReviewEntry[] {
  return entries.map((entry): ReviewEntry => {
    const at = { file: entry.file, pointer: entry.pointer, source: 'suppression' as const };
    if (entry.status === 'invalid') return { ...at, status: 'invalid', problem: entry.problem, identity: entry.identity };
    const { ruleId, environmentId, resourceId, pointer, reason, owner, expires } = entry.suppression;
    return { ...at, status: 'valid', match: { ruleId, environmentId, resourceId, ...(pointer === undefined ? {} : { pointer }) }, decision: { kind: 'accepted-risk', owner, reason, expires } };
  });
}

/**
 * Moves each open finding that a valid, unexpired entry matches to `result.suppressed`, carrying the entry's
 * reason, owner and expiry; fails closed and warns as {@link reviewFindings} does. Pure.
 */
export function applySuppressions(result: AuditResult, entries: readonly SuppressionEntry[], now: Date): AuditResult {
  return reviewFindings(result, suppressionReviewEntries(entries), now);
}
