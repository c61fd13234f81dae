import * as crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync, readFileSync } from 'node:fs';
import { readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRealisticSnapshot } from '../../bench/realistic-snapshot.js';
import type { InvalidSnapshotError } from '../../src/snapshot/invalid-snapshot-error.js';
import { changedSinceListed, loadSnapshotWithFiles } from '../../src/snapshot/load-snapshot.js';
import { readChunk, type ReadChunk } from '../../src/snapshot/read-chunk.js';
import { reseal, temporaryFolder } from './snapshot-fixtures.js';

/** The realistic organization at 4 %: about 700 files, several chunks of files read at a time. */
async function manyFiles(): Promise<{ dir: string; files: string[] }> {
  const dir = await temporaryFolder();
  await writeRealisticSnapshot(dir, 0.04);
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  return { dir, files: files.sort() };
}

describe('loading a snapshot of many files', () => {
  it('keeps each file’s text as it is on disk, across the chunks it was read in', async () => {
    const { dir, files } = await manyFiles();
    const { snapshot, files: texts } = await loadSnapshotWithFiles(dir);
    expect(files.length).toBeGreaterThan(500);
    expect(snapshot.environments).toHaveLength(10);
    for (const file of files.filter((name) => name !== 'manifest.json')) expect(texts.read(file)?.text).toBe(readFileSync(path.join(dir, file), 'utf8'));
  });

  it('reports damaged files of different chunks, each with its own problem', async () => {
    const { dir, files } = await manyFiles();
    const apps = files.filter((file) => file.includes('/applications/'));
    await writeFile(path.join(dir, apps[3]!), '{ "id": ');
    await writeFile(path.join(dir, apps[400]!), '[]');
    await reseal(dir);
    await writeFile(path.join(dir, apps[200]!), '{}');
    const error = await loadSnapshotWithFiles(dir).then(
      () => undefined,
      (thrown: unknown) => thrown as InvalidSnapshotError,
    );
    const problems = error?.problems ?? [];
    expect(problems.map(({ file }) => file)).toEqual(expect.arrayContaining([apps[3], apps[200], apps[400]]));
    expect(problems.find(({ file }) => file === apps[3])?.message).toMatch(/^not valid JSON: /);
    expect(problems.find(({ file }) => file === apps[200])?.message).toMatch(/^changed since pingone-audit wrote it/);
    expect(problems.find(({ file }) => file === apps[400])?.message).toBeDefined();
  });
});

describe('reading a chunk of files', () => {
  const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
  const read = (dir: string, files: string[], checksums: string[] = []) => readChunk({}, { dir, files, checksums, from: 0, to: files.length, maxBytes: 1024 * 1024 });

  it('gives a file that changedSinceListed the error opening it throws, as data', async () => {
    const dir = await temporaryFolder();
    await writeFile(path.join(dir, 'here.json'), '{}');
    const { outcomes } = read(dir, ['here.json', 'gone.json']);
    let thrown: NodeJS.ErrnoException | undefined;
    try {
      openSync(path.join(dir, 'gone.json'), 'r');
    } catch (error) {
      thrown = error as NodeJS.ErrnoException;
    }
    expect(thrown?.code).toBe('ENOENT');
    expect(outcomes).toEqual([{ sha256: sha256('{}') }, { failure: { message: thrown!.message, code: 'ENOENT', errno: thrown!.errno, syscall: 'open', path: path.join(dir, 'gone.json') } }]);
  });

  it.each(['without', 'with'])('reads files larger than its buffer whole and leaves out those over the limit (%s the listed checksums)', async (listed) => {
    const dir = await temporaryFolder();
    const large = `"${'é'.repeat(200_000)}"`;
    const texts = { 'a.json': '1', 'empty.json': '', 'large.json': large, 'over.json': 'x'.repeat(2 * 1024 * 1024), 'z.json': '2' };
    for (const [file, text] of Object.entries(texts)) await writeFile(path.join(dir, file), text);
    // A wrong checksum must not cut a file short: it is read to its end, and its own checksum given.
    const checksums = listed === 'with' ? [sha256('1'), sha256(''), sha256(large), sha256('x'), '0'.repeat(64)] : [];
    const { bytes, ends, outcomes }: ReadChunk = read(dir, Object.keys(texts), checksums);
    expect(ends.map((end, index) => bytes.toString('utf8', ends[index - 1] ?? 0, end))).toEqual(['1', '', large, '', '2']);
    expect(outcomes).toEqual([{ sha256: sha256('1') }, { sha256: sha256('') }, { sha256: sha256(large) }, { tooLarge: 2 * 1024 * 1024 }, { sha256: sha256('2') }]);
  });

  it('never reads through a link: it fails as ELOOP', async () => {
    const dir = await temporaryFolder();
    const outside = path.join(await temporaryFolder(), 'secret.json');
    await writeFile(outside, '{"secret": true}');
    await symlink(outside, path.join(dir, 'link.json'));
    const [outcome] = read(dir, ['link.json']).outcomes;
    expect(outcome).toMatchObject({ failure: { code: 'ELOOP', syscall: 'open', path: path.join(dir, 'link.json') } });
  });

  it('gives a pipe that took a file’s place as not regular, without waiting for a writer', async () => {
    const dir = await temporaryFolder();
    await writeFile(path.join(dir, 'a.json'), '{}');
    // The listing saw regular files; pipes replaced two of them since: one nobody writes to, one held open by a writer.
    execFileSync('mkfifo', [path.join(dir, 'idle.json'), path.join(dir, 'held.json')]);
    const writer = openSync(path.join(dir, 'held.json'), constants.O_RDWR | constants.O_NONBLOCK);
    try {
      expect(read(dir, ['a.json', 'idle.json', 'held.json']).outcomes).toEqual([{ sha256: sha256('{}') }, { notRegular: true }, { notRegular: true }]);
    } finally {
      closeSync(writer);
    }
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
