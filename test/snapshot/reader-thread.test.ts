import * as crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { closeSync, constants, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRealisticSnapshot } from '../../bench/realistic-snapshot.js';
import type { InvalidSnapshotError } from '../../src/snapshot/invalid-snapshot-error.js';
import { loadSnapshotWithFiles, type LoadOptions, changedSinceListed } from '../../src/snapshot/load-snapshot.js';
import { readChunk, type ReadChunk } from '../../src/snapshot/read-chunk.js';
import { createFileReader } from '../../src/snapshot/read-files.js';
import { reseal, temporaryFolder } from './snapshot-fixtures.js';

const BOTH: Array<NonNullable<LoadOptions['readerThread']>> = ['never', 'always'];

/** The realistic organization at 4 %: about 700 files, several chunks for each thread. */
async function manyFiles(): Promise<{ dir: string; files: string[] }> {
  const dir = await temporaryFolder();
  await writeRealisticSnapshot(dir, 0.04);
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  return { dir, files: files.sort() };
}

async function outcome(dir: string, readerThread: NonNullable<LoadOptions['readerThread']>) {
  return loadSnapshotWithFiles(dir, { readerThread }).then(
    (loaded) => ({ loaded }),
    (error: unknown) => ({ error }),
  );
}

describe('loading with a worker thread that reads files', () => {
  it('gives the same snapshot and the same file texts as reading on one thread', async () => {
    const folder = await manyFiles();
    const [alone, beside] = await Promise.all(BOTH.map(async (readerThread) => await loadSnapshotWithFiles(folder.dir, { readerThread })));
    expect(folder.files.length).toBeGreaterThan(500);
    expect(beside!.snapshot.environments).toHaveLength(10);
    expect(beside!.snapshot).toEqual(alone!.snapshot);
    for (const file of folder.files.filter((name) => name !== 'manifest.json')) expect(beside!.files.read(file)).toEqual(alone!.files.read(file));
  });

  it('reports a damaged file as reading on one thread does: the same problems, the same order', async () => {
    const { dir, files } = await manyFiles();
    const apps = files.filter((file) => file.includes('/applications/'));
    await writeFile(path.join(dir, apps[3]!), '{ "id": ');
    await writeFile(path.join(dir, apps[400]!), '[]');
    await reseal(dir);
    await writeFile(path.join(dir, apps[200]!), '{}');
    const [alone, beside] = await Promise.all(BOTH.map((readerThread) => outcome(dir, readerThread)));
    expect(beside).toEqual(alone);
    const problems = (beside as { error: InvalidSnapshotError }).error.problems;
    expect(problems.map(({ file }) => file)).toEqual(expect.arrayContaining([apps[3], apps[200], apps[400]]));
    expect(problems.find(({ file }) => file === apps[3])?.message).toMatch(/^not valid JSON: /);
    expect(problems.find(({ file }) => file === apps[200])?.message).toMatch(/^changed since pingone-audit wrote it/);
  });
});

