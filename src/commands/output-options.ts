import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Argv } from 'yargs';
import { UserFacingError } from '../errors.js';
import { checkOutputFile, explainWriteError, replaceFile } from '../file-targets.js';
import { findOpenFileLimit, tooManyOpenFiles } from '../open-file-limit.js';
import { utf8Text } from '../output/byte-blocks.js';
import { batchChunks } from '../output/json-chunks.js';
import { stderrLines } from '../output/stderr-line.js';
import { resolvePath, type CommandContext } from './context.js';
import { checkSnapshotTarget } from '../snapshot/snapshot-target.js';
import { pathWithin } from '../path-within.js';
import { STDOUT_PATH } from './stdout-dash.js';
import { DEFAULT_FORMAT, FORMATS_READING, formatName } from '../formatters/format-names.js';
import { holdsLoneSurrogate } from '../formatters/sarif-location.js';
import { SEVERITIES } from '../engine/types.js';
import { FRAMEWORK_IDS, type FrameworkId } from '../frameworks/framework-ids.js';

const FAIL_ON_CHOICES = [...SEVERITIES, 'none'] as const;
/** A `--fail-on` value: a severity, or `none` (never fail on findings). */
export type FailOn = (typeof FAIL_ON_CHOICES)[number];

/** One report to write: its format, and its file or stdout. */
export interface OutputTarget {
  format: string;
  /** Undefined means stdout. */
  file: string | undefined;
  /** One file of a report split in several (0-based), see `splitSarifTargets`. */
  part?: number;
}

/** How the flags of {@link withOutputOptions} are read by the command. */
export interface OutputOptionsUse {
  /** The command's `--verbose` also logs the collection on stderr (scan), so it is read whatever the formats. */
  verboseLogsCollection?: boolean;
}

/**
 * The flags of every command that writes reports of an audit result (audit, scan, demo, merge, terraform): formats and
 * files, the gate, and what the reports show. A flag that none of the run's formats reads is refused before any work.
 */
export function withOutputOptions<T, F extends string>(yargs: Argv<T>, formats: readonly F[], use: OutputOptionsUse = {}) {
  return yargs
    .middleware((argv) => refuseUnreadReportFlags(argv, use))
    .option('format', {
      alias: 'f',
      type: 'string',
      array: true,
      choices: formats,
      description: 'Report format (default stylish: verdict first, one line per finding; grid, formerly table, is the bordered table); repeat for several, each followed by its own --output',
    })
    .option('output', {
      alias: 'o',
      type: 'string',
      array: true,
      description: 'File for the --format just before it; - for stdout (stdout too when one format and no file)',
    })
    .option('fail-on', {
      type: 'string',
      choices: FAIL_ON_CHOICES,
      default: 'high' as FailOn,
      description: 'Exit 1 when a finding is at or above this severity',
    })
    .option('allow-incomplete', {
      type: 'boolean',
      default: false,
      description: 'Do not exit 3 when some data could not be collected',
    })
    .option('fail-on-overdue', {
      type: 'boolean',
      default: false,
      description: 'Exit 1 when a planned fix (--dispositions) is past its due date; alone, it replaces the default --fail-on high',
    })
    .option('include-suppressed', {
      type: 'boolean',
      default: false,
      description: 'Keep suppressed findings, marked, in SARIF, stylish, grid and CSV (JSON always lists them)',
    })
    .option('verbose', {
      type: 'boolean',
      default: false,
      description: 'Terminal report: whole messages and how to fix each rule that fired (scan also logs retries and throttling on stderr)',
    })
    .option('framework', {
      type: 'string',
      choices: FRAMEWORK_IDS,
      description:
        'View the run through one framework, per control: the rules behind it and pass / fail / partial / not evaluated / not covered (terminal, HTML and Markdown reports; JSON adds a "framework" object)',
    })
    .option('include-fixed', {
      type: 'boolean',
      default: false,
      description: 'SARIF: also emit the baseline\'s fixed findings with baselineState "absent" (not for GitHub uploads)',
    })
    .option('history', {
      type: 'string',
      description: 'Folder of earlier JSON reports: date each finding (first seen, age), chart the trend (HTML) and say what is new and fixed since the last run (Markdown)',
    });
}

