import type { AuditResult, BaselineComparison, RuleEnvironmentResult } from '../engine/types.js';
import { outOfScopeCount } from '../engine/run-rules.js';
import { UserFacingError } from '../errors.js';
import type { ReadReport } from '../report/read-report.js';
import { withFindings } from '../suppressions/recount.js';

const HINT = 'Merge the JSON reports of one CI matrix: one report per environment (or organization), all written by the same pingone-audit version.';

/**
 * Combines the JSON reports of a CI matrix (one job per environment or organization) into the result
 * one audit of all their environments gives: findings, suppressed findings, data gaps, rule outcomes and
 * collection records side by side, the summary counted again. Organization-wide entries that every
 * report carries (built-in roles) are kept once, by fingerprint or by value. The merged run is as old
 * as its oldest snapshot and as late as its latest audit; it is complete only when every input is.
 * Pure: the reports are read by `readReportFile`.
 * @throws UserFacingError `argument-invalid` when no report is given, when an environment is in
 *   two reports, or when the reports come from different tool versions (their rules and fingerprints may differ).
 */
export function mergeReports(reports: readonly ReadReport[]): AuditResult {
  const [first] = reports;
  if (first === undefined) {
    throw new UserFacingError('argument-invalid', `merge needs at least one JSON report.`, { hint: HINT });
  }
  refuseMixedVersions(reports);
  refuseDuplicateEnvironments(reports);
  const results = reports.map((report) => report.result);
  const all = <T>(pick: (result: AuditResult) => readonly T[] | undefined): T[] => results.flatMap((result) => [...(pick(result) ?? [])]);
  const organizations = new Set(results.map((result) => result.snapshot.organizationId));
  const [organizationId] = organizations;
  const skipped = uniqueByValue(all((result) => result.skipped));
  const warnings = uniqueByValue(all((result) => result.warnings));
  const notEvaluated = uniqueByValue(all((result) => result.notEvaluated));
  const ruleErrors = uniqueByValue(all((result) => result.ruleErrors));
  const ruleResults = uniqueBy(
    all((result) => result.ruleResults),
    outcomeKey,
  );
  const complete = results.every((result) => result.collection.complete);
  const baseline = mergeBaselines(results);
  const merged: AuditResult = {
    tool: first.result.tool,
    generatedAt: latest(results.map((result) => result.generatedAt)),
    snapshot: {
      createdAt: earliest(results.map((result) => result.snapshot.createdAt)),
      ...(organizations.size === 1 && organizationId !== undefined ? { organizationId } : {}),
      environmentIds: all((result) => result.snapshot.environmentIds),
      environments: all((result) => result.snapshot.environments),
      applications: {
        total: sum(results.map((result) => result.snapshot.applications?.total ?? 0)),
        signingInThroughDaVinci: sum(results.map((result) => result.snapshot.applications?.signingInThroughDaVinci ?? 0)),
      },
      exposure: {
        administrative: [...new Set(all((result) => result.snapshot.exposure?.administrative))].sort(),
        integrations: [...new Set(all((result) => result.snapshot.exposure?.integrations))].sort(),
      },
    },
    rules: uniqueBy(
      all((result) => result.rules),
      (rule) => rule.id,
    ),
    findings: [],
    suppressed: [],
    notEvaluated,
    ...(skipped.length === 0 ? {} : { skipped }),
    ruleErrors,
    ruleResults,
    collection: {
      ...first.result.collection,
      complete,
      entries: uniqueByValue(all((result) => result.collection.entries)),
      ...mergeCollectionNotes(results),
    },
    summary: {
      ...withoutOutOfScope(first.result.summary),
      notEvaluated: notEvaluated.length,
      ...outOfScopeCount(notEvaluated),
      ruleErrors: ruleErrors.length,
      rulesRun: rulesThatRan(results).size,
      collectionComplete: complete,
    },
    ...(warnings.length === 0 ? {} : { warnings }),
    ...(baseline === undefined ? {} : { baseline }),
  };
  return withFindings(
    merged,
    all((result) => result.findings),
    all((result) => result.suppressed),
  );
}

