import type { Rule } from '../engine/types.js';

/** The long-form help of one rule: what, why, how to fix (console and API), references. */
export function explainRule(rule: Rule, packs: string[]): string {
  const { meta } = rule;
  const lines = [
    `${rule.id} — ${meta.title}`,
    '',
    meta.description,
    '',
    `Severity: ${meta.severity}    Category: ${meta.category}    Packs: ${packs.join(', ') || 'none'}`,
    `Tags: ${meta.tags.join(', ')}`,
    `Reads: ${meta.requires.join(', ')}`,
    '',
    'Why it matters',
    indent(meta.docs.rationale),
  ];
  if (meta.docs.severityRationale) lines.push('', 'Why this severity', indent(meta.docs.severityRationale));
  lines.push('', 'How to fix');
  meta.docs.remediation.forEach((step, i) => lines.push(indent(`${i + 1}. ${step}`)));
  lines.push('', 'References');
  for (const ref of meta.docs.references) lines.push(indent(ref.url ? `- ${ref.title}: ${ref.url}` : `- ${ref.title}`));
  if (meta.options) {
    lines.push('', 'Options (defaults)');
    for (const [key, value] of Object.entries(meta.options.defaults)) lines.push(indent(`${key}: ${JSON.stringify(value)}`));
  }
  return `${lines.join('\n')}\n`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
