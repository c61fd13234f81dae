import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import { utf8Blocks } from '../output/byte-blocks.js';
import { sarifLogPieces, sarifRunText, type SarifRunParts } from './sarif-text.js';

/**
 * GitHub code scanning's limit on runs per SARIF file: more is rejected (docs.github.com, Code security → SARIF
 * results exceed one or more limits).
 */
export const MAX_RUNS = 20;
/**
 * GitHub code scanning's limit on one upload, gzipped: 10 MB, a larger file is rejected (docs.github.com, SARIF
 * support for code scanning → Uploading SARIF files). The logs are cut at 95 % of it, which stays under 10 MB read
 * as 10,000,000 bytes too.
 */
export const MAX_UPLOAD_GZIP_BYTES = 10 * 1024 * 1024;
const UPLOAD_BUDGET = 0.95;

/** One SARIF log that GitHub takes in one upload: its bytes (UTF-8, in blocks to write one after the other) and its number of runs. */
export interface SarifUpload {
  runs: number;
  bytes: Buffer[];
}

/** A run printed once: its bytes, its length, and its gzipped length once it is being measured. */
interface PrintedRun {
  blocks: Buffer[];
  plain: number;
  gzipped?: Promise<number>;
}

/**
 * The runs printed once each and cut into logs of at most {@link MAX_RUNS} runs and `maxGzipBytes` gzipped, in
 * order. Runs are never cut, so no category is in two logs: a run alone over the size is a log of its own.
 * Plain text within the budget is within it gzipped, so runs are compressed only once all of them are over it as
 * text; from then on each is compressed in the thread pool while the next is printed.
 */
export async function sarifUploads(runs: readonly SarifRunParts[], maxGzipBytes = MAX_UPLOAD_GZIP_BYTES): Promise<SarifUpload[]> {
  const budget = maxGzipBytes * UPLOAD_BUDGET;
  const printed: PrintedRun[] = [];
  let plain = 0;
  for (const parts of runs) {
    const blocks = [...utf8Blocks(sarifRunText(parts))];
    const run: PrintedRun = { blocks, plain: blocks.reduce((sum, block) => sum + block.length, 0) };
    printed.push(run);
    plain += run.plain;
    if (plain > budget) for (const measured of printed) measured.gzipped ??= gzippedSize(measured.blocks);
    // A turn of the event loop between runs: the blocks compressed so far hand back their zlib memory.
    await new Promise(setImmediate);
  }
  const sizes = await Promise.all(printed.map((run) => run.gzipped ?? run.plain));
  const groups: PrintedRun[][] = [];
  let current: PrintedRun[] = [];
  let bytes = 0;
  printed.forEach((run, index) => {
    const size = sizes[index]!;
    if (current.length > 0 && (current.length >= MAX_RUNS || bytes + size > budget)) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(run);
    bytes += size;
  });
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

const gzipInPool = promisify(gzip);
/** The fastest level; an output buffer that holds a block's output (about 100 KiB), so that a block is one task of the thread pool. */
const SIZING = { level: constants.Z_BEST_SPEED, chunkSize: 128 * 1024 };

/**
 * A run's size gzipped, erring large: each block compressed on its own at the fastest level, which makes more
 * bytes than one stream at the default level that uploaders use (11 % more on the realistic snapshot of issue 19),
 * in half the time.
 */
async function gzippedSize(blocks: readonly Buffer[]): Promise<number> {
  const sizes = await Promise.all(blocks.map(async (block) => (await gzipInPool(block, SIZING)).length));
  return sizes.reduce((sum, size) => sum + size, 0);
}
