import { decideGate, type GateDecision, type GateOptions } from '../audit/gate.js';
import type { AuditResult } from '../engine/types.js';
import { chunkedFormatterFor, formatterFor, type FormatContext } from '../formatters/index.js';
import { buildSarifUploads, MAX_RESULTS_PER_RUN, sarifResultsLeftOut } from '../formatters/sarif.js';
import { MAX_UPLOAD_GZIP_BYTES, type SarifUpload } from '../formatters/sarif-uploads.js';
import { withSarifSpool } from './sarif-spool.js';
import { summaryParts } from '../formatters/summary-line.js';
import { stderrLines, stderrWarnings } from '../output/stderr-line.js';
import { listWarnings } from '../formatters/warning-list.js';
import type { Verdict } from '../verdict.js';
import type { CommandContext } from './context.js';
import { terminalColumns, useColor } from './io.js';
import { relativeSnapshotDir } from './check-output-paths.js';
import { throwIfReportsFailed, writeReports } from './write-reports.js';
import type { FailOn, OutputFlags } from './output-options.js';
import type { OutputTarget } from './output-targets.js';
import { removeReplacedSarif, splitSarifTargets } from './split-sarif.js';

/** Formats for people at a terminal, as `--format` names them. */
const TERMINAL_FORMATS: ReadonlySet<string> = new Set(['stylish', 'grid', 'table']);

/** How {@link reportResult} writes a result's reports. */
export interface ReportResultInput {
  /** The parsed flags of `withOutputOptions`. */
  flags: OutputFlags;
  context: CommandContext;
  /** The reports to write, as `pairOutputs` read them from the command line. */
  targets: OutputTarget[];
  /** The snapshot folder on disk as the user named it, when there is one: findings then point at its files and lines. */
  snapshotDir?: string | undefined;
  /** `terraform`: what of the collection record the configuration holds, for the gate's reasons (see {@link GateOptions}). */
  configuration?: GateOptions['configuration'];
}

/**
 * Writes every requested report of a result, prints its warnings and the one-line summary on stderr unless a
 * terminal report on stdout carries them, then the gate's reasons, and returns the gate's verdict: the tail shared by `audit`, `scan`, `demo` and `merge`.
 */
export async function reportResult(result: AuditResult, input: ReportResultInput): Promise<Verdict> {
  const { flags, context, snapshotDir } = input;
  const { io } = context;

  const failOnOverdue = flags['fail-on-overdue'] === true;
  const failOnNew = flags['fail-on-new'] === true;
  const failOn = gateSeverity(flags['fail-on'], failOnOverdue, context.rawArgv);
  const gate = decideGate(result, {
    failOn,
    allowIncomplete: flags['allow-incomplete'] === true,
    failOnNew,
    failOnOverdue,
    ...(input.configuration === undefined ? {} : { configuration: input.configuration }),
  });
  const formatContext: FormatContext = {
    color: useColor(io),
    columns: terminalColumns(io),
    ...(snapshotDir === undefined ? {} : { ...relativeSnapshotDir(io.cwd, snapshotDir), snapshotFolder: snapshotDir }),
    includeSuppressed: flags['include-suppressed'] === true,
    includeFixed: flags['include-fixed'] === true,
    verbose: flags.verbose === true,
    ...(flags.framework === undefined ? {} : { framework: flags.framework }),
    gate: { verdict: gate.verdict, failOn, failOnNew, failOnOverdue },
  };
  // Printed to a temporary file, not held, until the cut into uploads is decided.
  if (input.targets.some((target) => target.format === 'sarif')) {
    return withSarifSpool(async (store) => writeAll(result, input, formatContext, gate, await buildSarifUploads(result, formatContext, MAX_UPLOAD_GZIP_BYTES, store)));
  }
  return writeAll(result, input, formatContext, gate, []);
}

/** Writes the reports, SARIF from `sarifLogs` (a SARIF report larger than one GitHub upload takes is split into several files, said on stderr), and ends as {@link reportResult}. */
async function writeAll(result: AuditResult, input: ReportResultInput, formatContext: FormatContext, gate: GateDecision, sarifLogs: readonly SarifUpload[]): Promise<Verdict> {
  const { context } = input;
  const { io } = context;
  const targets = splitSarifTargets(input.targets, sarifLogs.length, io);
  const leftOut = sarifLogs.length === 0 ? 0 : sarifResultsLeftOut(result, formatContext);
  if (leftOut > 0)
    io.stderr.write(
      stderrLines([
        `warning: ${leftOut} results were left out of the SARIF report: GitHub code scanning accepts at most ${MAX_RESULTS_PER_RUN} per run (one run per environment); each run keeps its most severe and says how many it cut, and the JSON report lists them all`,
      ]),
    );
  const failures = await writeReports(context, targets, (format, target) => {
    const part = format === 'sarif' ? sarifLogs[target.part ?? 0] : undefined;
    if (part !== undefined) return part.bytes;
    // Reports that grow with the findings are written as they are produced, never held as one string.
    const chunked = chunkedFormatterFor(format);
    if (chunked !== undefined) return chunked(result, formatContext);
    const formatter = formatterFor(format);
    if (formatter === undefined) throw new Error(`No formatter is registered for "${format}".`);
    return formatter(result, formatContext);
  });
  await removeReplacedSarif(input.targets, sarifLogs.length, failures, io);

  // The terminal reports carry the warnings and the summary; without one on stdout, both go to stderr (said once).
  const terminalShown = targets.some((target) => TERMINAL_FORMATS.has(target.format) && target.file === undefined && !failures.some((failure) => failure.target === target));
  if (!terminalShown) {
    io.stderr.write(stderrWarnings(listWarnings(result.warnings ?? []).map((warning) => warning.text)));
    io.stderr.write(
      `${summaryParts(result)
        .map((part) => part.text)
        .join(' · ')}\n`,
    );
  }
  io.stderr.write(stderrLines(gate.reasons));
  throwIfReportsFailed(failures);
  return gate.verdict;
}

/**
 * The severity gate in force: `--fail-on-overdue` given without `--fail-on` replaces the default
 * severity gate (a remediation-deadline job fails only on what is overdue); with `--fail-on`, both apply.
 */
function gateSeverity(failOn: FailOn, failOnOverdue: boolean, rawArgv: readonly string[]): FailOn {
  const explicit = rawArgv.some((arg) => arg === '--fail-on' || arg.startsWith('--fail-on='));
  return failOnOverdue && !explicit ? 'none' : failOn;
}