/** The first report's summary without its own out-of-scope count, which the merged one recounts over every report. */
function withoutOutOfScope(summary: AuditResult['summary']): AuditResult['summary'] {
  const { outOfScope: _, ...rest } = summary;
  return rest;
}

function refuseMixedVersions(reports: readonly ReadReport[]): void {
  const versions = new Map<string, string>();
  for (const { file, result } of reports) if (!versions.has(result.tool.version)) versions.set(result.tool.version, file);
  if (versions.size <= 1) return;
  const list = [...versions].map(([version, file]) => `${version} (${file})`).join(', ');
  throw new UserFacingError('argument-invalid', `The reports come from different pingone-audit versions: ${list}.`, {
    hint: 'Rules and fingerprints change between versions: run every job of the matrix with the same version (pin it, e.g. npx pingone-audit@<version>) and merge again.',
  });
}

function refuseDuplicateEnvironments(reports: readonly ReadReport[]): void {
  const seen = new Map<string, string>();
  for (const { file, result } of reports) {
    for (const environmentId of new Set(result.snapshot.environmentIds)) {
      const other = seen.get(environmentId);
      if (other !== undefined) {
        throw new UserFacingError('argument-invalid', `Environment ${environmentId} is in two reports: ${other} and ${file}.`, {
          hint: 'Each environment must be audited by one job of the matrix only: drop one of the two reports, or collect that environment in one job.',
        });
      }
      seen.set(environmentId, file);
    }
  }
}

/**
 * Rules that ran somewhere: a rule counts as run in a report unless data it needs was missing
 * everywhere there, that is unless each of its outcomes is "not evaluated" for a whole environment.
 */
function rulesThatRan(results: readonly AuditResult[]): Set<string> {
  const ran = new Set<string>();
  for (const result of results) {
    const partial = new Set(result.notEvaluated.filter((entry) => entry.resources !== undefined).map((entry) => outcomeKey(entry)));
    for (const entry of result.ruleResults) if (entry.outcome !== 'not-evaluated' || partial.has(outcomeKey(entry))) ran.add(entry.ruleId);
  }
  return ran;
}

function outcomeKey(entry: Pick<RuleEnvironmentResult, 'ruleId' | 'environmentId'>): string {
  return `${entry.ruleId}\u0000${entry.environmentId ?? ''}`;
}

function mergeCollectionNotes(results: readonly AuditResult[]): Pick<AuditResult['collection'], 'requestsByEndpoint' | 'notes'> {
  const requests: Record<string, number> = {};
  for (const result of results) for (const [endpoint, count] of Object.entries(result.collection.requestsByEndpoint ?? {})) requests[endpoint] = (requests[endpoint] ?? 0) + count;
  const notes = [...new Set(results.flatMap((result) => result.collection.notes ?? []))];
  return { ...(Object.keys(requests).length === 0 ? {} : { requestsByEndpoint: requests }), ...(notes.length === 0 ? {} : { notes }) };
}

/** The reports' baseline comparisons added up, when every report was compared with one. */
function mergeBaselines(results: readonly AuditResult[]): BaselineComparison | undefined {
  const baselines = results.map((result) => result.baseline);
  if (baselines.some((baseline) => baseline === undefined)) return undefined;
  const present = baselines as BaselineComparison[];
  return {
    generatedAt: earliest(present.map((baseline) => baseline.generatedAt)),
    new: sum(present.map((baseline) => baseline.new)),
    unchanged: sum(present.map((baseline) => baseline.unchanged)),
    updated: sum(present.map((baseline) => baseline.updated)),
    fixed: uniqueBy(
      present.flatMap((baseline) => baseline.fixed),
      (finding) => finding.fingerprint,
    ),
  };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function uniqueByValue<T>(items: readonly T[]): T[] {
  return uniqueBy(items, (item) => JSON.stringify(item));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** ISO 8601 instants, compared as instants. */
function earliest(instants: readonly string[]): string {
  return instants.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}

function latest(instants: readonly string[]): string {
  return instants.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}
