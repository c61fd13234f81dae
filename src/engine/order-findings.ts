import { compareSeverity } from './severity.js';
import type { Finding } from './types.js';

/**
 * Sorts findings deterministically (severity, most severe first; then environment, rule,
 * resource type, resource id, pointer) and keeps one finding per fingerprint: the most severe.
 */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return [...findings].sort(compareFindings).filter((finding) => {
    if (seen.has(finding.fingerprint)) return false;
    seen.add(finding.fingerprint);
    return true;
  });
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareSeverity(a.severity, b.severity) ||
    compareText(a.environmentId ?? '', b.environmentId ?? '') ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.resource.type, b.resource.type) ||
    compareText(a.resource.id, b.resource.id) ||
    compareText(a.pointer, b.pointer)
  );
}

/** Code-unit order, not localeCompare: the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
