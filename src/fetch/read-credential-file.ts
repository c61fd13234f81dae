import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UserFacingError } from '../errors.js';

/** A PEM key or a secret is a few KiB; more is the wrong file (or /dev/zero), never read whole. */
const MAX_BYTES = 64 * 1024;
/** How long a pipe may take to deliver its text (`<(vault read …)` answers in well under a second), in ms. */
const PIPE_WAIT_MS = 5000;

/**
 * Reads a credential file the user named (the private key or the client secret) without ever blocking
 * the run: a regular file, or a pipe such as `--private-key-file <(vault read …)` that delivers its text
 * within 5 s. A folder, a device, a file over 64 KiB or a pipe nobody writes to is refused with exit 2,
 * naming the setting and the file, never the content. `label` names the setting ("the client secret file").
 * `pipeWaitMs` is how long an empty pipe may stay empty (default 5 s); tests shorten it.
 */
export function readCredentialFile(file: string, label: string, hint: string, seeAlso?: string, pipeWaitMs = PIPE_WAIT_MS): string {
  const fail = (reason: string) => new UserFacingError('file-unreadable', `Cannot read ${label} ${file} (${reason}).`, { hint, ...(seeAlso ? { seeAlso } : {}) });
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for ever for a writer.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw fail((error as NodeJS.ErrnoException).code ?? 'unreadable');
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw fail('EISDIR');
    if (!stats.isFile() && !stats.isFIFO()) throw fail('not a regular file or a pipe');
    return readBounded(fd, stats.isFIFO() ? pipeWaitMs : undefined, fail);
  } finally {
    closeSync(fd);
  }
}

/** `pipeWaitMs` is undefined for a regular file, whose end is its end; for a pipe, how long it may stay empty. */
function readBounded(fd: number, pipeWaitMs: number | undefined, fail: (reason: string) => UserFacingError): string {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(16 * 1024);
  let total = 0;
  const deadline = Date.now() + (pipeWaitMs ?? 0);
  try {
    for (;;) {
      const read = readChunk(fd, buffer, fail);
      if (read > 0) {
        total += read;
        if (total > MAX_BYTES) throw fail('larger than 64 KiB: not a key or a secret');
        chunks.push(Buffer.from(buffer.subarray(0, read)));
        continue;
      }
      // End of a file, or of a pipe that has delivered something. An empty pipe may have no writer yet.
      if (read === 0 && (pipeWaitMs === undefined || total > 0)) break;
      if (Date.now() >= deadline) throw fail(`a pipe nothing was written to within ${(pipeWaitMs ?? 0) / 1000} s`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    buffer.fill(0);
    for (const chunk of chunks) chunk.fill(0);
  }
}

/** Bytes read, or -1 when a pipe has nothing yet (EAGAIN). */
function readChunk(fd: number, buffer: Buffer, fail: (reason: string) => UserFacingError): number {
  try {
    return readSync(fd, buffer, 0, buffer.length, null);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN') return -1;
    throw fail(code ?? 'unreadable');
  }
}
