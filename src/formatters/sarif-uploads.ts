import { constants, gzipSync } from 'node:zlib';
import { utf8Blocks } from '../output/byte-blocks.js';
import { sarifLogPieces, sarifRunText, type SarifRunParts } from './sarif-text.js';

/** GitHub code scanning's limits per upload. */
export const MAX_RUNS = 20;
/** GitHub code scanning's limit on one upload, gzipped; the logs are cut a little below it. */
export const MAX_UPLOAD_GZIP_BYTES = 10 * 1024 * 1024;
const UPLOAD_BUDGET = 0.95;

/** One SARIF log that GitHub takes in one upload: its bytes (UTF-8, in blocks to write one after the other) and its number of runs. */
export interface SarifUpload {
  runs: number;
  bytes: Buffer[];
}

/** A run printed once: its bytes, and the size it counts for in an upload, measured when first needed. */
interface PrintedRun {
  blocks: Buffer[];
  plain: number;
  gzipped?: number;
}

/**
 * The runs printed once each and cut into logs of at most {@link MAX_RUNS} runs and `maxGzipBytes` gzipped, in
 * order. Runs are never cut, so no category is in two logs: a run alone over the size is a log of its own.
 */
export function sarifUploads(runs: readonly SarifRunParts[], maxGzipBytes = MAX_UPLOAD_GZIP_BYTES): SarifUpload[] {
  const budget = maxGzipBytes * UPLOAD_BUDGET;
  const groups: PrintedRun[][] = [];
  let current: PrintedRun[] = [];
  for (const parts of runs) {
    const blocks = [...utf8Blocks(sarifRunText(parts))];
    const run: PrintedRun = { blocks, plain: blocks.reduce((sum, block) => sum + block.length, 0) };
    if (current.length > 0 && (current.length >= MAX_RUNS || !fits(current, run, budget))) {
      groups.push(current);
      current = [];
    }
    current.push(run);
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group) => ({
    runs: group.length,
    bytes: [
      ...sarifLogPieces<Buffer>(
        group.map((run) => run.blocks),
        (text): Buffer => Buffer.from(text),
      ),
    ],
  }));
}

/**
 * Whether `run` joins the upload: by plain sizes while they fit (plain text within the budget is within it
 * gzipped), else by gzipped sizes, each run compressed once and only when it comes to that.
 */
function fits(upload: readonly PrintedRun[], run: PrintedRun, budget: number): boolean {
  const plain = upload.reduce((sum, earlier) => sum + (earlier.gzipped ?? earlier.plain), run.plain);
  if (plain <= budget) return true;
  return upload.reduce((sum, earlier) => sum + gzippedSize(earlier), gzippedSize(run)) <= budget;
}

/**
 * A run's size gzipped, erring large: each block compressed on its own at the fastest level, which makes more
 * bytes than one stream at the default level that uploaders use (11 % more on the realistic snapshot of issue 19),
 * in half the time.
 */
function gzippedSize(run: PrintedRun): number {
  run.gzipped ??= run.blocks.reduce((sum, block) => sum + gzipSync(block, { level: constants.Z_BEST_SPEED }).length, 0);
  return run.gzipped;
}
