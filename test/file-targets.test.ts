import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserFacingError } from '../src/errors.js';
import { explainWriteError } from '../src/file-targets.js';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

describe('explainWriteError', () => {
  it('a folder gone before the file is made is the user’s to fix (exit 2), not an internal error', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-write-'));
    folders.push(folder);
    const gone = path.join(folder, 'removed-meanwhile', 'report.json');
    const written = explainWriteError('output-unwritable', `--output ${gone}`, () => writeFile(gone, '{}'));
    await expect(written).rejects.toBeInstanceOf(UserFacingError);
    await expect(written).rejects.toMatchObject({ errorCode: 'output-unwritable', hint: 'Choose a folder that stays in place during the run and can hold new files.' });
  });

  it('a folder filled by someone else while the snapshot was written is the user’s to fix', async () => {
    const filled = Object.assign(new Error('ENOTEMPTY: directory not empty, rename'), { code: 'ENOTEMPTY' });
    await expect(explainWriteError('snapshot-unwritable', 'the snapshot to out', () => Promise.reject(filled))).rejects.toMatchObject({ errorCode: 'snapshot-unwritable' });
  });

  it('an error with no file system code is left as it is: a bug', async () => {
    const bug = new TypeError('undefined is not a function');
    await expect(explainWriteError('output-unwritable', '--output x', () => Promise.reject(bug))).rejects.toBe(bug);
  });
});
