import path from 'node:path';
import { decideGate } from '../audit/gate.js';
import { auditSnapshot } from '../audit/audit-snapshot.js';
import { loadConfig } from '../engine/load-config.js';
import type { AuditResult, Severity } from '../engine/types.js';
import { formatters, isFormatName, type FormatContext } from '../formatters/index.js';
import { summaryParts } from '../formatters/summary-line.js';
import { resolveFindingLines } from '../snapshot/locate-line.js';
import type { Snapshot } from '../snapshot/model.js';
import type { CommandContext } from './context.js';
import { pairOutputs, writeReports } from './output-options.js';

/** The report flags as yargs parsed them (see `withReportOptions`). */
export interface ReportArgs {
  failOn: Severity | 'none';
  allowIncomplete: boolean;
  config?: string | undefined;
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
  const result = auditSnapshot(snapshot, {
    config,
    ...(input.now === undefined ? {} : { now: input.now }),
    ...(snapshotDir === undefined ? {} : { snapshotPath: snapshotDir }),
  });
  if (snapshotDir !== undefined) resolveFindingLines(result, snapshotDir);

  const formatContext: FormatContext = {
    color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
    ...(process.stdout.columns === undefined ? {} : { columns: process.stdout.columns }),
    ...(snapshotDir === undefined ? {} : relativeSnapshotDir(snapshotDir)),
  };
  await writeReports(targets, (format) => {
    if (!isFormatName(format)) throw new Error(`No formatter is registered for "${format}".`);
    return formatters[format](result, formatContext);
  });

  const gate = decideGate(result, { failOn: args.failOn, allowIncomplete: args.allowIncomplete });
  const stdoutIsTable = targets.some((target) => target.format === 'table' && target.file === undefined);
  if (!stdoutIsTable) process.stderr.write(`${summaryParts(result).map((part) => part.text).join(' · ')}\n`);
  for (const reason of gate.reasons) process.stderr.write(`${reason}\n`);
  context.setVerdict(gate.verdict);
  return result;
}

/** SARIF locations must be relative to the repository; a folder outside the working directory has none. */
function relativeSnapshotDir(snapshotDir: string): { snapshotDir?: string } {
  const relative = path.relative(process.cwd(), path.resolve(snapshotDir));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return {};
  return { snapshotDir: relative === '' ? '.' : relative };
}
