import { constants, createGzip } from 'node:zlib';
import { BLOCK_BYTES, utf8Blocks } from '../output/byte-blocks.js';
import { MIN_RESULT_BYTES } from './sarif-result-text.js';
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
  /** Read afresh each time it is iterated; a block may be valid only until the next one is asked for (see {@link PrintedStore}). */
  bytes: Iterable<Uint8Array>;
}

/**
 * Where printed runs wait until the cut into uploads is decided: all of a report's SARIF is printed before the
 * first byte is written. {@link keptInMemory} holds the blocks; a store that copies them (to a file) lets their
 * memory serve the next blocks, so that a report of any size needs no more memory than GitHub's upload limit.
 */
export interface PrintedStore {
  /** Keeps a block after the ones kept before; true when it was copied, so that its memory may be used again. */
  keep(block: Buffer): boolean;
  /** The bytes kept from offset `start` up to `end`, in blocks; a block may be valid only until the next is asked for. */
  read(start: number, end: number): Iterable<Uint8Array>;
}

/** A {@link PrintedStore} that holds the blocks themselves. */
export function keptInMemory(): PrintedStore {
  const blocks: Buffer[] = [];
  const starts: number[] = [];
  let length = 0;
  return {
    keep: (block) => {
      blocks.push(block);
      starts.push(length);
      length += block.length;
      return false;
    },
    // Runs are printed in blocks of their own: a run's bytes are whole blocks.
    read: (start, end) => blocks.filter((_, index) => starts[index]! >= start && starts[index]! < end),
  };
}

/** A run printed once: where its bytes are kept, its length, and its gzipped length once it is being measured. */
interface PrintedRun {
  start: number;
  plain: number;
  /** Blocks printed before measuring began, held until it does, each with whether the store copied it (see {@link PrintedStore.keep}). */
  unmeasured: Array<{ block: Buffer; copied: boolean }>;
  gzipped: GzipMeter | undefined;
}

/**
 * The runs printed once each and cut into logs of at most {@link MAX_RUNS} runs and `maxGzipBytes` gzipped, in
 * order. Runs are never cut, so no category is in two logs: a run alone over the size is a log of its own.
 * Plain text within the budget is within it gzipped, so blocks are compressed only once all the runs printed are
 * over it as text (from the first block when the results alone are sure to be, at {@link MIN_RESULT_BYTES} each);
 * from then on each is compressed in the thread pool as soon as it is printed.
 */
export async function sarifUploads(runs: readonly SarifRunParts[], maxGzipBytes = MAX_UPLOAD_GZIP_BYTES, store: PrintedStore = keptInMemory()): Promise<SarifUpload[]> {
  const budget = maxGzipBytes * UPLOAD_BUDGET;
  const blocks = blockPool();
  const printed: PrintedRun[] = [];
  let offset = 0;
  // Results that make more than the budget even at their shortest: measured from the first block, none held unmeasured.
  let measuring = runs.reduce((count, run) => count + run.resultCount, 0) * MIN_RESULT_BYTES > budget;
  const measure = (run: PrintedRun, block: Buffer, copied: boolean) => {
    run.gzipped ??= gzipMeter();
    run.gzipped.add(block, () => {
      if (copied) blocks.free(block);
    });
  };
  for (const parts of runs) {
    const run: PrintedRun = { start: offset, plain: 0, unmeasured: [], gzipped: undefined };
    printed.push(run);
    for (const block of utf8Blocks(sarifRunText(parts), BLOCK_BYTES, blocks.take)) {
      const copied = store.keep(block);
      offset += block.length;
      run.plain += block.length;
      if (measuring) measure(run, block, copied);
      else run.unmeasured.push({ block, copied });
      if (!measuring && offset > budget) {
        measuring = true;
        for (const earlier of printed) for (const waiting of earlier.unmeasured.splice(0)) measure(earlier, waiting.block, waiting.copied);
      }
      // A turn of the event loop after each measured block: the blocks compressed so far come back to the pool before the
      // next block is taken, instead of new memory for each block of a run. (zlib's own memory is one stream's per run.)
      if (measuring) await new Promise(setImmediate);
    }
    if (!measuring) await new Promise(setImmediate);
  }
  const sizes = await Promise.all(printed.map((run) => run.gzipped?.size() ?? run.plain));
  const groups: Array<Array<{ start: number; end: number }>> = [];
  let current: Array<{ start: number; end: number }> = [];
  let bytes = 0;
  printed.forEach((run, index) => {
    const size = sizes[index]!;
    if (current.length > 0 && (current.length >= MAX_RUNS || bytes + size > budget)) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push({ start: run.start, end: run.start + run.plain });
    bytes += size;
  });
  if (current.length > 0) groups.push(current);
  return groups.map((group) => ({
    runs: group.length,
    bytes: {
      [Symbol.iterator]: () =>
        sarifLogPieces<Uint8Array>(
          group.map(({ start, end }) => store.read(start, end)),
          (text) => Buffer.from(text),
        ),
    },
  }));
}

/** Blocks of {@link BLOCK_BYTES} given back once written elsewhere and measured, taken again for the next ones before any new memory. */
function blockPool(): { take: (size: number) => Buffer; free: (block: Buffer) => void } {
  const free: Buffer[] = [];
  return {
    take: (size) => (size === BLOCK_BYTES ? free.pop() : undefined) ?? Buffer.allocUnsafe(size),
    free: (block) => {
      // A block is a view of the start of the memory it was printed into.
      if (block.buffer.byteLength === BLOCK_BYTES) free.push(Buffer.from(block.buffer, block.byteOffset, BLOCK_BYTES));
    },
  };
}

/** The fastest level; an output buffer that holds a block's output (about 100 KiB), so that a block is one task of the thread pool. */
const SIZING = { level: constants.Z_BEST_SPEED, chunkSize: 128 * 1024 };

/** A run's blocks gzipped one after the other as they are added, in the thread pool; `size` ends the run and gives its gzipped length. */
interface GzipMeter {
  /** Compresses the block next; `done` once it has been read whole, so that its memory may be used again. */
  add(block: Buffer, done: () => void): void;
  size(): Promise<number>;
}

/**
 * A run's size gzipped, erring large: one gzip stream per run at the fastest level, which makes more bytes than one
 * stream over the whole log at the default level that uploaders use (4.30 against 3.87 MB on the realistic snapshot of
 * issue 19), in half the time. One stream per run, not one per block: zlib's state (some 300 KiB) is made 11 times
 * for that snapshot instead of 48, each time new memory to fault in.
 */
function gzipMeter(): GzipMeter {
  const stream = createGzip(SIZING);
  let bytes = 0;
  stream.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  const ended = new Promise<number>((resolve, reject) => {
    stream.once('end', () => resolve(bytes));
    stream.once('error', reject);
  });
  // A stream that fails before `size` is asked is reported there; until then its rejection must not end the process.
  ended.catch(() => undefined);
  return {
    add: (block, done) => void stream.write(block, () => done()),
    size: () => {
      stream.end();
      return ended;
    },
  };
}
