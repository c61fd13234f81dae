import type { Snapshot } from '../snapshot/model.js';
import type { SnapshotIndex } from '../snapshot/lookup.js';
import type { ResolvedRule } from './config.js';
import { findDataGaps, isOutOfScope, resourceGapKey, type DataGaps } from './data-gaps.js';
import { snapshotWarnings } from './snapshot-warnings.js';
import { fingerprintFinding } from './fingerprint.js';
import { orderFindings } from './order-findings.js';
import { renderMessage } from './render-message.js';
import { resourceFiles } from './resource-files.js';
import { ruleContext } from './rule-context.js';
import { countBySeverity, isSeverity } from './severity.js';
import {
  SEVERITIES,
  type AuditResult,
  type Finding,
  type NotEvaluated,
  type RuleEnvironmentResult,
  type RuleErrorRecord,
  type RuleIntegrations,
  type ResourceRef,
  type RuleReport,
  type SkippedResource,
} from './types.js';

/** What {@link runRules} needs besides the snapshot and the rules. */
export interface RunOptions {
  /** "Now" for the rules' date logic and `generatedAt`; fixed by the caller for reproducible runs. */
  now: Date;
  index: SnapshotIndex;
  /** The run's integration profiles, as rules see them. */
  integrations: RuleIntegrations;
  toolVersion: string;
  /** The snapshot folder, recorded in the result when the snapshot came from disk. */
  snapshotPath?: string;
}

/**
 * Runs the resolved rules over a snapshot. A rule is not evaluated where data it requires failed
 * to collect (its reports there are dropped), or only for the resources whose own data failed when
 * the rest of that kind was read; a rule that throws, or returns a report it cannot
 * render, becomes a rule error while the others run on. Findings come back sorted, one per
 * fingerprint; suppressions are applied later, so `suppressed` is empty here.
 */
export function runRules(snapshot: Snapshot, resolved: ResolvedRule[], options: RunOptions): AuditResult {
  const { manifest } = snapshot;
  const environmentIds = [...new Set([...manifest.environmentIds, ...snapshot.environments.map((env) => env.environment.id)])];
  const scopes: Array<string | null> = environmentIds.length > 0 ? environmentIds : [null];
  const run = { now: options.now, index: options.index, integrations: options.integrations };

  const unordered: Finding[] = [];
  const notEvaluated: NotEvaluated[] = [];
  const skipped: SkippedResource[] = [];
  const ruleErrors: RuleErrorRecord[] = [];
  const outcomes: Array<{ ruleId: string; gaps: DataGaps; errored: boolean }> = [];
  let rulesRun = 0;
  const fileOf = resourceFiles();

  for (const resolvedRule of resolved) {
    const { rule } = resolvedRule;
    const gaps = findDataGaps(rule.meta.requires, manifest.collection.entries, scopes);
    for (const [environmentId, reasons] of gaps.reasons) notEvaluated.push({ ruleId: rule.id, environmentId, reasons, ...scopeMark(reasons) });
    for (const [environmentId, gap] of gaps.resources) notEvaluated.push({ ruleId: rule.id, environmentId, ...gap, ...scopeMark(gap.reasons) });
    for (const [environmentId, reasons] of gaps.subjects) notEvaluated.push({ ruleId: rule.id, environmentId, reasons, outOfScope: true });
    let errored = false;
    if (!gaps.everywhere) {
      rulesRun += 1;
      const skips: SkippedResource[] = [];
      const leaveUnjudged = (resource: SkippedResource['resource'], reason: string) => void skips.push({ ruleId: rule.id, resource: { ...resource }, reason });
      try {
        const reports = rule.check(snapshot, ruleContext({ ...run, leaveUnjudged }, resolvedRule.options));
        if (!Array.isArray(reports)) throw new Error('check() did not return an array of reports.');
        // All reports are turned into findings before any is kept, so a rule bug discards the rule's output whole.
        const isInGap = gapTest(gaps);
        const findings = toFindings(reports, isInGap, resolvedRule, fileOf);
        for (const finding of findings) unordered.push(finding);
        for (const item of skips) if (!isInGap(item.resource)) skipped.push(item);
      } catch (error) {
        errored = true;
        ruleErrors.push(toRuleError(rule.id, error));
      }
    }
    outcomes.push({ ruleId: rule.id, gaps, errored });
  }

  const findings = orderFindings(unordered);
  const counts = countByRuleAndEnvironment(findings);
  return {
    tool: { name: 'pingone-audit', version: options.toolVersion },
    generatedAt: options.now.toISOString(),
    snapshot: {
      createdAt: manifest.createdAt,
      ...(manifest.organization === undefined ? {} : { organizationId: manifest.organization.id }),
      environmentIds,
      environments: snapshot.environments.map(({ environment }) => ({
        id: environment.id,
        name: environment.name,
        ...(environment.type === undefined ? {} : { type: environment.type }),
      })),
      applications: countApplications(snapshot),
      ...(options.snapshotPath === undefined ? {} : { path: options.snapshotPath }),
    },
    rules: resolved.map(({ rule, severity }) => ({ id: rule.id, severity, meta: rule.meta })),
    findings,
    suppressed: [],
    notEvaluated,
    ...(skipped.length === 0 ? {} : { skipped }),
    ruleErrors,
    ruleResults: outcomes.flatMap((outcome) => ruleResults(outcome, scopes, counts)),
    collection: manifest.collection,
    summary: {
      findings: findings.length,
      bySeverity: countBySeverity(findings),
      suppressed: 0,
      notEvaluated: notEvaluated.length,
      ...outOfScopeCount(notEvaluated),
      ruleErrors: ruleErrors.length,
      rulesRun,
      collectionComplete: manifest.collection.complete,
    },
    ...snapshotWarnings(snapshot, options.index),
  };
}

