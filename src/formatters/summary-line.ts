import { dataGapsOf } from '../engine/data-gaps.js';
import { SEVERITIES, type AuditResult } from '../engine/types.js';
import { listInWords, plural } from '../wording.js';

/** One part of the summary line, with how it may be highlighted. */
export interface SummaryPart {
  text: string;
  /** How a renderer may highlight it: something went wrong, needs attention, or neither. */
  tone: 'bad' | 'warn' | 'good' | 'plain';
}

/**
 * The one-line verdict, in parts: `3 findings (1 critical, 2 high) · 1 suppressed · 8 rules run ·
 * 2 resources not judged`, or `No findings · 8 rules run`; when data was missing or a rule threw,
 * `5 of 8 rules evaluated · 2 not evaluated (data missing) · 1 rule error · collection incomplete`
 * (the reports' verdicts say which data, see {@link ruleEvaluation}). Other zero counts are left out.
 */
export function summaryParts(result: AuditResult): SummaryPart[] {
  const { summary } = result;
  const bySeverity = SEVERITIES.filter((severity) => summary.bySeverity[severity] > 0).map((severity) => `${summary.bySeverity[severity]} ${severity}`);
  const parts: SummaryPart[] = [summary.findings === 0 ? { text: 'No findings', tone: 'good' } : { text: `${plural(summary.findings, 'finding')} (${bySeverity.join(', ')})`, tone: 'bad' }];
  if (summary.suppressed > 0) parts.push({ text: `${summary.suppressed} suppressed`, tone: 'plain' });
  const evaluation = ruleEvaluation(result);
  if (evaluation.evaluated === evaluation.total) parts.push({ text: `${plural(summary.rulesRun, 'rule')} run`, tone: 'plain' });
  else parts.push({ text: `${evaluation.evaluated} of ${plural(evaluation.total, 'rule')} evaluated`, tone: 'warn' });
  parts.push(...gapParts(result));
  if (evaluation.outOfScope > 0) parts.push({ text: `${evaluation.outOfScope} out of scope`, tone: 'warn' });
  const unjudged = unjudgedResourceCount(result);
  if (unjudged > 0) parts.push({ text: `${plural(unjudged, 'resource')} not judged`, tone: 'warn' });
  if (summary.ruleErrors > 0) parts.push({ text: plural(summary.ruleErrors, 'rule error'), tone: 'bad' });
  if (!summary.collectionComplete) parts.push({ text: 'collection incomplete', tone: 'warn' });
  return parts;
}

/**
 * The data gaps: rules not evaluated in a whole environment, and apart from them the resources left
 * unjudged alone (one application whose redirect URI is unknown is `1 resource`, not every rule that reads applications).
 */
function gapParts(result: AuditResult): SummaryPart[] {
  const gaps = dataGapsOf(result.notEvaluated);
  const whole = new Set(gaps.filter((item) => item.resources === undefined).map((item) => item.ruleId));
  const partial = gaps.filter((item) => item.resources !== undefined && !whole.has(item.ruleId));
  const resources = new Set(partial.flatMap((item) => (item.resources ?? []).map((ref) => `${item.environmentId ?? ''}\u0000${ref.type}\u0000${ref.id}`)));
  const parts: SummaryPart[] = [];
  if (whole.size > 0) parts.push({ text: `${whole.size} not evaluated (data missing)`, tone: 'warn' });
  if (resources.size > 0)
    parts.push({ text: `${plural(resources.size, 'resource')} not evaluated by ${plural(new Set(partial.map((item) => item.ruleId)).size, 'rule')} (data missing)`, tone: 'warn' });
  return parts;
}

/** How many of the run's rules judged everything they cover, and why the others did not. */
export interface RuleEvaluation {
  /** The rules enabled for the run. */
  total: number;
  /** Rules with no data gap in any environment and no error. */
  evaluated: number;
  /** Rules that missed data somewhere (in every environment, in one, or for some resources). */
  notEvaluated: number;
  /**
   * Rules not evaluated somewhere only because the data lies outside what was audited (users in a
   * Terraform run): counted apart from {@link notEvaluated}, never as evaluated.
   */
  outOfScope: number;
  /** Rules that threw (counted apart from {@link notEvaluated}). */
  errored: number;
  /** The data gap in words, e.g. `users and roleAssignments could not be read`. */
  because: string;
}

/** See {@link RuleEvaluation}: a rule missing data in one environment is not counted as evaluated. */
export function ruleEvaluation(result: Pick<AuditResult, 'rules' | 'notEvaluated' | 'ruleErrors'>): RuleEvaluation {
  const gaps = dataGapsOf(result.notEvaluated);
  const notEvaluated = new Set(gaps.map((item) => item.ruleId));
  const outOfScope = new Set(result.notEvaluated.map((item) => item.ruleId).filter((ruleId) => !notEvaluated.has(ruleId)));
  const errored = new Set(result.ruleErrors.map((error) => error.ruleId).filter((ruleId) => !notEvaluated.has(ruleId) && !outOfScope.has(ruleId)));
  const total = Math.max(result.rules.length, notEvaluated.size + outOfScope.size + errored.size);
  const kinds = [...new Set(gaps.flatMap((item) => item.reasons.filter((reason) => reason.outOfScope === undefined).map((reason) => reason.kind)))].sort();
  const because = kinds.length === 0 ? 'data they need could not be read' : `${listInWords(kinds)} could not be read`;
  return { total, evaluated: total - notEvaluated.size - outOfScope.size - errored.size, notEvaluated: notEvaluated.size, outOfScope: outOfScope.size, errored: errored.size, because };
}

/** How many resources some rule left unjudged (`skipped`), each counted once however many rules left it. */
export function unjudgedResourceCount(result: AuditResult): number {
  return new Set((result.skipped ?? []).map(({ resource }) => `${resource.type}\u0000${resource.environmentId ?? ''}\u0000${resource.id}`)).size;
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
