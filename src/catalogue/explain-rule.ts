import type { Rule } from '../engine/types.js';
import { FRAMEWORK_CATALOGS } from '../frameworks/framework-catalogs.js';
import { FRAMEWORK_IDS } from '../frameworks/framework-ids.js';

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
  if (meta.frameworks) {
    lines.push('', 'Compliance controls');
    if (meta.docs.frameworkRationale) lines.push(indent(meta.docs.frameworkRationale));
    for (const framework of FRAMEWORK_IDS) {
      const controls = meta.frameworks[framework];
      const unmapped = meta.docs.unmappedFrameworks?.[framework];
      lines.push(indent(`${FRAMEWORK_CATALOGS[framework].title}: ${controls.length > 0 ? controls.join(', ') : `none${unmapped ? ` (${unmapped})` : ''}`}`));
    }
  }
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