function countApplications(snapshot: Snapshot): NonNullable<AuditResult['snapshot']['applications']> {
  const applications = snapshot.environments.flatMap((env) => env.applications);
  const signingInThroughDaVinci = applications.filter((app) => (app._embedded?.flowPolicyAssignments?.length ?? 0) > 0).length;
  return { total: applications.length, signingInThroughDaVinci };
}

function scopeMark(reasons: NotEvaluated['reasons']): Pick<NotEvaluated, 'outOfScope'> {
  return isOutOfScope(reasons) ? { outOfScope: true } : {};
}

/** The summary's `outOfScope` count of `notEvaluated` (the pairs out of scope only), absent when none. */
export function outOfScopeCount(notEvaluated: readonly NotEvaluated[]): Pick<AuditResult['summary'], 'outOfScope'> {
  const count = notEvaluated.filter((item) => item.outOfScope === true).length;
  return count === 0 ? {} : { outOfScope: count };
}

/**
 * A test for reports about data the rule could not see: a whole environment, or one resource whose
 * own reads failed (looked up in a set, so thousands of failed users cost no more per report than one).
 */
function gapTest(gaps: DataGaps): (resource: RuleReport['resource'] | undefined) => boolean {
  if (gaps.reasons.size === 0 && gaps.resources.size === 0) return () => false;
  const unknown = new Map([...gaps.resources].map(([environmentId, gap]) => [environmentId, new Set(gap.resources.map((ref) => resourceGapKey(ref.type, ref.id)))]));
  return (resource) => {
    const environmentId = resource?.environmentId ?? null;
    if (gaps.reasons.has(environmentId)) return true;
    return resource !== undefined && unknown.get(environmentId)?.has(resourceGapKey(resource.type, resource.id)) === true;
  };
}

/** The rule's reports outside its data gaps as findings, in report order; throws on a report it cannot render. */
function toFindings(reports: readonly RuleReport[], isInGap: (resource: ResourceRef) => boolean, resolvedRule: ResolvedRule, fileOf: (resource: ResourceRef) => string): Finding[] {
  const findings: Finding[] = [];
  for (const report of reports) {
    if (!isInGap(report.resource)) findings.push(toFinding(report, resolvedRule, fileOf));
  }
  return findings;
}

/**
 * The report's own resource and data objects are kept, not copied: a rule builds them for its
 * reports, and nothing after the engine changes them.
 */
function toFinding(report: RuleReport, { rule, severity }: ResolvedRule, fileOf: (resource: ResourceRef) => string): Finding {
  const { resource, pointer } = report;
  if (report.severity !== undefined && !isSeverity(report.severity)) {
    throw new Error(`Report severity ${JSON.stringify(report.severity)} is not one of ${SEVERITIES.join(', ')}.`);
  }
  if (typeof pointer !== 'string' || (pointer !== '' && !pointer.startsWith('/'))) {
    throw new Error(`Report pointer ${JSON.stringify(pointer)} is not a JSON pointer ("" or "/…").`);
  }
  const environmentId = resource.environmentId ?? null;
  return {
    ruleId: rule.id,
    severity: report.severity ?? severity,
    environmentId,
    resource,
    pointer,
    messageId: report.messageId,
    message: renderMessage(rule.meta.messages, report),
    data: report.data,
    fingerprint: fingerprintFinding(rule.id, environmentId, resource.type, resource.id, pointer),
    location: { file: fileOf(resource) },
  };
}

function toRuleError(ruleId: string, error: unknown): RuleErrorRecord {
  if (!(error instanceof Error)) return { ruleId, message: String(error) };
  return { ruleId, message: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) };
}

/** One result per environment, plus one for the organization when the rule reported org-wide resources. */
function ruleResults(
  { ruleId, gaps, errored }: { ruleId: string; gaps: DataGaps; errored: boolean },
  scopes: Array<string | null>,
  counts: Map<string, Map<string | null, number>>,
): RuleEnvironmentResult[] {
  const byEnvironment = counts.get(ruleId) ?? new Map<string | null, number>();
  const allScopes = byEnvironment.has(null) && !scopes.includes(null) ? [null, ...scopes] : scopes;
  return allScopes.map((environmentId) => {
    const findings = byEnvironment.get(environmentId) ?? 0;
    // Resources left unjudged for missing or out-of-scope data make a clean environment not evaluated, never a pass.
    const partial = gaps.resources.has(environmentId) || gaps.subjects.has(environmentId);
    const outcome = gaps.reasons.has(environmentId) ? 'not-evaluated' : errored ? 'error' : findings > 0 ? 'fail' : partial ? 'not-evaluated' : 'pass';
    return { ruleId, environmentId, outcome, findings };
  });
}

/** Rule id → environment id → number of findings. */
function countByRuleAndEnvironment(findings: Finding[]): Map<string, Map<string | null, number>> {
  const counts = new Map<string, Map<string | null, number>>();
  for (const { ruleId, environmentId } of findings) {
    const byEnvironment = counts.get(ruleId) ?? new Map<string | null, number>();
    byEnvironment.set(environmentId, (byEnvironment.get(environmentId) ?? 0) + 1);
    counts.set(ruleId, byEnvironment);
  }
  return counts;
}
