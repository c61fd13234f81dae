import type { ControlStatus, FrameworkPosture } from '../frameworks/posture.js';
import type { Paint } from './ansi.js';

const STATUS_ORDER: ControlStatus[] = ['fail', 'partial', 'not-evaluated', 'pass', 'not-covered'];

/**
 * The run seen through one framework, for the terminal: the standard's status and counts, then
 * each control with the rules behind it, failing controls first, and last the controls of the
 * framework's PingOne-relevant scope that no rule covers. Only our own text: no tenant string.
 */
export function frameworkViewLines(posture: FrameworkPosture, paint: Paint): string[] {
  const { framework, counts } = posture;
  const summary = STATUS_ORDER.map((status) => `${counts[status]} ${status}`).join(' · ');
  const lines = [paint(`${framework.title}: ${posture.status.toUpperCase()}`, 'bold'), `  ${summary} (controls; info findings are advice and never fail one)`];
  const sorted = [...posture.controls].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  for (const control of sorted) {
    const rules = control.rules.map((rule) => `${rule.ruleId} ${rule.standing}${rule.openFindings > 0 ? ` (${rule.openFindings} open)` : ''}`).join(', ');
    lines.push(`  ${control.id.padEnd(10)} ${control.status.padEnd(13)} ${control.title}`);
    lines.push(`  ${''.padEnd(10)} ${''.padEnd(13)} ${rules === '' ? 'no rule covers this control: check it another way' : `rules: ${rules}`}`);
  }
  lines.push(`  Controls listed from ${framework.source.title} (${framework.source.url}): ${framework.scope}.`);
  return lines;
}
