import path from 'node:path';
import { decideGate } from '../audit/gate.js';
import { auditSnapshot } from '../audit/audit-snapshot.js';
import { loadConfig } from '../engine/load-config.js';
import type { AuditResult, AuditWarning, Severity } from '../engine/types.js';
import { applyBaseline, loadBaseline, type BaselineReport } from '../baseline/index.js';
import { applySuppressions, loadSuppressions, type LoadedSuppressions } from '../suppressions/index.js';
import { formatters, isFormatName, type FormatContext } from '../formatters/index.js';
import { summaryParts } from '../formatters/summary-line.js';
import { resolveFindingLines } from '../snapshot/locate-line.js';
import type { Snapshot } from '../snapshot/model.js';
import type { CommandContext } from './context.js';
import { pairOutputs, writeReports, type ReviewArgs } from './output-options.js';

/** The report flags as yargs parsed them (see `withReportOptions`). */
export interface ReportArgs {
  failOn: Severity | 'none';
  allowIncomplete: boolean;
  config?: string | undefined;
  /** Suppressions, baseline and what reports keep; absent: the default suppressions file, no baseline. */
  review?: ReviewArgs;
}

export interface AuditAndReportInput {
  snapshot: Snapshot;
  /** The snapshot folder on disk, when there is one: findings then point at its files and lines. */
  snapshotDir?: string;
  args: ReportArgs;
  context: CommandContext;
  /** Format when no --format is given. */
  defaultFormat?: string;
  now?: Date;
}

/**
 * Audit, write every requested report, print the one-line summary and the gate's reasons on
 * stderr, and record the verdict: the tail shared by `audit`, `scan` and `demo`.
 */
export async function auditAndReport(input: AuditAndReportInput): Promise<AuditResult> {
  const { snapshot, snapshotDir, args, context } = input;
  const targets = pairOutputs(context.rawArgv, input.defaultFormat ?? 'table');
  const config = loadConfig(args.config);
  const review = args.review;
  // Read before auditing, so that a bad file fails fast (exit 2).
  const suppressions = review?.suppressions === false ? undefined : loadSuppressions(review?.suppressions);
  const baseline = review?.baseline === undefined ? undefined : loadBaseline(review.baseline);
  const audited = auditSnapshot(snapshot, {
    config,
    ...(input.now === undefined ? {} : { now: input.now }),
    ...(snapshotDir === undefined ? {} : { snapshotPath: snapshotDir }),
  });
  if (snapshotDir !== undefined) resolveFindingLines(audited, snapshotDir);
  const result = reviewResult(audited, suppressions, baseline);
  for (const warning of result.warnings ?? []) process.stderr.write(`warning: ${describeWarning(warning)}\n`);

  const formatContext: FormatContext = {
    color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
    ...(process.stdout.columns === undefined ? {} : { columns: process.stdout.columns }),
    ...(snapshotDir === undefined ? {} : relativeSnapshotDir(snapshotDir)),
    includeSuppressed: review?.includeSuppressed === true,
    includeFixed: review?.includeFixed === true,
  };
  await writeReports(targets, (format) => {
    if (!isFormatName(format)) throw new Error(`No formatter is registered for "${format}".`);
    return formatters[format](result, formatContext);
  });

  const gate = decideGate(result, { failOn: args.failOn, allowIncomplete: args.allowIncomplete, failOnNew: review?.failOnNew === true });
  const stdoutIsTable = targets.some((target) => target.format === 'table' && target.file === undefined);
  if (!stdoutIsTable) process.stderr.write(`${summaryParts(result).map((part) => part.text).join(' · ')}\n`);
  for (const reason of gate.reasons) process.stderr.write(`${reason}\n`);
  context.setVerdict(gate.verdict);
  return result;
}

/**
 * Suppressions right after the rules, then the baseline: a finding that a suppression no longer
 * covers is compared as open, so it can count as new. Without a suppressions file (or with
 * --no-suppressions) every finding stays open; the latter is said in the result's warnings.
 */
function reviewResult(result: AuditResult, suppressions: LoadedSuppressions | undefined, baseline: BaselineReport | undefined): AuditResult {
  let reviewed = result;
  if (suppressions === undefined) {
    reviewed = { ...reviewed, warnings: [...(reviewed.warnings ?? []), { code: 'suppressions-ignored', message: '--no-suppressions: every suppression was ignored; all findings are reported.' }] };
  } else if (suppressions.entries.length > 0) {
    reviewed = applySuppressions(reviewed, suppressions.entries, new Date(result.generatedAt));
  }
  return baseline === undefined ? reviewed : applyBaseline(reviewed, baseline);
}

function describeWarning(warning: AuditWarning): string {
  const where = warning.file === undefined ? '' : `${warning.file}${warning.pointer === undefined ? '' : ` ${warning.pointer}`}: `;
  return `${where}${warning.message}`;
}

/** SARIF locations must be relative to the repository; a folder outside the working directory has none. */
function relativeSnapshotDir(snapshotDir: string): { snapshotDir?: string } {
  const relative = path.relative(process.cwd(), path.resolve(snapshotDir));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return {};
  return { snapshotDir: relative === '' ? '.' : relative };
}