describe('the file reader', () => {
  /** Every chunk's outcomes in file order. */
  async function outcomesOf(dir: string, files: string[], thread: boolean): Promise<ReadChunk['outcomes']> {
    const chunks: ReadChunk[] = [];
    const reader = createFileReader(dir, thread);
    try {
      await reader.read({ files, checksums: [], maxBytes: 1024 * 1024 }, (chunk) => chunks.push(chunk) > 0);
    } finally {
      await reader.close();
    }
    return chunks.sort((a, b) => a.from - b.from).flatMap((chunk) => chunk.outcomes);
  }

  it.each([false, true])('gives a file that changedSinceListed the error opening it throws, as data (worker thread: %s)', async (thread) => {
    const dir = await temporaryFolder();
    await writeFile(path.join(dir, 'here.json'), '{}');
    const outcomes = await outcomesOf(dir, ['here.json', 'gone.json'], thread);
    let thrown: NodeJS.ErrnoException | undefined;
    try {
      openSync(path.join(dir, 'gone.json'), 'r');
    } catch (error) {
      thrown = error as NodeJS.ErrnoException;
    }
    expect(thrown?.code).toBe('ENOENT');
    expect(outcomes).toEqual([
      { sha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a' },
      { failure: { message: thrown!.message, code: 'ENOENT', errno: thrown!.errno, syscall: 'open', path: path.join(dir, 'gone.json') } },
    ]);
  });

  const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

  it.each([
    [false, 'without'],
    [true, 'without'],
    [false, 'with'],
    [true, 'with'],
  ])('reads files larger than its buffer whole and leaves out those over the limit (worker thread: %s, %s the listed checksums)', async (thread, listed) => {
    const dir = await temporaryFolder();
    const large = `"${'é'.repeat(200_000)}"`;
    const texts = { 'a.json': '1', 'empty.json': '', 'large.json': large, 'over.json': 'x'.repeat(2 * 1024 * 1024), 'z.json': '2' };
    for (const [file, text] of Object.entries(texts)) await writeFile(path.join(dir, file), text);
    const files = Object.keys(texts);
    // A wrong checksum must not cut a file short: it is read to its end, and its own checksum given.
    const checksums = listed === 'with' ? [sha256('1'), sha256(''), sha256(large), sha256('x'), '0'.repeat(64)] : [];
    const chunks: ReadChunk[] = [];
    const reader = createFileReader(dir, thread);
    await reader.read({ files, checksums, maxBytes: 1024 * 1024 }, (chunk) => chunks.push(chunk) > 0).finally(() => reader.close());
    expect(chunks).toHaveLength(1);
    const [{ bytes, ends, outcomes }] = chunks as [ReadChunk];
    const read = ends.map((end, index) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', ends[index - 1] ?? 0, end));
    expect(read).toEqual(['1', '', large, '', '2']);
    expect(outcomes).toEqual([{ sha256: sha256('1') }, { sha256: sha256('') }, { sha256: sha256(large) }, { tooLarge: 2 * 1024 * 1024 }, { sha256: sha256('2') }]);
  });

  it.each([false, true])('never reads through a link: it fails as ELOOP (worker thread: %s)', async (thread) => {
    const dir = await temporaryFolder();
    const outside = path.join(await temporaryFolder(), 'secret.json');
    await writeFile(outside, '{"secret": true}');
    await symlink(outside, path.join(dir, 'link.json'));
    const [outcome] = await outcomesOf(dir, ['link.json'], thread);
    expect(outcome).toMatchObject({ failure: { code: 'ELOOP', syscall: 'open', path: path.join(dir, 'link.json') } });
  });

  it.each([false, true])('stops claiming chunks once told to, and resolves with those already claimed (worker thread: %s)', async (thread) => {
    const { dir, files } = await manyFiles();
    const seen: number[] = [];
    const reader = createFileReader(dir, thread);
    await reader.read({ files, checksums: [], maxBytes: 1024 * 1024 }, (chunk) => seen.push(chunk.from) === 0).finally(() => reader.close());
    expect(files.length).toBeGreaterThan(4 * 128);
    // This thread's first chunk; with the worker, also the chunks it had claimed when told (how many depends on timing).
    if (thread) expect(seen.length).toBeGreaterThanOrEqual(1);
    else expect(seen).toEqual([0]);
  });

  it.each([false, true])('gives a pipe that took a file’s place as not regular, without waiting for a writer (worker thread: %s)', async (thread) => {
    const dir = await temporaryFolder();
    await writeFile(path.join(dir, 'a.json'), '{}');
    // The listing saw regular files; pipes replaced two of them since: one nobody writes to, one held open by a writer.
    execFileSync('mkfifo', [path.join(dir, 'idle.json'), path.join(dir, 'held.json')]);
    const writer = openSync(path.join(dir, 'held.json'), constants.O_RDWR | constants.O_NONBLOCK);
    try {
      const outcomes = await outcomesOf(dir, ['a.json', 'idle.json', 'held.json'], thread);
      expect(outcomes).toEqual([{ sha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a' }, { notRegular: true }, { notRegular: true }]);
    } finally {
      closeSync(writer);
    }
  });

  it("reads the same from its own source text, as the worker runs it: it uses nothing of its module's scope", async () => {
    const dir = await temporaryFolder();
    await writeFile(path.join(dir, 'a.json'), '{"a": 1}');
    await writeFile(path.join(dir, 'b.json'), '"é"');
    // Where the worker evaluates this text only globals exist: a name the build put in the module (an import, a helper) throws.
    const ownSource = new Function(`'use strict'; return (${readChunk.toString()});`)() as typeof readChunk;
    const modules = { fs, path, crypto };
    const request = { dir, files: ['a.json', 'b.json', 'gone.json'], checksums: [sha256('{"a": 1}')], from: 0, to: 3, maxBytes: 1024 };
    const read = ownSource(modules, {}, request);
    expect(read.outcomes).toMatchObject([{ sha256: sha256('{"a": 1}') }, { sha256: sha256('"é"') }, { failure: { code: 'ENOENT' } }]);
    expect(read).toEqual(readChunk(modules, {}, request));
  });

  it('reads alone, with the same outcomes, when Node cannot start a thread (ERR_WORKER_INIT_FAILED at the thread limit)', async () => {
    const { dir, files } = await manyFiles();
    // The reader loads node:worker_threads with require when it starts a worker: the same module object as this one.
    const workerThreads = createRequire(import.meta.url)('node:worker_threads') as { Worker: unknown };
    const { Worker } = workerThreads;
    workerThreads.Worker = class {
      constructor() {
        throw Object.assign(new Error('EAGAIN'), { code: 'ERR_WORKER_INIT_FAILED' });
      }
    };
    let alone: ReadChunk['outcomes'];
    try {
      alone = await outcomesOf(dir, files, true);
    } finally {
      workerThreads.Worker = Worker;
    }
    expect(alone).toHaveLength(files.length);
    expect(alone).toEqual(await outcomesOf(dir, files, false));
  });

  it('stops its worker when closed before reading anything', async () => {
    const reader = createFileReader(await temporaryFolder(), true);
    await expect(reader.close()).resolves.toBeUndefined();
  });
});

describe('a file changed between listing the folder and reading it', () => {
  const failure = (code: string) => ({ message: `${code}: …, open '/snap/a.json'`, code, errno: -2, syscall: 'open', path: '/snap/a.json' });

  it('is missing, as a file never there is (exit 2, not an internal error)', () => {
    expect(changedSinceListed('a.json', failure('ENOENT'))).toEqual({ file: 'a.json', message: 'missing: manifest.json lists it, the folder does not hold it' });
    expect(changedSinceListed('a.json', failure('ENOTDIR'))).toEqual({ file: 'a.json', message: 'missing: manifest.json lists it, the folder does not hold it' });
  });

  it('is not a regular file when a link took its place (the reader never follows one)', () => {
    expect(changedSinceListed('a.json', failure('ELOOP'))).toEqual({
      file: 'a.json',
      message: 'not a regular file (a link, a pipe or a device): a snapshot holds regular files only, and this one was not read',
    });
  });

  it('leaves any other failure to be thrown as it was', () => {
    expect(changedSinceListed('a.json', failure('EACCES'))).toBeUndefined();
    expect(changedSinceListed('a.json', failure('EIO'))).toBeUndefined();
  });
});
