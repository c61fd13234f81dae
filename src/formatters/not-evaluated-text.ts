import type { NotEvaluated } from '../engine/types.js';
import { describeCollectionFailure } from '../snapshot/collection-failure.js';

/**
 * Why a rule was not evaluated, in words: the failed reads, and when only some resources' reads
 * failed, which ones ("… ; only for application app-1, application app-2").
 */
export function describeNotEvaluated(item: NotEvaluated, separator = '; '): string {
  const reads = item.reasons.map(describeCollectionFailure).join(separator) || 'unknown';
  if (item.resources === undefined) return reads;
  return `${reads}${separator}only for ${item.resources.map((ref) => `${ref.type} ${ref.id}`).join(', ')}`;
}