/** The flags of every command that audits a snapshot (audit, scan, demo): {@link withOutputOptions} and the files that review the findings. */
export function withReportOptions<T, F extends string>(yargs: Argv<T>, formats: readonly F[], use: OutputOptionsUse = {}) {
  return withOutputOptions(yargs, formats, use)
    .option('config', {
      alias: 'c',
      type: 'string',
      description: 'Config file (default: ./pingone-audit.config.json when present)',
    })
    .option('suppressions', {
      type: 'string',
      description: 'Reviewed suppressions file (default: ./pingone-audit.suppressions.json when present); --no-suppressions ignores every suppression',
    })
    .option('baseline', {
      type: 'string',
      description: 'JSON report of an earlier run: mark findings new / unchanged and list fixed ones',
    })
    .option('dispositions', {
      type: 'string',
      description: 'Reviewed dispositions file: accepted-risk, false-positive, compensating-control (hidden until expiry) or planned-fix (visible, with owner and due date)',
    })
    .option('fail-on-new', {
      type: 'boolean',
      default: false,
      description: 'With --baseline: --fail-on counts only new findings (and ones now more severe)',
    });
}

/** The report flags that only some formats read, and the entry of {@link FORMATS_READING} naming those formats. */
const FORMAT_SPECIFIC_FLAGS = [
  ['include-suppressed', 'includeSuppressed'],
  ['include-fixed', 'includeFixed'],
  ['verbose', 'verbose'],
  ['framework', 'framework'],
  ['history', 'history'],
] as const;

/**
 * Refuses a report flag that no format of the run reads (`--include-fixed -f json`), as `--include-fixed` without
 * `--baseline` is refused (exit 2): a flag given and left unread lets a user believe a report holds what it does not.
 * The formats are the `--format` values, {@link DEFAULT_FORMAT} when none is given.
 */
function refuseUnreadReportFlags(argv: Record<string, unknown>, { verboseLogsCollection = false }: OutputOptionsUse): void {
  const formats = (Array.isArray(argv.format) ? argv.format.map(String) : [DEFAULT_FORMAT]).map(formatName);
  const unread = FORMAT_SPECIFIC_FLAGS.flatMap(([flag, reading]) => {
    if (argv[flag] === undefined || argv[flag] === false || (flag === 'verbose' && verboseLogsCollection)) return [];
    const readers = FORMATS_READING[reading].filter((format) => reading !== 'history' || format !== 'stylish' || argv.verbose === true);
    return formats.some((format) => (readers as readonly string[]).includes(format)) ? [] : [{ flag: `--${flag}`, readers }];
  });
  if (unread.length === 0) return;
  const written = [...new Set(formats)].join(', ');
  const what = unread.map(({ flag, readers }) => `${flag} is read only by the ${listOr(readers)} report${readers.length === 1 ? '' : 's'}`).join('; ');
  const flags = unread.map(({ flag }) => flag).join(', ');
  throw new UserFacingError('flag-invalid', `${what}, and this run writes ${written}: ${flags} would change nothing.`, {
    hint: `Drop ${flags}, or add a report that reads ${unread.length === 1 ? 'it' : 'them'}: ${readingReports(unread)}${unread.some(({ flag }) => flag === '--history') && argv.verbose !== true ? ' (stylish shows --history only with --verbose)' : ''}.`,
  });
}

/** `-f <format> -o <file>` for one format that reads every flag, or where none reads them all, one per flag. */
function readingReports(unread: ReadonlyArray<{ flag: string; readers: readonly string[] }>): string {
  const readingAll = unread[0]!.readers.find((format) => unread.every(({ readers }) => readers.includes(format)));
  if (readingAll !== undefined) return `-f ${readingAll} -o <file>`;
  return unread.map(({ flag, readers }) => `-f ${readers[0]} -o <file> for ${flag}`).join(', ');
}

