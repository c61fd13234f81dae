import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { keptInMemory, type PrintedStore } from '../formatters/sarif-uploads.js';

/**
 * Runs `use` with a {@link PrintedStore} in a file of its own folder under the system's temporary folder
 * (`pingone-audit-sarif-…`, which only the user can read), removed as soon as the file is open (read and written
 * through its descriptor), or where that is refused, when `use` ends. The SARIF is printed there
 * instead of being held: on the realistic snapshot of issue 19, 48 MB of new memory, which costs more to touch
 * the first time than the kernel's cache of a file. The file only saves memory: where the folder cannot be made
 * or written (a read-only or full temporary folder), the blocks are held as before, and the report is the same.
 */
export async function withSarifSpool<T>(use: (store: PrintedStore) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-sarif-')).catch(() => undefined);
  if (folder === undefined) return use(keptInMemory());
  try {
    const fd = openFile(path.join(folder, 'printed.sarif'));
    if (fd === undefined) return await use(keptInMemory());
    // Gone from the folder at once, the file lives on through `fd` alone: nothing is left behind however the process
    // ends (Ctrl-C, kill: no `finally` runs then), and no one else can open it. Where the system keeps an open file's
    // name (Windows), it is removed afterwards.
    await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    try {
      return await use(fileStore(fd));
    } finally {
      closeSync(fd);
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function openFile(file: string): number | undefined {
  try {
    return openSync(file, 'wx+', 0o600);
  } catch {
    return undefined;
  }
}

/** A kept block: where it starts among the bytes kept, and where it sits in the file, or the block itself once the file refused one. */
type KeptBlock = { start: number; length: number; at: number; block?: undefined } | { start: number; length: number; block: Buffer };

/**
 * Blocks written one after the other to `fd` and read back one at a time, each whole as it was kept (whole UTF-8
 * text, for a reader that decodes each block), into one buffer: a block is valid until the next is read.
 */
function fileStore(fd: number): PrintedStore {
  const kept: KeptBlock[] = [];
  let length = 0;
  let fileLength = 0;
  let refused = false;
  let buffer = Buffer.alloc(0);
  return {
    keep: (block) => {
      const start = length;
      length += block.length;
      if (!refused) {
        try {
          for (let written = 0; written < block.length; ) written += writeSync(fd, block, written, block.length - written, fileLength + written);
          kept.push({ start, length: block.length, at: fileLength });
          fileLength += block.length;
          return true;
        } catch {
          refused = true;
        }
      }
      kept.push({ start, length: block.length, block });
      return false;
    },
    *read(start, end) {
      for (const entry of kept) {
        if (entry.start < start || entry.start >= end) continue;
        if (entry.block !== undefined) {
          yield entry.block;
          continue;
        }
        if (buffer.length < entry.length) buffer = Buffer.allocUnsafe(entry.length);
        for (let read = 0; read < entry.length; ) {
          const got = readSync(fd, buffer, read, entry.length - read, entry.at + read);
          if (got === 0) throw new Error(`The SARIF report's temporary copy ended at byte ${entry.at + read} of ${fileLength}.`);
          read += got;
        }
        yield buffer.subarray(0, entry.length);
      }
    },
  };
}
