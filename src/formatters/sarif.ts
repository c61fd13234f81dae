import type { Notification, Run } from 'sarif';
import { compareFindings } from '../engine/order-findings.js';
import type { AuditResult, Finding } from '../engine/types.js';
import { UserFacingError } from '../errors.js';
import { utf8Blocks } from '../output/byte-blocks.js';
import { DEFAULT_INFORMATION_URI, type FormatContext } from './format-context.js';
import { toInvocation, type RuleIndex } from './sarif-invocation.js';
import { artifactUriJson, SOURCE_ROOT } from './sarif-location.js';
import { sarifResultWriter } from './sarif-result-text.js';
import { toReportingDescriptor } from './sarif-rules.js';
import { sarifLogPieces, sarifRunText, type SarifRunParts } from './sarif-text.js';
import { MAX_RUNS, MAX_UPLOAD_GZIP_BYTES, type PrintedStore, type SarifUpload, sarifUploads } from './sarif-uploads.js';

/** GitHub code scanning rejects a run with more results (docs.github.com, Code security → SARIF results exceed one or more limits). */
export const MAX_RESULTS_PER_RUN = 25_000;

/** `automationDetails.id` of a run: GitHub's category, one per environment. */
function automationId(environmentId: string | null): string {
  return `pingone-audit/${environmentId ?? 'organization'}/`;
}

/**
 * SARIF 2.1.0 for GitHub code scanning: one run per environment plus one for organization-wide
 * findings. The organization run is always there, even empty, so that GitHub closes alerts that
 * were fixed (it only closes alerts of a category it receives again). Suppressed findings are left
 * out unless `context.includeSuppressed`, because GitHub ignores `suppressions` and would open them.
 * Laid out as `JSON.stringify(log, null, 2)` would, but each result compact on a line.
 * @throws UserFacingError `report-too-large` beyond {@link MAX_RUNS} runs, more than one upload takes.
 */
export function formatSarif(result: AuditResult, context: FormatContext): string {
  return Buffer.concat([...formatSarifChunks(result, context)]).toString('utf8');
}

/**
 * {@link formatSarif} as UTF-8 blocks of about 1 MiB, each made as it is written (whole text each: no character
 * is cut between two): the log is never held whole.
 */
export function formatSarifChunks(result: AuditResult, context: FormatContext): Iterable<Buffer> {
  return utf8Blocks(sarifLogPieces(sarifRunParts(result, context).map(sarifRunText), (text) => text));
}

function sarifRunParts(result: AuditResult, context: FormatContext): SarifRunParts[] {
  const scopes = runScopes(result);
  if (scopes.length > MAX_RUNS) {
    throw new UserFacingError(
      'report-too-large',
      `The SARIF report would have ${scopes.length} runs (one per environment and one for the organization); GitHub code scanning accepts at most ${MAX_RUNS} in one upload.`,
      { hint: `Audit at most ${MAX_RUNS - 1} environments per SARIF file and upload each file separately.` },
    );
  }
  return sarifRuns(result, context, scopes);
}

/**
 * The SARIF of {@link formatSarif}, printed once, cut into logs that GitHub takes in one upload each: at most
 * {@link MAX_RUNS} runs and `maxGzipBytes` gzipped, in run order (the organization's run last); the printed runs wait
 * in `store` (in memory when absent) until the cut is decided.
 */
export function buildSarifUploads(result: AuditResult, context: FormatContext, maxGzipBytes = MAX_UPLOAD_GZIP_BYTES, store?: PrintedStore): Promise<SarifUpload[]> {
  return sarifUploads(sarifRuns(result, context, runScopes(result)), maxGzipBytes, store);
}

