import type { ReportTarget, RuleContext, RuleOptions, RuleReport } from './types.js';

/** What every rule of one run shares: the clock, the index and the integration bindings. */
export type RunContext = Omit<RuleContext, 'options' | 'report'>;

/** The context one rule's `check` receives: the run's, with the rule's resolved options and the report builder. */
export function ruleContext(run: RunContext, options: RuleOptions): RuleContext {
  return { ...run, options, report: buildReport };
}

function buildReport(messageId: string, data: RuleReport['data'], { resource, pointer, severity }: ReportTarget): RuleReport {
  // Named fields, not a spread of the target: every report of a run has one of two shapes.
  return severity === undefined ? { messageId, data, resource, pointer } : { messageId, data, resource, pointer, severity };
}
