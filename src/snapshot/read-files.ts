import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type * as WorkerThreads from 'node:worker_threads';
import { type ChunkRequest, readChunk, type ReadChunk, type ReadScratch } from './read-chunk.js';

/**
 * Files read per claim, synchronously: a snapshot's files are small and mostly cached, and one promise and
 * thread-pool round trip per file (open, stat, read, close) cost more than the reading itself. Large enough that a
 * chunk's message costs little, small enough that both threads keep busy to the end.
 */
const CHUNK_FILES = 128;

/** Per chunk, in any order: false stops the reading (no further chunk is claimed; those claimed already still come). */
export type OnChunk = (chunk: ReadChunk) => boolean;

/** Reads the files of one folder: {@link FileReader.read} once, then {@link FileReader.close} whatever happened. */
export interface FileReader {
  /**
   * Reads the files (layout paths) as {@link readChunk} does, chunk by chunk, handing each chunk to `onChunk` on this
   * thread; resolves once every claimed chunk was handed over. Rejects when the worker thread failed with a claimed
   * chunk not handed over (a bug: `readChunk` returns a file's error as data); a worker that failed before it claimed
   * any leaves its share to this thread, unsaid.
   */
  read(request: Omit<ChunkRequest, 'dir' | 'from' | 'to'>, onChunk: OnChunk): Promise<void>;
  /** Stops the worker thread, if any; resolves once it has stopped. */
  close(): Promise<void>;
}

/**
 * A reader of the folder `dir`. With `thread`, a worker thread starts now (it takes about a third of `node -e 0`'s
 * start, time this thread spends reading the manifest and listing the folder) and later claims chunks beside this
 * thread and only reads them (open, read, close, SHA-256: half of loading a snapshot), while this thread parses and
 * checks what both read, and reads a chunk itself whenever none is waiting.
 *
 * The worker runs `readChunk`'s own source text (`eval`), so it needs no file of its own: the same code runs from
 * tsc's build, the bundle (`dist/src/cli.js` and its chunks) and the TypeScript sources under vitest.
 */
export function createFileReader(dir: string, thread: boolean): FileReader {
  // [0]: where the next claim starts (claims go up by CHUNK_FILES from 0); [1]: 1 once `onChunk` asked to stop.
  const shared = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const arrived: ReadChunk[] = [];
  const scratch: ReadScratch = {};
  const helper = thread ? startWorkerIfAllowed(dir, shared, arrived) : undefined;
  return {
    async read(request, onChunk) {
      const { files } = request;
      helper?.worker.postMessage(request);
      let handled = 0;
      const take = (chunk: ReadChunk) => {
        handled += 1;
        if (!onChunk(chunk)) Atomics.store(shared, 1, 1);
      };
      for (;;) {
        while (arrived.length > 0) take(arrived.shift()!);
        if (Atomics.load(shared, 1) !== 0) break;
        const from = Atomics.add(shared, 0, CHUNK_FILES);
        if (from >= files.length) break;
        take(readChunk({ fs, path, crypto }, scratch, { ...request, dir, from, to: Math.min(from + CHUNK_FILES, files.length) }));
        // The worker's chunks arrive as messages, in a turn of the event loop (which timers and signals get too).
        await nextTurn();
      }
      if (helper === undefined) return;
      // Only the chunks claimed so far are waited for, never the worker itself: one still starting (slow on a busy
      // machine) has claimed nothing, and `close` stops it. A claim made after this count, once stopped, goes unread.
      const claimed = Math.min(Math.ceil(files.length / CHUNK_FILES), Atomics.load(shared, 0) / CHUNK_FILES);
      while (handled < claimed) {
        if (arrived.length > 0) take(arrived.shift()!);
        else await helper.arrival();
      }
    },
    async close() {
      await helper?.worker.terminate();
    },
  };
}

interface Helper {
  worker: WorkerThreads.Worker;
  /** Resolves when the worker has posted something (a chunk is in `arrived` then, or it has none left); rejects if it failed. */
  arrival(): Promise<void>;
}

/**
 * A worker, or none where Node refuses to start one (its permission model without `--allow-worker` throws
 * ERR_ACCESS_DENIED) or cannot (at the user's limit of threads, `ulimit -u`, it throws ERR_WORKER_INIT_FAILED with
 * the message EAGAIN): this thread then reads every chunk, with the same result. A worker that fails later, having
 * claimed nothing, changes nothing either; one that fails holding a chunk makes `read` reject.
 */
function startWorkerIfAllowed(dir: string, shared: Int32Array, arrived: ReadChunk[]): Helper | undefined {
  try {
    return startWorker(dir, shared, arrived);
  } catch (error) {
    if (WORKER_REFUSED.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
}

const WORKER_REFUSED = new Set(['ERR_ACCESS_DENIED', 'ERR_WORKER_INIT_FAILED']);

function startWorker(dir: string, shared: Int32Array, arrived: ReadChunk[]): Helper {
  const source = `'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const readChunk = (${readChunk.toString()});
const modules = { fs: require('node:fs'), path: require('node:path'), crypto: require('node:crypto') };
const scratch = {};
const { dir, shared, size } = workerData;
parentPort.once('message', (request) => {
  const { files } = request;
  while (Atomics.load(shared, 1) === 0) {
    const from = Atomics.add(shared, 0, size);
    if (from >= files.length) break;
    const chunk = readChunk(modules, scratch, { ...request, dir, from, to: Math.min(from + size, files.length) });
    parentPort.postMessage(chunk, [chunk.bytes.buffer]);
  }
  parentPort.postMessage('done');
});`;
  // Loaded here, not with this module: node:worker_threads is ~5 ms of the cold start of every command that loads a
  // snapshot, and most snapshots are read on this thread alone.
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof WorkerThreads;
  const worker = new Worker(source, { eval: true, workerData: { dir, shared, size: CHUNK_FILES } });
  let done = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const settle = () => {
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  worker.on('message', (message: ReadChunk | 'done') => {
    if (message === 'done') done = true;
    else arrived.push(message);
    settle();
  });
  worker.on('error', (error: Error) => {
    failure ??= error;
    settle();
  });
  worker.on('exit', (code) => {
    if (!done) failure ??= new Error(`the thread reading snapshot files stopped (exit code ${code}) before it had read its share`);
    settle();
  });
  return {
    worker,
    async arrival() {
      if (arrived.length > 0) return;
      if (failure === undefined && !done) await new Promise<void>((resolve) => (wake = resolve));
      if (arrived.length > 0) return;
      if (failure !== undefined) throw failure;
      if (done) throw new Error('the thread reading snapshot files finished without handing over a chunk it had claimed');
    },
  };
}
