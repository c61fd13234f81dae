import { gatingFindings } from '../baseline/gate-findings.js';
import { overdueFindings } from '../dispositions/apply-dispositions.js';
import type { AuditResult, Severity } from '../engine/types.js';
import { dataGapsOf } from '../engine/data-gaps.js';
import { unreadEnvironments } from '../snapshot/collection-coverage.js';
import { isFailedRead } from '../snapshot/collection-failure.js';
import type { Verdict } from '../verdict.js';

/** The gate in force: the severity threshold and what else fails a run. */
export interface GateOptions {
  failOn: Severity | 'none';
  /** Count only findings new against the baseline (or now more severe). */
  failOnNew?: boolean;
  /** Also fail on planned fixes (`--dispositions`) past their due date. */
  failOnOverdue?: boolean;
  /** Gate on findings alone even when some data could not be read. */
  allowIncomplete: boolean;
  /**
   * `pingone-audit terraform`: what of the collection record stands for the configuration rather than for reads,
   * so the reasons are said in its terms. `entries`: the failed entries that hold unknown values (one per kind and
   * environment), `values`: how many values they hold, `modules`: modules not read (registry, git).
   */
  configuration?: { entries: number; values: number; modules: number };
}

/** What {@link decideGate} concluded, and why. */
export interface GateDecision {
  verdict: Verdict;
  /** One line per reason, for stderr: why the run did not pass. */
  reasons: string[];
}

/**
 * Incomplete wins over findings: a CI gate must not pass (or fail for the wrong reason) on a
 * scan that could not see everything. Rule errors count as incomplete for the same reason.
 * `allowIncomplete` accepts a partial read, never a snapshot with an environment of which nothing
 * was read, nor one without any environment: "no findings" there means "not looked".
 */
export function decideGate(result: AuditResult, options: GateOptions): GateDecision {
  const reasons: string[] = [];
  const configuration = options.configuration;
  // Over a live snapshot (terraform --snapshot) the record holds both: the snapshot's failed reads and the configuration's unknowns.
  const failedReads = result.collection.entries.filter(isFailedRead).length - (configuration?.entries ?? 0);
  // Rules out of scope (users are not in a Terraform configuration) are listed in every report, never as a pass, but they are no gap.
  const gaps = dataGapsOf(result.notEvaluated).length;
  const incomplete = !result.collection.complete || gaps > 0 || result.ruleErrors.length > 0;
  if (incomplete) {
    const parts = [
      failedReads > 0 ? `${failedReads} read(s) failed during collection` : '',
      (configuration?.values ?? 0) > 0 ? `${configuration?.values} value(s) the rules need are unknown in the Terraform configuration` : '',
      (configuration?.modules ?? 0) > 0 ? `${configuration?.modules} module(s) not audited (a registry or git source is not fetched)` : '',
      gaps > 0 ? `${gaps} rule/environment pair(s) not evaluated` : '',
      result.ruleErrors.length > 0 ? `${result.ruleErrors.length} rule error(s)` : '',
    ].filter(Boolean);
    reasons.push(`incomplete: ${parts.join(', ') || 'the collection record is marked incomplete'}${options.allowIncomplete ? ' (allowed by --allow-incomplete)' : ''}`);
  }
  const unread = unreadEnvironments(result.snapshot.environmentIds, result.collection.entries);
  const nothing = configuration === undefined ? 'no environment was read' : 'the Terraform configuration declares no PingOne resource in an environment';
  const unseen = result.snapshot.environmentIds.length === 0 ? [nothing] : unread.map((id) => `nothing was read in environment ${id}`);
  if (unseen.length > 0) reasons.push(`not audited: ${unseen.join('; ')}${options.allowIncomplete ? ' (--allow-incomplete accepts a partial read, not this)' : ''}`);
  const failing = gatingFindings(result, options.failOn, options.failOnNew === true).length;
  if (failing > 0) reasons.push(`${failing} ${options.failOnNew === true ? 'new ' : ''}finding(s) at or above --fail-on ${options.failOn}`);
  const overdue = options.failOnOverdue === true ? overdueFindings(result).length : 0;
  if (overdue > 0) reasons.push(`${overdue} planned fix(es) past their due date (--fail-on-overdue)`);
  const verdict: Verdict = unseen.length > 0 || (incomplete && !options.allowIncomplete) ? 'incomplete' : failing + overdue > 0 ? 'findings' : 'clean';
  return { verdict, reasons };
}
