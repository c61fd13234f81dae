import type { NoOptions, Rule, RuleMessages, RuleOptions } from './types.js';

/**
 * Declares a rule with full type checking: `Messages` is inferred from `meta.messages` (string
 * literals kept), so `context.report(messageId, data, target)` and returned reports are checked
 * against the rule's own message ids and each message's `{{placeholders}}`; `Options` is inferred
 * from `meta.options.defaults`, so `context.options` has one declared default per option.
 */
export function defineRule<const Messages extends RuleMessages, Options extends RuleOptions = NoOptions>(rule: Rule<Messages, Options>): Rule<Messages, Options> {
  return rule;
}
