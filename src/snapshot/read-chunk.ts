import * as fs from 'node:fs';
import path from 'node:path';
import { sha256 as hash } from './snapshot-folder.js';

/** A file-system error as plain data: kept beside the other files' outcomes, and rebuilt as the error it was when thrown. */
export interface ReadFailure {
  message: string;
  code: string | undefined;
  errno: number | undefined;
  syscall: string | undefined;
  path: string | undefined;
}

/** Where {@link readChunk} calls read, reused from one call to the next (and grown as files need). */
export interface ReadScratch {
  buffer?: Buffer;
}

/** Files `from` to `to` (exclusive) of a list, read: their bytes end to end, and per file what came of it. */
export interface ReadChunk {
  from: number;
  /**
   * Every file's bytes, one after another; a file's are `bytes[ends[i - 1] ?? 0 .. ends[i]]` (i counted from `from`).
   * A view of the scratch buffer, valid until the next {@link readChunk} with it.
   */
  bytes: Buffer;
  ends: number[];
  /**
   * Per file: the SHA-256 (lower-case hex) of its bytes; the size in bytes when it was too large to read; that it is
   * not a regular file (a pipe or a device that replaced it after the folder was listed); or why it could not be read.
   */
  outcomes: Array<{ sha256: string } | { tooLarge: number } | { notRegular: true } | { failure: ReadFailure }>;
}

/** Which files {@link readChunk} reads. */
export interface ChunkRequest {
  /** The snapshot folder. */
  dir: string;
  /** Layout paths (forward slashes; no empty, `.` or `..` segment). */
  files: readonly string[];
  /** The SHA-256 the manifest lists for each file (lower-case hex), where it lists one: a file read short that has it is whole. */
  checksums: readonly (string | undefined)[];
  /** The files `files[from..to)` are read. */
  from: number;
  to: number;
  /** A larger file is not read. */
  maxBytes: number;
}

/** Room kept free for the next file before it is read: more than nearly every snapshot file needs. */
const ROOM = 64 * 1024;

/**
 * A file the listing saw as regular and a link has replaced since fails (ELOOP) instead of being read through the link.
 * A pipe put there instead would block the open (and then the read) until a writer came: never, or when the attacker
 * likes. Non-blocking, it opens at once and reads nothing or fails with EAGAIN; regular files ignore the flag.
 */
const READ_NOT_FOLLOWING = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Reads the files a {@link ChunkRequest} names: one open, one read (a second to see the end only when the bytes
 * read do not have the listed checksum), one close each, no fstat unless a file outgrows the room left (which the
 * Stats object Node builds made cost as much as the read), into `scratch`: the chunk's bytes are that buffer's until
 * the next call with it, which reads over them (copy what must be kept). Never throws for
 * one file: a file that cannot be read (vanished, a link now: links are never followed) gives its error as data.
 */
export function readChunk(scratch: ReadScratch, { dir, files, checksums, from, to, maxBytes }: ChunkRequest): ReadChunk {
  let bytes = scratch.buffer ?? Buffer.allocUnsafe(4 * ROOM);
  let held = 0;
  const ends: number[] = [];
  const outcomes: ReadChunk['outcomes'] = [];
  // Room for `needed` bytes from `held` on, keeping what is held and what the current file filled so far (up to `kept`).
  const makeRoom = (needed: number, kept = held) => {
    if (bytes.length - held >= needed) return;
    const larger = Buffer.allocUnsafe(Math.max(bytes.length * 2, held + needed));
    bytes.copy(larger, 0, 0, kept);
    bytes = larger;
    scratch.buffer = larger;
  };
  // Reads into `bytes` from `at` on until `limit` or the end of the file; where it stopped.
  const fill = (fd: number, from: number, limit: number) => {
    let at = from;
    for (let read = -1; at < limit && read !== 0; at += read) read = fs.readSync(fd, bytes, at, limit - at, null);
    return at;
  };
  // Layout paths have no empty, "." or ".." segment: appended to the folder they name the file path.join would, without
  // normalising each of 14,000 paths again (a tenth of a cold load's reading).
  const folder = path.join(dir, path.sep);
  for (let index = from; index < to; index += 1) {
    const file = files[index]!;
    try {
      const fd = fs.openSync(folder + (path.sep === '/' ? file : file.replaceAll('/', path.sep)), READ_NOT_FOLLOWING);
      try {
        makeRoom(ROOM);
        const limit = Math.min(bytes.length, held + maxBytes + 1);
        let end = held + fs.readSync(fd, bytes, held, limit - held, null);
        let sha256: string | undefined;
        // A read that stops short of the room stopped at the end of a regular file, nearly always: the listed checksum
        // saves the read that would confirm it (a third system call per file). Without it, read on to the end.
        if (end > held && end < limit) {
          sha256 = hash(bytes.subarray(held, end));
          if (sha256 !== checksums[index]) {
            const more = fill(fd, end, limit);
            if (more !== end) sha256 = undefined;
            end = more;
          }
        } else if (end > held) end = fill(fd, end, limit);
        if (end === limit) {
          const size = fs.fstatSync(fd).size;
          if (size > maxBytes) {
            outcomes.push({ tooLarge: size });
            ends.push(held);
            continue;
          }
          // One byte more than the size said, so that a file that grew while it was read is read whole (and fails its checksum).
          const room = Math.max(size, end - held) + 1;
          makeRoom(room, end);
          end = fill(fd, end, held + room);
        }
        // Only an empty read can hide a pipe or a device (a snapshot's files are never empty): one fstat then, not per file.
        if (end === held && !fs.fstatSync(fd).isFile()) {
          outcomes.push({ notRegular: true });
          ends.push(held);
          continue;
        }
        outcomes.push({ sha256: sha256 ?? hash(bytes.subarray(held, end)) });
        held = end;
        ends.push(held);
      } finally {
        fs.closeSync(fd);
      }
    } catch (error) {
      const { message, code, errno, syscall, path: failed } = error as NodeJS.ErrnoException;
      // Only a pipe or a socket answers a non-blocking read with "try again"; a regular file never does.
      if (code === 'EAGAIN') {
        outcomes.push({ notRegular: true });
        ends.push(held);
        continue;
      }
      outcomes.push({ failure: { message, code, errno, syscall, path: failed } });
      ends.push(held);
    }
  }
  scratch.buffer = bytes;
  return { from, bytes: bytes.subarray(0, held), ends, outcomes };
}
