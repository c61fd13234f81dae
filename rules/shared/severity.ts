import type { RuleReport, Severity } from '../../src/engine/types.js';

/**
 * The `severity` field of a report: set only when it differs from the rule's default, because a
 * report's own severity beats the one a pack or config chose, and the default case should obey them.
 */
export function severityOverride(severity: Severity, ruleDefault: Severity): Pick<RuleReport, 'severity'> {
  return severity === ruleDefault ? {} : { severity };
}
