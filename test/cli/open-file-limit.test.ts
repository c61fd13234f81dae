import fs from 'node:fs';
import fsPromises from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

let work: string;
let snapshot: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-open-files-'));
  snapshot = path.join(work, 'demo');
  const demo = await runCli(['demo', '--out', snapshot, '-f', 'json', '-o', path.join(work, 'demo.json')]);
  expect(demo.code, demo.stderr).toBe(0);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
  // The source imports node:fs by name: its bindings follow the module object only once synced.
  syncBuiltinESMExports();
});

/** The error Node throws when a limit of open files is reached: open(2) failing with `code`. */
function limitError(code: 'EMFILE' | 'ENFILE', file: string): NodeJS.ErrnoException {
  const text = code === 'EMFILE' ? 'too many open files' : 'file table overflow';
  return Object.assign(new Error(`${code}: ${text}, open '${file}'`), { code, errno: code === 'EMFILE' ? -24 : -23, syscall: 'open', path: file });
}

/** Makes the synchronous open fail with `code` for the files `fails` picks, as it does at the limit; other files open. */
function failOpenSync(code: 'EMFILE' | 'ENFILE', fails: (file: string) => boolean): void {
  const open = fs.openSync;
  vi.spyOn(fs, 'openSync').mockImplementation((file, ...rest) => {
    if (typeof file === 'string' && fails(file)) throw limitError(code, file);
    return open(file, ...rest);
  });
  syncBuiltinESMExports();
}

const ENVIRONMENT_FILE = /[\\/]environments[\\/].+\.json$/;

describe('the limit of open files (EMFILE, ENFILE)', () => {
  it('reading a snapshot: exit 2 naming the file being opened and the limit to raise, not an internal error', async () => {
    failOpenSync('EMFILE', (file) => file.startsWith(snapshot) && ENVIRONMENT_FILE.test(file));
    const run = await runCli(['audit', snapshot]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`pingone-audit: Cannot read the snapshot in ${snapshot}: too many open files (EMFILE) opening ${snapshot}${path.sep}environments`);
    expect(run.stderr).toContain('ulimit -n');
    expect(run.stderr).toMatch(/\n {2}error code: too-many-open-files \(README\.md#error-codes\)\n$/);
    expect(run.stderr).not.toContain('internal error');
    expect(run.stdout).toBe('');
  });

  it("says when the whole system's table of open files is full (ENFILE)", async () => {
    failOpenSync('ENFILE', (file) => file.startsWith(snapshot) && ENVIRONMENT_FILE.test(file));
    const run = await runCli(['audit', snapshot]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('the system has too many open files (ENFILE)');
    expect(run.stderr).toContain('fs.file-max');
    expect(run.stderr).toContain('error code: too-many-open-files');
  });

  it('writing a snapshot: exit 2 naming the snapshot and the file', async () => {
    const out = path.join(work, 'written');
    failOpenSync('EMFILE', (file) => file.includes(`${path.sep}.written.writing-`) && ENVIRONMENT_FILE.test(file));
    const run = await runCli(['demo', '--out', out, '-f', 'json', '-o', path.join(work, 'written.json')]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`pingone-audit: Cannot write the snapshot to ${out}: too many open files (EMFILE) opening ${work}${path.sep}.written.writing-`);
    expect(run.stderr).toContain('error code: too-many-open-files');
  });

  it('anywhere else (the packs pingone-audit ships): exit 2 naming the folder being opened', async () => {
    const readdir = fs.readdirSync;
    vi.spyOn(fs, 'readdirSync').mockImplementation(((folder: fs.PathLike, ...rest: []) => {
      if (typeof folder === 'string' && /[\\/]rules[\\/]packs$/.test(folder)) throw Object.assign(limitError('EMFILE', folder), { syscall: 'scandir' });
      return readdir(folder, ...rest);
    }) as typeof fs.readdirSync);
    syncBuiltinESMExports();
    const run = await runCli(['audit', snapshot]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^pingone-audit: Too many open files \(EMFILE\) opening \S+[\\/]rules[\\/]packs: /);
    expect(run.stderr).toContain('error code: too-many-open-files');
  });

  it('where a read failure is already explained (the --history folder), the limit is named instead of "cannot be read"', async () => {
    const history = path.join(work, 'history');
    const readdir = fs.readdirSync;
    vi.spyOn(fs, 'readdirSync').mockImplementation(((folder: fs.PathLike, ...rest: []) => {
      if (folder === history) throw Object.assign(limitError('EMFILE', history), { syscall: 'scandir' });
      return readdir(folder, ...rest);
    }) as typeof fs.readdirSync);
    syncBuiltinESMExports();
    const run = await runCli(['audit', snapshot, '--history', history, '-f', 'markdown']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`pingone-audit: Too many open files (EMFILE) opening ${history}: `);
    expect(run.stderr).toContain('error code: too-many-open-files');
    expect(run.stderr).not.toContain('file-unreadable');
  });

  it('writing a report: exit 2 naming the --output', async () => {
    const report = path.join(work, 'reports', 'result.json');
    const open = fsPromises.open;
    vi.spyOn(fsPromises, 'open').mockImplementation(async (file, ...rest) => {
      if (typeof file === 'string' && file.startsWith(path.join(work, 'reports'))) throw limitError('EMFILE', file);
      return open(file, ...rest);
    });
    syncBuiltinESMExports();
    const run = await runCli(['audit', snapshot, '-f', 'json', '-o', report]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`Cannot write --output ${report}: too many open files (EMFILE) opening ${path.join(work, 'reports')}`);
    expect(run.stderr).toContain('error code: too-many-open-files');
    expect(run.stderr).not.toContain('internal error');
  });
});
