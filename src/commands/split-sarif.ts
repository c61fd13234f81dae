import { lstat, rm } from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '../errors.js';
import { MAX_RUNS, MAX_UPLOAD_GZIP_BYTES } from '../formatters/sarif-uploads.js';
import { stderrLines } from '../output/stderr-line.js';
import { resolvePath } from './context.js';
import type { CliIo } from './io.js';
import type { OutputTarget } from './output-targets.js';
import type { ReportFailure } from './write-reports.js';

const UPLOAD_MB = MAX_UPLOAD_GZIP_BYTES / 1024 / 1024;

/**
 * The targets with each SARIF file replaced by `count` numbered files (`results.sarif` → `results-1.sarif`,
 * `results-2.sarif` …) when its log is cut in `count` logs of at most {@link MAX_RUNS} runs and
 * {@link MAX_UPLOAD_GZIP_BYTES} gzipped, GitHub's limits per upload; stderr says so, since each file must be
 * uploaded on its own.
 * @throws UserFacingError `report-too-large` for such a SARIF report on stdout, which cannot be split.
 */
export function splitSarifTargets(targets: readonly OutputTarget[], count: number, io: CliIo): OutputTarget[] {
  if (count <= 1) return [...targets];
  return targets.flatMap((target) => {
    if (target.format !== 'sarif') return [target];
    if (target.file === undefined) {
      throw new UserFacingError(
        'report-too-large',
        `The SARIF report needs ${count} files: GitHub code scanning accepts at most ${MAX_RUNS} runs (one per environment) and ${UPLOAD_MB} MB gzipped in one upload.`,
        {
          hint: 'Write it to a file (-f sarif -o results.sarif): it is then split into results-1.sarif, results-2.sarif … to upload one by one.',
        },
      );
    }
    const extension = path.extname(target.file);
    const stem = target.file.slice(0, target.file.length - extension.length);
    const parts = Array.from({ length: count }, (_, part) => ({ format: 'sarif', file: `${stem}-${part + 1}${extension}`, part }));
    io.stderr.write(
      stderrLines([
        `note: the SARIF report is more than GitHub accepts in one upload (${MAX_RUNS} runs, ${UPLOAD_MB} MB gzipped): split into ${count} files (${parts.map((part) => part.file).join(', ')}) instead of ${target.file}; upload each with its own github/codeql-action/upload-sarif step`,
      ]),
    );
    return parts;
  });
}

/**
 * After a split, removes the file `-o` named for SARIF when an earlier run left one there: the split run wrote
 * `results-1.sarif` … instead, and an upload step naming `results.sarif` must not send the earlier run's results
 * as this run's. Only when every part was written, and only a regular file (never a link or folder); said on stderr.
 */
export async function removeReplacedSarif(targets: readonly OutputTarget[], count: number, failures: readonly ReportFailure[], io: CliIo): Promise<void> {
  if (count <= 1 || failures.some((failure) => failure.target.format === 'sarif')) return;
  for (const target of targets) {
    if (target.format !== 'sarif' || target.file === undefined) continue;
    const file = resolvePath(io, target.file);
    if (!(await lstat(file).catch(() => undefined))?.isFile()) continue;
    await rm(file);
    io.stderr.write(stderrLines([`note: removed ${target.file}, an earlier run's SARIF report: this run's is in the ${count} files above`]));
  }
}
