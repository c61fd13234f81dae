import { SEVERITIES, type AuditResult } from '../engine/types.js';

export interface SummaryPart {
  text: string;
  /** How a renderer may highlight it: something went wrong, needs attention, or neither. */
  tone: 'bad' | 'warn' | 'good' | 'plain';
}

/**
 * The one-line verdict, in parts: `3 findings (1 critical, 2 high) · 1 suppressed · 8 rules run ·
 * 2 rules not evaluated · 2 resources not judged · 1 rule error · collection incomplete`, or
 * `No findings · 8 rules run`.
 * Other zero counts are left out.
 */
export function summaryParts(result: AuditResult): SummaryPart[] {
  const { summary } = result;
  const bySeverity = SEVERITIES.filter((severity) => summary.bySeverity[severity] > 0).map((severity) => `${summary.bySeverity[severity]} ${severity}`);
  const notEvaluatedRules = new Set(result.notEvaluated.map((item) => item.ruleId)).size;
  const parts: SummaryPart[] = [summary.findings === 0 ? { text: 'No findings', tone: 'good' } : { text: `${plural(summary.findings, 'finding')} (${bySeverity.join(', ')})`, tone: 'bad' }];
  if (summary.suppressed > 0) parts.push({ text: `${summary.suppressed} suppressed`, tone: 'plain' });
  parts.push({ text: `${plural(summary.rulesRun, 'rule')} run`, tone: 'plain' });
  if (notEvaluatedRules > 0) parts.push({ text: `${plural(notEvaluatedRules, 'rule')} not evaluated`, tone: 'warn' });
  const unjudged = unjudgedResourceCount(result);
  if (unjudged > 0) parts.push({ text: `${plural(unjudged, 'resource')} not judged`, tone: 'warn' });
  if (summary.ruleErrors > 0) parts.push({ text: plural(summary.ruleErrors, 'rule error'), tone: 'bad' });
  if (!summary.collectionComplete) parts.push({ text: 'collection incomplete', tone: 'warn' });
  return parts;
}

/** How many resources some rule left unjudged (`skipped`), each counted once however many rules left it. */
export function unjudgedResourceCount(result: AuditResult): number {
  return new Set((result.skipped ?? []).map(({ resource }) => `${resource.type}\u0000${resource.environmentId ?? ''}\u0000${resource.id}`)).size;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * "12 applications, 3 of them sign in through DaVinci (the sign-on policy rules do not judge those)",
 * or undefined when the result does not count applications.
 */
export function applicationCoverageText(result: AuditResult): string | undefined {
  const counts = result.snapshot.applications;
  if (counts === undefined) return undefined;
  const daVinci = counts.signingInThroughDaVinci;
  const through =
    daVinci === 0 ? 'none signs in through DaVinci' : `${daVinci} of them sign${daVinci === 1 ? 's' : ''} in through DaVinci (the sign-on policy rules do not judge ${daVinci === 1 ? 'it' : 'those'})`;
  return `${plural(counts.total, 'application')}, ${through}`;
}
