import path from 'node:path';
import { decideGate } from '../audit/gate.js';
import { loadAuditSetup, type AuditSetup } from '../audit/audit-setup.js';
import { auditSnapshot } from '../audit/audit-snapshot.js';
import type { AuditWarning } from '../engine/types.js';
import { formatterFor, type FormatContext } from '../formatters/index.js';
import { summaryParts } from '../formatters/summary-line.js';
import { stderrLines } from '../output/stderr-line.js';
import { resolveFindingLines } from '../snapshot/locate-line.js';
import type { Snapshot } from '../snapshot/model.js';
import type { Verdict } from '../verdict.js';
import { resolvePath, type CommandContext } from './context.js';
import { terminalColumns, useColor } from './io.js';
import { pairOutputs, reviewArgs, throwIfReportsFailed, writeReports, type FailOn, type ReportFlags } from './output-options.js';

/** Formats for people at a terminal, as `--format` names them. */
const TERMINAL_FORMATS: ReadonlySet<string> = new Set(['stylish', 'grid', 'table']);

export interface AuditAndReportInput {
  snapshot: Snapshot;
  /** The snapshot folder on disk as the user named it, when there is one: findings then point at its files and lines. */
  snapshotDir?: string | undefined;
  /** The parsed flags of `withReportOptions`. */
  flags: ReportFlags;
  context: CommandContext;
  /** True when the snapshot folder is removed once the run ends (the demo's temporary one): reports do not point at it. */
  snapshotRemoved?: boolean;
  /** Format when no --format is given. */
  defaultFormat?: string;
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
  return loadAuditSetup({
    config: flags.config,
    suppressions: review.suppressions,
    baseline: review.baseline === undefined ? undefined : resolvePath(io, review.baseline),
    dispositions: review.dispositions,
    cwd: io.cwd,
  });
}

/**
 * Audit, write every requested report, print the one-line summary and the gate's reasons on
 * stderr, and return the gate's verdict: the tail shared by `audit`, `scan` and `demo`.
 */
export async function auditAndReport(input: AuditAndReportInput): Promise<Verdict> {
  const { snapshot, snapshotDir, flags, context } = input;
  const { io } = context;
  const review = reviewArgs(flags);
  const targets = pairOutputs(context.rawArgv, input.defaultFormat ?? 'stylish');
  const setup = input.setup ?? loadReportSetup(flags, context);
  const result = auditSnapshot(snapshot, setup, input.now ?? new Date(), snapshotDir);
  if (snapshotDir !== undefined) resolveFindingLines(result, resolvePath(io, snapshotDir));
  for (const warning of result.warnings ?? []) io.stderr.write(stderrLines([`warning: ${describeWarning(warning)}`]));

  const failOn = gateSeverity(flags['fail-on'], review.failOnOverdue, context.rawArgv);
  const gate = decideGate(result, { failOn, allowIncomplete: flags['allow-incomplete'] === true, failOnNew: review.failOnNew, failOnOverdue: review.failOnOverdue });
  const formatContext: FormatContext = {
    color: useColor(io),
    columns: terminalColumns(io),
    ...(snapshotDir === undefined ? {} : relativeSnapshotDir(io.cwd, snapshotDir)),
    ...(snapshotDir === undefined || input.snapshotRemoved === true ? {} : { snapshotFolder: snapshotDir }),
    includeSuppressed: review.includeSuppressed,
    includeFixed: review.includeFixed,
    verbose: flags.verbose === true,
    ...(flags.framework === undefined ? {} : { framework: flags.framework }),
    gate: { verdict: gate.verdict, failOn, failOnNew: review.failOnNew },
  };
  const failures = await writeReports(context, targets, (format) => {
    const formatter = formatterFor(format);
    if (formatter === undefined) throw new Error(`No formatter is registered for "${format}".`);
    return formatter(result, formatContext);
  });

  // The terminal reports carry the summary; without one on stdout, the summary goes to stderr.
  const summaryShown = targets.some((target) => TERMINAL_FORMATS.has(target.format) && target.file === undefined && !failures.some((failure) => failure.target === target));
  if (!summaryShown)
    io.stderr.write(
      `${summaryParts(result)
        .map((part) => part.text)
        .join(' · ')}\n`,
    );
  io.stderr.write(stderrLines(gate.reasons));
  throwIfReportsFailed(failures);
  return gate.verdict;
}

function describeWarning(warning: AuditWarning): string {
  const where = warning.file === undefined ? '' : `${warning.file}${warning.pointer === undefined ? '' : ` ${warning.pointer}`}: `;
  return `${where}${warning.message}`;
}

/** SARIF locations must be relative to the repository; a folder outside the working directory has none. */
function relativeSnapshotDir(cwd: string, snapshotDir: string): { snapshotDir?: string } {
  const relative = path.relative(cwd, path.resolve(cwd, snapshotDir));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return {};
  return { snapshotDir: relative === '' ? '.' : relative };
}

/**
 * The severity gate in force: `--fail-on-overdue` given without `--fail-on` replaces the default
 * severity gate (a remediation-deadline job fails only on what is overdue); with `--fail-on`, both apply.
 */
function gateSeverity(failOn: FailOn, failOnOverdue: boolean, rawArgv: readonly string[]): FailOn {
  const explicit = rawArgv.some((arg) => arg === '--fail-on' || arg.startsWith('--fail-on='));
  return failOnOverdue && !explicit ? 'none' : failOn;
}
