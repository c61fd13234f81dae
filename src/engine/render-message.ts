import type { RuleMeta, RuleReport } from './types.js';

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * Fills `{{name}}` placeholders of the report's message template from its data. An unknown
 * messageId or a placeholder without data is a bug in the rule: it throws, and the caller
 * records a rule error instead of printing a half-rendered message.
 */
export function renderMessage(messages: RuleMeta['messages'], report: Pick<RuleReport, 'messageId' | 'data'>): string {
  const template = messages[report.messageId];
  if (template === undefined) throw new Error(`Unknown messageId "${report.messageId}" (not in meta.messages).`);
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = report.data?.[name];
    if (value === undefined) throw new Error(`Message "${report.messageId}" needs {{${name}}}, which the report's data lacks.`);
    return String(value);
  });
}
