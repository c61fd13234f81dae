import type { Snapshot } from '../snapshot/model.js';
import type { SnapshotIndex } from '../snapshot/lookup.js';
import { resourceFile } from '../snapshot/layout.js';
import type { ResolvedRule } from './config.js';
import { findDataGaps, type DataGaps } from './data-gaps.js';
import { fingerprintFinding } from './fingerprint.js';
import { orderFindings } from './order-findings.js';
import { renderMessage } from './render-message.js';
import { ruleContext } from './rule-context.js';
import { isSeverity } from './severity.js';
import {
  SEVERITIES,
  type AuditResult,
  type Finding,
  type NotEvaluated,
  type RuleEnvironmentResult,
  type RuleErrorRecord,
  type RuleIntegrations,
  type RuleReport,
  type Severity,
} from './types.js';

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
 * to collect (its reports there are dropped); a rule that throws, or returns a report it cannot
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
  const ruleErrors: RuleErrorRecord[] = [];
  const outcomes: Array<{ ruleId: string; gaps: DataGaps; errored: boolean }> = [];
  let rulesRun = 0;

  for (const resolvedRule of resolved) {
    const { rule } = resolvedRule;
    const gaps = findDataGaps(rule.meta.requires, manifest.collection.entries, scopes);
    for (const [environmentId, reasons] of gaps.reasons) notEvaluated.push({ ruleId: rule.id, environmentId, reasons });
    let errored = false;
    if (!gaps.everywhere) {
      rulesRun += 1;
      try {
        const reports = rule.check(snapshot, ruleContext(run, resolvedRule.options));
        if (!Array.isArray(reports)) throw new Error('check() did not return an array of reports.');
        // All reports are turned into findings before any is kept, so a rule bug discards the rule's output whole.
        const kept = reports.filter((report) => !gaps.reasons.has(report.resource?.environmentId ?? null));
        unordered.push(...kept.map((report) => toFinding(report, resolvedRule)));
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
      ...(options.snapshotPath === undefined ? {} : { path: options.snapshotPath }),
    },
    rules: resolved.map(({ rule, severity }) => ({ id: rule.id, severity, meta: rule.meta })),
    findings,
    suppressed: [],
    notEvaluated,
    ruleErrors,
    ruleResults: outcomes.flatMap((outcome) => ruleResults(outcome, scopes, counts)),
    collection: manifest.collection,
    summary: {
      findings: findings.length,
      bySeverity: countBySeverity(findings),
      suppressed: 0,
      notEvaluated: notEvaluated.length,
      ruleErrors: ruleErrors.length,
      rulesRun,
      collectionComplete: manifest.collection.complete,
    },
  };
}

function toFinding(report: RuleReport, { rule, severity }: ResolvedRule): Finding {
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
    resource: { ...resource },
    pointer,
    messageId: report.messageId,
    message: renderMessage(rule.meta.messages, report),
    data: { ...report.data },
    fingerprint: fingerprintFinding(rule.id, environmentId, resource.type, resource.id, pointer),
    location: { file: resourceFile(resource.type, resource.environmentId, resource.id) },
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
    const outcome = gaps.reasons.has(environmentId) ? 'not-evaluated' : errored ? 'error' : findings > 0 ? 'fail' : 'pass';
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

function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
