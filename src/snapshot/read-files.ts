import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
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
   * thread; resolves once every claimed chunk was handed over. Rejects when the worker thread failed (a bug:
   * `readChunk` returns a file's error as data).
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
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const arrived: ReadChunk[] = [];
  const scratch: ReadScratch = {};
  const helper = thread ? startWorker(dir, next, arrived) : undefined;
  return {
    async read(request, onChunk) {
      const { files } = request;
      helper?.worker.postMessage(request);
      const take = (chunk: ReadChunk) => {
        if (!onChunk(chunk)) Atomics.store(next, 0, files.length);
      };
      for (;;) {
        while (arrived.length > 0) take(arrived.shift()!);
        const from = Atomics.add(next, 0, CHUNK_FILES);
        if (from >= files.length) break;
        take(readChunk({ fs, path, crypto }, scratch, { ...request, dir, from, to: Math.min(from + CHUNK_FILES, files.length) }));
        // The worker's chunks arrive as messages, in a turn of the event loop (which timers and signals get too).
        await nextTurn();
      }
      if (helper === undefined) return;
      await helper.finished;
      while (arrived.length > 0) take(arrived.shift()!);
    },
    async close() {
      await helper?.worker.terminate();
    },
  };
}

interface Helper {
  worker: Worker;
  /** Resolves when the worker has posted its last chunk (each is in `arrived` by then); rejects if it fails. */
  finished: Promise<void>;
}

function startWorker(dir: string, next: Int32Array, arrived: ReadChunk[]): Helper {
  const source = `'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const readChunk = (${readChunk.toString()});
const modules = { fs: require('node:fs'), path: require('node:path'), crypto: require('node:crypto') };
const scratch = {};
const { dir, next, size } = workerData;
parentPort.once('message', (request) => {
  const { files } = request;
  for (let from = Atomics.add(next, 0, size); from < files.length; from = Atomics.add(next, 0, size)) {
    const chunk = readChunk(modules, scratch, { ...request, dir, from, to: Math.min(from + size, files.length) });
    parentPort.postMessage(chunk, [chunk.bytes.buffer]);
  }
  parentPort.postMessage('done');
});`;
  const worker = new Worker(source, { eval: true, workerData: { dir, next, size: CHUNK_FILES } });
  const finished = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: ReadChunk | 'done') => {
      if (message === 'done') resolve();
      else arrived.push(message);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the thread reading snapshot files stopped (exit code ${code}) before it had read its share`)));
  });
  // Seen by `read` when it awaits it; a reader closed before reading has no use for it.
  finished.catch(() => undefined);
  return { worker, finished };
}
