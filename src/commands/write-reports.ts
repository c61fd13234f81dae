import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '../errors.js';
import { explainWriteError, replaceFile } from '../file-targets.js';
import { findOpenFileLimit, tooManyOpenFiles } from '../open-file-limit.js';
import { utf8Text } from '../output/byte-blocks.js';
import { batchChunks } from '../output/json-chunks.js';
import { stderrLines } from '../output/stderr-line.js';
import { checkReportFiles } from './check-output-paths.js';
import { resolvePath, type CommandContext } from './context.js';
import type { OutputTarget } from './output-targets.js';

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
