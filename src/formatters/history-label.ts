import type { Finding } from '../engine/types.js';

/** "first seen 2026-11-20, 10 days ago" for a finding `--history` dated; "" otherwise. */
export function ageLabel(finding: Pick<Finding, 'firstSeen' | 'age'>): string {
  if (finding.firstSeen === undefined || finding.age === undefined) return '';
  return `first seen ${finding.firstSeen}, ${finding.age === 0 ? 'this run' : finding.age === 1 ? '1 day ago' : `${finding.age} days ago`}`;
}
