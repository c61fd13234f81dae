import type { Rule } from './types.js';

/** Identity helper that gives rule modules full type checking of their metadata and check. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
