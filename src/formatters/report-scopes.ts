import type { AuditResult, Finding, RuleMeta, Severity } from '../engine/types.js';

/**
 * The environments a report has a section for, in snapshot order (plus any only a finding names),
 * then `null` (organization-wide) when something is reported there.
 */
export function reportScopes(result: AuditResult): Array<string | null> {
  const named = [...result.findings, ...result.suppressed, ...(result.baseline?.fixed ?? [])].map((finding) => finding.environmentId);
  const fromResults = [...named, ...result.ruleResults.map((item) => item.environmentId), ...result.notEvaluated.map((item) => item.environmentId)];
  const environments = [...new Set([...result.snapshot.environmentIds, ...fromResults.filter((id): id is string => id !== null).sort()])];
  return fromResults.includes(null) ? [...environments, null] : environments;
}

/** Rule id → what the report needs to describe it; unknown ids (a rule no longer enabled) get a bare entry. */
export function ruleLookup(result: AuditResult): (ruleId: string) => { title: string; severity?: Severity; meta?: RuleMeta } {
  const byId = new Map(result.rules.map((rule) => [rule.id, rule]));
  return (ruleId) => {
    const rule = byId.get(ruleId);
    return rule === undefined ? { title: ruleId } : { title: rule.meta.title, severity: rule.severity, meta: rule.meta };
  };
}

/** Findings grouped by environment, in {@link reportScopes} order; scopes without findings are kept, empty. */
export function findingsByScope(result: AuditResult, findings: readonly Finding[]): Array<{ environmentId: string | null; findings: Finding[] }> {
  return reportScopes(result).map((environmentId) => ({ environmentId, findings: findings.filter((finding) => finding.environmentId === environmentId) }));
}