function sarifRuns(result: AuditResult, context: FormatContext, scopes: Array<string | null>): SarifRunParts[] {
  const informationUri = context.toolInformationUri ?? DEFAULT_INFORMATION_URI;
  const rules = [...result.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Every run lists the same rules: their descriptors (help texts included) are made once.
  const descriptors = rules.map((rule) => toReportingDescriptor(rule, informationUri));
  const ruleIndex: RuleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  // Several findings point at one resource file: its URI is escaped once, as URI and as JSON.
  const uris = new Map<string, string>();
  const uriJson = artifactUriJson(context.snapshotDir);
  const uriJsonOf = (file: string) => {
    let uri = uris.get(file);
    if (uri === undefined) uris.set(file, (uri = uriJson(file)));
    return uri;
  };
  const { suppressed, reported } = reportedFindings(result, context);
  const writeResult = sarifResultWriter();
  const fixed = context.includeFixed ? (result.baseline?.fixed ?? []) : [];

  return scopes.map((environmentId): SarifRunParts => {
    const { kept, cut } = mostSevere(
      reported.filter((finding) => finding.environmentId === environmentId),
      suppressed,
    );
    const cutNotice: Notification[] =
      cut === 0
        ? []
        : [
            {
              level: 'warning',
              message: {
                text: `${cut} of ${kept.length + cut} results were left out of this run: GitHub accepts at most ${MAX_RESULTS_PER_RUN} per run. The most severe were kept; the JSON report lists them all.`,
              },
              descriptor: { id: 'results-truncated' },
            },
          ];
    const run: Run = {
      tool: {
        driver: {
          name: result.tool.name,
          version: result.tool.version,
          semanticVersion: result.tool.version,
          informationUri,
          rules: descriptors,
        },
      },
      automationDetails: {
        id: automationId(environmentId),
        description: { text: environmentId === null ? 'PingOne organization-wide resources' : `PingOne environment ${environmentId}` },
      },
      originalUriBaseIds: { [SOURCE_ROOT]: { description: { text: 'The repository root; snapshot files are located relative to it.' } } },
      invocations: [toInvocation(result, environmentId, ruleIndex, cutNotice)],
      results: [],
      columnKind: 'utf16CodeUnits',
      properties: { environmentId, snapshotCreatedAt: result.snapshot.createdAt, ...baselineProperties(result, environmentId) },
    };
    const absent = fixed.filter((finding) => finding.environmentId === environmentId).slice(0, Math.max(0, MAX_RESULTS_PER_RUN - kept.length));
    const resultText = (finding: Finding, absent: boolean) =>
      writeResult({ finding, ruleIndex: ruleIndex.get(finding.ruleId), uriJson: uriJsonOf(finding.location.file), suppressed: !absent && suppressed.has(finding), absent });
    // Printed one at a time as they are written: a run never holds its results.
    function* results(): Generator<string> {
      for (const finding of kept) yield resultText(finding, false);
      for (const finding of absent) yield resultText(finding, true);
    }
    return { run, results, resultCount: kept.length + absent.length };
  });
}

/** What the SARIF reports: the findings, and the suppressed ones when asked for. */
function reportedFindings(result: AuditResult, context: FormatContext): { suppressed: ReadonlySet<Finding>; reported: Finding[] } {
  const suppressed = new Set(context.includeSuppressed ? result.suppressed : []);
  return { suppressed, reported: [...result.findings, ...suppressed] };
}

/**
 * How many results the SARIF report leaves out: beyond {@link MAX_RESULTS_PER_RUN} in one run (GitHub's limit
 * per run, https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning#validating-your-sarif-file),
 * the most severe are kept and the run says how many were cut; this is their sum over the runs, for the CLI to say.
 */
export function sarifResultsLeftOut(result: AuditResult, context: FormatContext): number {
  const perScope = new Map<string | null, number>();
  for (const finding of reportedFindings(result, context).reported) perScope.set(finding.environmentId, (perScope.get(finding.environmentId) ?? 0) + 1);
  let leftOut = 0;
  for (const count of perScope.values()) leftOut += Math.max(0, count - MAX_RESULTS_PER_RUN);
  return leftOut;
}

/** The run's counts against the baseline, so that a reader of the SARIF alone sees what was fixed. */
function baselineProperties(result: AuditResult, environmentId: string | null): { baseline?: Record<string, unknown> } {
  if (result.baseline === undefined) return {};
  const here = (finding: Finding) => finding.environmentId === environmentId;
  const count = (state: Finding['baselineState']) => result.findings.filter((finding) => here(finding) && finding.baselineState === state).length;
  return {
    baseline: {
      generatedAt: result.baseline.generatedAt,
      new: count('new'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      fixed: result.baseline.fixed.filter(here).length,
    },
  };
}

/** Environments in snapshot order (plus any only the findings name), then the organization. */
function runScopes(result: AuditResult): Array<string | null> {
  const fromFindings = new Set<string>();
  for (const finding of [...result.findings, ...result.suppressed]) if (finding.environmentId !== null) fromFindings.add(finding.environmentId);
  return [...new Set([...result.snapshot.environmentIds, ...[...fromFindings].sort()]), null];
}

function mostSevere(findings: Finding[], suppressed: ReadonlySet<Finding>): { kept: Finding[]; cut: number } {
  if (findings.length <= MAX_RESULTS_PER_RUN) return { kept: findings, cut: 0 };
  // Open findings outrank suppressed ones of any severity.
  const ordered = [...findings].sort((a, b) => Number(suppressed.has(a)) - Number(suppressed.has(b)) || compareFindings(a, b));
  return { kept: ordered.slice(0, MAX_RESULTS_PER_RUN), cut: findings.length - MAX_RESULTS_PER_RUN };
}
