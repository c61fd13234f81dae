import { gatingFindings } from '../baseline/gate-findings.js';
import { overdueFindings } from '../dispositions/apply-dispositions.js';
import type { AuditResult } from '../engine/types.js';
import type { FormatContext } from './format-context.js';
import { ruleEvaluation } from './summary-line.js';
import { plural } from '../wording.js';

/** A compliance report's answer: compliant, not, or not determined (data or rules missing). */
export type ComplianceStatus = 'compliant' | 'not-compliant' | 'not-determined';

/** The answer a compliance report opens with, in our own words (no tenant string). */
export interface ReportVerdict {
  status: ComplianceStatus;
  /** `Compliant` (`Compliant within scope` when some rules were out of scope), `Not compliant` or `Not determined: incomplete`. */
  headline: string;
  /** What the run was judged against, e.g. `gate: --fail-on high, --fail-on-overdue`. */
  criterion: string;
  /** Why, one clause each: what fails the gate, then what the run could not see. */
  reasons: string[];
}

/**
 * Compliant or not against the gate in force (`--fail-on`, with `--fail-on-new` only new findings,
 * `--fail-on-overdue` planned fixes past due). With no gate (`--fail-on none`, or a report rendered
 * without one) the run is judged as its controls are: an open finding of low severity or above
 * fails, info never does. A known failure is a failure even on an incomplete run; otherwise an
 * incomplete run (data missing, a rule error) is "not determined", never compliant.
 */
export function reportVerdict(result: AuditResult, gate: FormatContext['gate']): ReportVerdict {
  const gateOff = gate === undefined || (gate.failOn === 'none' && gate.failOnOverdue !== true);
  const failOn = gateOff ? 'low' : gate.failOn;
  const onlyNew = !gateOff && gate.failOnNew;
  const failing = gatingFindings(result, failOn, onlyNew).length;
  const overdue = !gateOff && gate.failOnOverdue === true ? overdueFindings(result).length : 0;
  const reasons = [
    failing > 0 ? `${plural(failing, `${onlyNew ? 'new ' : ''}finding`)} of ${failOn} severity or above` : '',
    overdue === 0 ? '' : overdue === 1 ? '1 planned fix past its due date' : `${overdue} planned fixes past their due date`,
  ].filter(Boolean);
  const gaps = incompleteness(result, gate);
  const status: ComplianceStatus = reasons.length > 0 ? 'not-compliant' : gaps.length > 0 ? 'not-determined' : 'compliant';
  const criterion = gateOff
    ? `judged by the controls: an open finding of low severity or above fails its control, info is advice${gateOffNote(status, gate)}`
    : `gate: ${[gate.failOn === 'none' ? '' : `--fail-on ${gate.failOn}${gate.failOnNew ? ' --fail-on-new' : ''}`, gate.failOnOverdue === true ? '--fail-on-overdue' : ''].filter(Boolean).join(', ')}`;
  // Rules out of scope (users in a Terraform run) are not a gap, but "Compliant" must not stand as if they had passed.
  const outOfScope = ruleEvaluation(result).outOfScope;
  const headline = status === 'compliant' ? (outOfScope > 0 ? 'Compliant within scope' : 'Compliant') : status === 'not-compliant' ? 'Not compliant' : 'Not determined: incomplete';
  const unscoped = outOfScope > 0 ? [`${plural(outOfScope, 'rule')} out of scope: not evaluated, because the data they need lies outside what was audited (see the coverage)`] : [];
  return { status, headline, criterion, reasons: [...reasons, ...gaps, ...unscoped] };
}

/**
 * With `--fail-on none` the report judges by the controls while the exit code judges nothing: a report
 * that says "Not compliant" beside a green CI job says why, so that neither is taken for the other.
 */
function gateOffNote(status: ComplianceStatus, gate: FormatContext['gate']): string {
  if (gate === undefined) return '';
  return status === 'not-compliant' && gate.verdict === 'clean' ? '; no --fail-on gate is set, so the run still exits 0' : '; no --fail-on gate is set';
}

/** What the run could not see, in words; empty when it saw everything. */
function incompleteness(result: AuditResult, gate: FormatContext['gate']): string[] {
  const evaluation = ruleEvaluation(result);
  const gaps: string[] = [];
  if (evaluation.notEvaluated > 0) gaps.push(`${evaluation.evaluated} of ${plural(evaluation.total, 'rule')} evaluated; ${evaluation.notEvaluated} not evaluated because ${evaluation.because}`);
  if (evaluation.errored > 0) gaps.push(`${plural(evaluation.errored, 'rule')} failed with an error and reported nothing`);
  if (gaps.length === 0 && (!result.summary.collectionComplete || gate?.verdict === 'incomplete')) gaps.push('collection incomplete: some data could not be read');
  return gaps;
}
