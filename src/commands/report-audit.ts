import { loadAuditSetup, type AuditSetup } from '../audit/audit-setup.js';
import { auditSnapshot } from '../audit/audit-snapshot.js';
import { folderFileSource, resolveFindingLines, type SnapshotFileSource } from '../snapshot/locate-line.js';
import type { Snapshot } from '../snapshot/model.js';
import type { Verdict } from '../verdict.js';
import { resolvePath, type CommandContext } from './context.js';
import { pairOutputs } from './output-targets.js';
import { reviewArgs } from './review-flags.js';
import type { ReportFlags } from './output-options.js';
import { reportResult } from './report-result.js';
import { applyHistory } from '../history/apply-history.js';
import { historyFlag } from './history-flag.js';

/** What {@link auditAndReport} audits, and how it reports. */
export interface AuditAndReportInput {
  snapshot: Snapshot;
  /** The snapshot folder on disk as the user named it, when there is one: findings then point at its files and lines. */
  snapshotDir?: string | undefined;
  /**
   * The texts of the snapshot's files as they were loaded (or as they would be written, for a snapshot kept in memory);
   * read from `snapshotDir` when absent (a snapshot just written). Findings get no lines when there are neither.
   */
  snapshotFiles?: SnapshotFileSource;
  /** The parsed flags of `withReportOptions`. */
  flags: ReportFlags;
  context: CommandContext;
  now?: Date;
  /** Config, suppressions and baseline as {@link loadReportSetup} read them; read here when absent. */
  setup?: AuditSetup;
}

/**
 * Reads and checks the config, suppressions and baseline files the flags name (or the defaults in
 * the working directory). `scan` and `demo` call it before any request: a typo in `--config` must
 * fail in a second, not after the whole collection.
 */
export function loadReportSetup(flags: ReportFlags, { io }: CommandContext): AuditSetup {
  const review = reviewArgs(flags);
  const setup = loadAuditSetup({
    config: flags.config,
    suppressions: review.suppressions,
    baseline: review.baseline === undefined ? undefined : resolvePath(io, review.baseline),
    dispositions: review.dispositions,
    cwd: io.cwd,
  });
  const history = historyFlag(flags, io);
  return history === undefined ? setup : { ...setup, history };
}

/**
 * Audit, write every requested report, print the one-line summary and the gate's reasons on
 * stderr, and return the gate's verdict: the tail shared by `audit`, `scan` and `demo`.
 */
export async function auditAndReport(input: AuditAndReportInput): Promise<Verdict> {
  const { snapshot, snapshotDir, flags, context } = input;
  reviewArgs(flags);
  const targets = pairOutputs(context.rawArgv);
  const setup = input.setup ?? loadReportSetup(flags, context);
  const result = auditSnapshot(snapshot, setup, input.now ?? new Date(), snapshotDir);
  const files = input.snapshotFiles ?? (snapshotDir === undefined ? undefined : folderFileSource(resolvePath(context.io, snapshotDir)));
  if (files !== undefined) resolveFindingLines(result, files);
  return reportResult(setup.history === undefined ? result : applyHistory(result, setup.history), { flags, context, targets, snapshotDir });
}