/** `a`, `a or b`, `a, b or c`. */
function listOr(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** The output flags as `withOutputOptions` parses them. */
export interface OutputFlags {
  'fail-on': FailOn;
  'allow-incomplete': boolean;
  'fail-on-overdue'?: boolean | undefined;
  'include-suppressed': boolean;
  'include-fixed': boolean;
  verbose?: boolean | undefined;
  framework?: FrameworkId | undefined;
  /** Only `withReportOptions` declares it. */
  'fail-on-new'?: boolean | undefined;
  history?: string | undefined;
}

/** The report flags as `withReportOptions` parses them. */
export interface ReportFlags extends OutputFlags {
  config?: string | undefined;
  /** A file; false for --no-suppressions (yargs' negation); undefined for the default file when present. */
  suppressions?: string | false | undefined;
  baseline?: string | undefined;
  dispositions?: string | undefined;
  'fail-on-new': boolean;
}

/** The review files the flags name (suppressions, baseline, dispositions), as `loadReportSetup` reads them. */
export interface ReviewArgs {
  /** A file, undefined for the default file when present, or false for --no-suppressions. */
  suppressions: string | false | undefined;
  baseline: string | undefined;
  dispositions: string | undefined;
}

/** The review flags that read the baseline, checked in this order, and why each needs it. */
const NEEDS_BASELINE = [
  ['fail-on-new', 'without an earlier result nothing can be called new'],
  ['include-fixed', "the fixed findings are the baseline's that this run no longer has"],
] as const;

/** Checks the review flags' combinations (exit 2 on a nonsensical one) and names the review files for `loadReportSetup`. */
export function reviewArgs(flags: ReportFlags): ReviewArgs {
  // An empty or repeated file flag never gets here: runCli refuses it before any command runs (refuseMissingValues,
  // refuseRepeatedOptions).
  const { suppressions, baseline, dispositions } = flags;
  for (const [flag, why] of NEEDS_BASELINE) {
    if (flags[flag] === true && baseline === undefined) {
      throw new UserFacingError('flag-invalid', `--${flag} needs --baseline: ${why}.`, { hint: 'Pass --baseline <earlier JSON report>, written by `-f json -o <file>` on an earlier run.' });
    }
  }
  // Alone it replaces the severity gate; with no planned fix to be overdue, that gate would pass whatever the findings.
  if (flags['fail-on-overdue'] === true && dispositions === undefined) {
    throw new UserFacingError('flag-invalid', '--fail-on-overdue needs --dispositions: only a planned fix in a dispositions file can be overdue.', {
      hint: 'Pass --dispositions <file> with the planned fixes and their due dates, or drop --fail-on-overdue (the default gate is --fail-on high).',
      seeAlso: 'README.md#dispositions-planned-fixes-with-due-dates',
    });
  }
  return { suppressions, baseline, dispositions };
}

/**
 * Pairs each --output with the --format written just before it ({@link DEFAULT_FORMAT} when none is). yargs keeps the two
 * arrays apart, so the order on the command line is read from argv itself. `-o -` ({@link STDOUT_PATH}) pairs its
 * format with stdout: the target's `file` is undefined, as for a format given no file.
 */
export function pairOutputs(argv: readonly string[]): OutputTarget[] {
  const targets: OutputTarget[] = [];
  const paired = new Set<OutputTarget>();
  for (let i = 0; i < argv.length; i += 1) {
    const { flag, value, consumed } = readFlag(argv, i);
    if (flag === undefined) continue;
    i += consumed;
    if (flag === 'format') targets.push({ format: value, file: undefined });
    if (flag === 'output') {
      if (targets.length === 0) targets.push({ format: DEFAULT_FORMAT, file: undefined });
      const last = targets.at(-1)!;
      if (paired.has(last)) {
        throw new UserFacingError('flag-invalid', `--output ${value} has no --format of its own before it.`, {
          hint: 'Write each report as a pair: -f sarif -o results.sarif -f json -o results.json',
        });
      }
      paired.add(last);
      if (value !== STDOUT_PATH) last.file = value;
    }
  }
  if (targets.length === 0) targets.push({ format: DEFAULT_FORMAT, file: undefined });
  const toStdout = targets.filter((t) => t.file === undefined);
  if (toStdout.length > 1) {
    throw new UserFacingError('flag-invalid', `${toStdout.length} formats (${toStdout.map((t) => t.format).join(', ')}) would all go to stdout.`, {
      hint: 'Give every format but one its own file: -f grid -f sarif -o results.sarif',
    });
  }
  return targets;
}

function readFlag(argv: readonly string[], i: number): { flag?: 'format' | 'output'; value: string; consumed: number } {
  const arg = argv[i] ?? '';
  const match = /^(?:--(format|output)|-(f|o))(?:=(.*))?$/.exec(arg);
  if (!match) return { value: '', consumed: 0 };
  const flag = match[1] === 'format' || match[2] === 'f' ? 'format' : 'output';
  if (match[3] !== undefined) return { flag, value: match[3], consumed: 0 };
  return { flag, value: argv[i + 1] ?? '', consumed: 1 };
}

/** A report that could not be rendered or written, and why. */
export interface ReportFailure {
  target: OutputTarget;
  error: unknown;
}

/** Characters gathered before each write of a piece-by-piece report to stdout. */
const STDOUT_BATCH = 1 << 16;

/**
 * Writes each report to its file (creating folders) or to stdout, a piece-by-piece one as it is produced; every file is checked before
 * the first is written (a bad path is the user's mistake, exit 2). Each report stands alone: one
 * whose formatter throws (or whose file cannot be written) is skipped, said on stderr, and
 * returned, and every other report is still written. The caller finishes its run (summary, gate
 * reasons) and then calls {@link throwIfReportsFailed}: a run with a missing report never passes.
 */
export async function writeReports(
  context: CommandContext,
  targets: OutputTarget[],
  render: (format: string, target: OutputTarget) => string | Iterable<string> | Iterable<Uint8Array>,
): Promise<ReportFailure[]> {
  const { io } = context;
  await checkReportFiles(context, targets);
  const failures: ReportFailure[] = [];
  for (const target of targets) {
    try {
      const text = render(target.format, target);
      if (target.file === undefined) {
        if (typeof text === 'string') io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
        // Pieces end with their own newline: every piece-by-piece format does.
        else for (const batch of batchChunks(text, STDOUT_BATCH)) io.stdout.write(typeof batch === 'string' ? batch : utf8Text(batch));
      } else {
        const file = resolvePath(io, target.file);
        await explainWriteError('output-unwritable', `--output ${target.file}`, async () => {
          await mkdir(path.dirname(path.resolve(file)), { recursive: true });
          await replaceFile(file, text);
        });
        io.stderr.write(stderrLines([`wrote ${target.format} report to ${target.file}`]));
      }
    } catch (error) {
      // At the limit of open files (a formatter reading a file) the report is the user's to get back, not a bug.
      const limit = findOpenFileLimit(error);
      failures.push({ target, error: limit === undefined ? error : tooManyOpenFiles(limit, `write ${describeTarget(target)}`) });
      io.stderr.write(stderrLines([`error: ${describeTarget(target)} was not written: ${error instanceof Error ? error.message : String(error)}`]));
    }
  }
  return failures;
}

/**
 * Ends a run whose reports did not all get written. When each failure is the user's to fix (a
 * {@link UserFacingError}) the first is thrown (exit 2); otherwise a formatter or the file system
 * failed unexpectedly, which is a bug: a {@link ReportsNotWrittenError} (exit 70) names every
 * report that is missing and carries each error's stack.
 */
export function throwIfReportsFailed(failures: readonly ReportFailure[]): void {
  if (failures.length === 0) return;
  const userMistake = failures.find((failure) => failure.error instanceof UserFacingError);
  if (userMistake !== undefined && failures.every((failure) => failure.error instanceof UserFacingError)) throw userMistake.error;
  throw new ReportsNotWrittenError(failures);
}

/** Some reports were not written because their formatter (or the write) failed: a bug, exit 70. */
export class ReportsNotWrittenError extends Error {
  readonly failures: readonly ReportFailure[];

  constructor(failures: readonly ReportFailure[]) {
    super(`${failures.map((failure) => describeTarget(failure.target)).join(', ')} could not be written; the other reports were written.`, { cause: failures[0]?.error });
    this.name = 'ReportsNotWrittenError';
    this.failures = failures;
    this.stack = [`${this.name}: ${this.message}`, ...failures.map(({ error }) => (error instanceof Error ? (error.stack ?? error.message) : String(error)))].join('\n');
  }
}

function describeTarget(target: OutputTarget): string {
  return `the ${target.format} report (${target.file ?? 'stdout'})`;
}

/** Checks every report file of `targets` (see {@link checkOutputFile}), before any work is done for them. */
async function checkReportFiles({ io }: CommandContext, targets: readonly OutputTarget[]): Promise<void> {
  refuseSharedFiles(io.cwd, targets);
  for (const { file } of targets) if (file !== undefined) await checkOutputFile(resolvePath(io, file), '--output');
}

/**
 * Two reports sent to one file: the second replaced the first, and both were said to be written.
 * @throws UserFacingError `flag-invalid` naming both formats and the file.
 */
function refuseSharedFiles(cwd: string, targets: readonly OutputTarget[]): void {
  const formatOf = new Map<string, string>();
  for (const { format, file } of targets) {
    if (file === undefined) continue;
    const key = path.resolve(cwd, file);
    const earlier = formatOf.get(key);
    if (earlier !== undefined) {
      throw new UserFacingError('flag-invalid', `-f ${earlier} and -f ${format} would both be written to ${file}: the second would replace the first.`, {
        hint: `Give each format a file of its own: -f ${earlier} -o report.${earlier} -f ${format} -o report.${format}`,
      });
    }
    formatOf.set(key, format);
  }
}

/** The output flags a command may have: a snapshot folder written (`out`) or read (`snapshot`), report files. */
export interface OutputArgs {
  out?: unknown;
  output?: unknown;
  snapshot?: unknown;
}

/**
 * Checks every output path (`--out`'s snapshot folder, each `--output` file) before the command reads or collects
 * anything: a mistake there must not cost a whole collection, or a load of a large snapshot.
 * @throws UserFacingError `flag-invalid` for a report inside the snapshot folder written or read: the next load
 * refuses a snapshot holding a file its manifest does not list (or with its manifest.json replaced); and for a
 * snapshot folder a SARIF report cannot name, `flag-invalid` (`--out`) or `argument-invalid` (`audit <snapshot>`).
 */
export async function checkOutputsFirst(context: CommandContext, args: OutputArgs): Promise<void> {
  if (typeof args.out === 'string') await checkSnapshotTarget(resolvePath(context.io, args.out));
  if (typeof args.out === 'string') refuseFolderSarifCannotName(context, args.out, '--out');
  if (typeof args.snapshot === 'string') refuseFolderSarifCannotName(context, args.snapshot, undefined);
  if (args.output === undefined) return;
  const targets = pairOutputs(context.rawArgv);
  for (const folder of [args.out, args.snapshot]) if (typeof folder === 'string') refuseReportsInside(context.io.cwd, folder, targets);
  await checkReportFiles(context, targets);
}

/** SARIF locations must be relative to the repository; a folder outside the working directory has none. */
export function relativeSnapshotDir(cwd: string, snapshotDir: string): { snapshotDir?: string } {
  const relative = pathWithin(cwd, path.resolve(cwd, snapshotDir));
  if (relative === undefined) return {};
  return { snapshotDir: relative === '' ? '.' : relative };
}

/**
 * Refuses a snapshot folder whose path a SARIF report of this run would have to name and cannot: within the working
 * directory the path starts every result's URI, and a lone UTF-16 surrogate in it (a Windows file name can hold one)
 * has no UTF-8 form to escape. `flag` is the flag that named the folder; undefined, the command's own argument.
 */
function refuseFolderSarifCannotName(context: CommandContext, folder: string, flag: string | undefined): void {
  const { snapshotDir } = relativeSnapshotDir(context.io.cwd, folder);
  if (snapshotDir === undefined || !holdsLoneSurrogate(snapshotDir)) return;
  if (!pairOutputs(context.rawArgv).some((target) => target.format === 'sarif')) return;
  const named = flag === undefined ? `The snapshot folder argument ${JSON.stringify(folder)}` : `${flag} ${JSON.stringify(folder)}`;
  throw new UserFacingError(
    flag === undefined ? 'argument-invalid' : 'flag-invalid',
    `${named} holds a lone UTF-16 surrogate (shown as a \\u escape): the SARIF report names the snapshot's files by URI, and no URI can carry one.`,
    { hint: `Rename the folder so that every character of its path is valid Unicode, and pass the new name${flag === undefined ? '' : ` to ${flag}`}; or write a format other than SARIF.` },
  );
}

function refuseReportsInside(cwd: string, folder: string, targets: readonly OutputTarget[]): void {
  for (const { file, format } of targets) {
    if (file === undefined) continue;
    const inside = pathWithin(path.resolve(cwd, folder), path.resolve(cwd, file));
    if (inside === undefined) continue;
    if (inside === '') {
      throw new UserFacingError('flag-invalid', `--output ${file} is the snapshot folder ${folder} itself: a report is a file, and the folder holds the snapshot.`, {
        hint: `Write the report beside the snapshot, e.g. -o ${path.basename(path.resolve(cwd, file))}.${format}`,
      });
    }
    throw new UserFacingError(
      'flag-invalid',
      `--output ${file} is inside the snapshot folder ${folder}: a snapshot holds only the files pingone-audit lists in its manifest.json, so the next audit of it would refuse it.`,
      { hint: `Write the report beside the snapshot, e.g. -o ${path.basename(file)}` },
    );
  }
}
