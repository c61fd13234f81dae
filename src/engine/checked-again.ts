import type { AuditResult } from './types.js';

/**
 * Whether `result` really ran a rule in an environment (`null`: organization-wide), so that a finding an earlier run
 * reported there and this one does not is fixed. A rule that was not evaluated (its data was not collected), that
 * failed, or an environment this run did not audit checks nothing: such a finding is unverified, neither fixed nor new.
 */
export function ruleCheckedIn(result: AuditResult): (ruleId: string, environmentId: string | null) => boolean {
  const ran = new Set(result.ruleResults.filter((item) => item.outcome === 'pass' || item.outcome === 'fail').map((item) => key(item.ruleId, item.environmentId)));
  const broken = new Set([...result.ruleErrors.map((error) => error.ruleId), ...result.notEvaluated.filter((item) => item.environmentId === null).map((item) => item.ruleId)]);
  const enabled = new Set(result.rules.map((rule) => rule.id));
  return (ruleId, environmentId) => {
    if (ran.has(key(ruleId, environmentId))) return true;
    // Organization-wide outcomes are only recorded when the rule reported something there.
    return environmentId === null && enabled.has(ruleId) && !broken.has(ruleId);
  };
}

function key(ruleId: string, environmentId: string | null): string {
  return JSON.stringify([ruleId, environmentId]);
}
