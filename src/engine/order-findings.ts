import { compareSeverity } from './severity.js';
import type { Finding, Severity } from './types.js';

/**
 * Sorts findings deterministically (severity, most severe first; then environment, rule,
 * resource type, resource id, pointer) and keeps one finding per fingerprint: the most severe.
 * Findings with equal keys keep their input order.
 */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  // Findings of one fingerprint share environment, rule, type, id and pointer: sorted by those and
  // then severity, they sit side by side, the most severe first, so no set of fingerprints is needed.
  const kept = new Map<Severity, Finding[]>();
  for (const group of byLeadingKeys(findings)) {
    group.sort(compareWithinGroup);
    const sameTarget: Finding[] = [];
    for (const finding of group) {
      const previous = sameTarget[0];
      if (previous !== undefined && (previous.resource.id !== finding.resource.id || previous.pointer !== finding.pointer)) sameTarget.length = 0;
      if (includesFingerprint(sameTarget, finding.fingerprint)) continue;
      sameTarget.push(finding);
      (kept.get(finding.severity) ?? setNew(kept, finding.severity, [])).push(finding);
    }
  }
  return [...kept.keys()].sort(compareSeverity).flatMap((severity) => kept.get(severity) ?? []);
}

function includesFingerprint(findings: readonly Finding[], fingerprint: string): boolean {
  for (const finding of findings) if (finding.fingerprint === fingerprint) return true;
  return false;
}

/** The order of {@link orderFindings}, for one pair. */
export function compareFindings(a: Finding, b: Finding): number {
  return compareSeverity(a.severity, b.severity) || compareLeadingKeys(a, b) || compareTarget(a, b);
}

function compareLeadingKeys(a: Finding, b: Finding): number {
  return compareText(a.environmentId ?? '', b.environmentId ?? '') || compareText(a.ruleId, b.ruleId) || compareText(a.resource.type, b.resource.type);
}

function compareTarget(a: Finding, b: Finding): number {
  return compareText(a.resource.id, b.resource.id) || compareText(a.pointer, b.pointer);
}

function compareWithinGroup(a: Finding, b: Finding): number {
  return compareTarget(a, b) || compareSeverity(a.severity, b.severity);
}

/**
 * The findings cut into groups of equal environment, rule and resource type, groups in
 * {@link compareFindings} order. An audit has a few hundred such groups for tens of thousands of
 * findings: the leading keys are compared once per group, and a finding's sort compares ids only.
 */
function byLeadingKeys(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Map<string, Map<string, Finding[]>>>();
  for (const finding of findings) {
    const environmentId = finding.environmentId ?? '';
    const byRule = groups.get(environmentId) ?? setNew(groups, environmentId, new Map());
    const byType = byRule.get(finding.ruleId) ?? setNew(byRule, finding.ruleId, new Map());
    (byType.get(finding.resource.type) ?? setNew(byType, finding.resource.type, [])).push(finding);
  }
  return sortedValues(groups).flatMap((byRule) => sortedValues(byRule).flatMap((byType) => sortedValues(byType)));
}

function sortedValues<V>(map: Map<string, V>): V[] {
  return [...map.keys()].sort(compareText).map((key) => map.get(key) as V);
}

function setNew<K, V>(map: Map<K, V>, key: K, value: V): V {
  map.set(key, value);
  return value;
}

/** Code-unit order, not localeCompare: the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
