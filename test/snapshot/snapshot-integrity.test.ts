import { execFileSync } from 'node:child_process';
import { appendFile, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidSnapshotError } from '../../src/snapshot/invalid-snapshot-error.js';
import { loadSnapshot } from '../../src/snapshot/load-snapshot.js';
import { canonicalSnapshot, writeSnapshot } from '../../src/snapshot/write-snapshot.js';
import { PROD_ENV_ID } from '../helpers/snapshot-builder.js';
import { richSnapshot, STAGING_ENV_ID, temporaryFolder } from './snapshot-fixtures.js';

const APP_FILE = `environments/${PROD_ENV_ID}/applications/app-web.json`;

async function written(): Promise<string> {
  const dir = await temporaryFolder();
  await writeSnapshot(richSnapshot(), dir);
  return dir;
}

async function editManifest(dir: string, edit: (manifest: { files: Record<string, string>; collection: { entries: Array<{ kind: string; environmentId?: string }> } }) => void) {
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8'));
  edit(manifest);
  await writeFile(file, JSON.stringify(manifest));
}

async function problemsOf(dir: string): Promise<string[]> {
  const error: unknown = await loadSnapshot(dir).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvalidSnapshotError);
  return (error as InvalidSnapshotError).problems.map((problem) => `${problem.file}: ${problem.message}`);
}

describe('loadSnapshot refuses a damaged snapshot, naming the file', () => {
  it('a file removed', async () => {
    const dir = await written();
    await rm(path.join(dir, APP_FILE));
    expect(await problemsOf(dir)).toEqual([`${APP_FILE}: missing: manifest.json lists it, the folder does not hold it`]);
  });

  it('a whole environment folder removed', async () => {
    const dir = await written();
    await rm(path.join(dir, 'environments', STAGING_ENV_ID), { recursive: true });
    const problems = await problemsOf(dir);
    expect(problems).toContain(`environments/${STAGING_ENV_ID}/environment.json: missing: manifest.json lists it, the folder does not hold it`);
  });

  it('a file changed by one byte', async () => {
    const dir = await written();
    await appendFile(path.join(dir, APP_FILE), ' ');
    expect(await problemsOf(dir)).toEqual([`${APP_FILE}: changed since pingone-audit wrote it: its SHA-256 is not the one manifest.json lists`]);
  });

  it("a file's entry removed from the manifest", async () => {
    const dir = await written();
    await editManifest(dir, (manifest) => delete manifest.files[APP_FILE]);
    expect(await problemsOf(dir)).toEqual([`${APP_FILE}: not listed in manifest.json: pingone-audit did not write it with this snapshot`]);
  });

  it('a file added, in the layout or not', async () => {
    const dir = await written();
    await writeFile(path.join(dir, `environments/${PROD_ENV_ID}/applications/app-planted.json`), '{}');
    await writeFile(path.join(dir, 'README.md'), '# tenant\n');
    expect(await problemsOf(dir)).toEqual([
      `README.md: not listed in manifest.json: pingone-audit did not write it with this snapshot`,
      `environments/${PROD_ENV_ID}/applications/app-planted.json: not listed in manifest.json: pingone-audit did not write it with this snapshot`,
    ]);
  });

  it('a manifest that lists a path outside the layout', async () => {
    const dir = await written();
    await editManifest(dir, (manifest) => (manifest.files['../../etc/passwd'] = '0'.repeat(64)));
    expect(await problemsOf(dir)).toEqual(['manifest.json: names no file of the snapshot layout']);
  });

  it('a link or a pipe among its files, without following or opening it', async () => {
    const dir = await written();
    const outside = path.join(await temporaryFolder(), 'outside.json');
    await writeFile(outside, await readFile(path.join(dir, APP_FILE)));
    await rm(path.join(dir, APP_FILE));
    await symlink(outside, path.join(dir, APP_FILE));
    const pipe = `environments/${PROD_ENV_ID}/users/user-1.json`;
    await rm(path.join(dir, pipe));
    execFileSync('mkfifo', [path.join(dir, pipe)]);
    const problems = await problemsOf(dir);
    expect(problems).toEqual([
      `${APP_FILE}: not a regular file (a link, a pipe or a device): a snapshot holds regular files only, and this one was not read`,
      `${pipe}: not a regular file (a link, a pipe or a device): a snapshot holds regular files only, and this one was not read`,
    ]);
  });
});

describe('loadSnapshot and the collection record', () => {
  it('reads a kind the manifest has no entry for as not collected, never as collected and empty', async () => {
    const dir = await written();
    await editManifest(dir, (manifest) => {
      manifest.collection.entries = manifest.collection.entries.filter((entry) => !(entry.kind === 'applications' && entry.environmentId === PROD_ENV_ID));
    });
    const { manifest } = await loadSnapshot(dir);
    expect(manifest.collection.complete).toBe(false);
    expect(manifest.collection.entries.filter((entry) => entry.kind === 'applications' && entry.environmentId === PROD_ENV_ID)).toEqual([
      { kind: 'applications', environmentId: PROD_ENV_ID, status: 'failed', error: 'not collected: manifest.json holds no collection entry for it' },
    ]);
  });

  it('adds nothing to a manifest that accounts for every kind', async () => {
    const dir = await written();
    const { manifest } = await loadSnapshot(dir);
    expect(manifest.collection.entries).toEqual(canonicalSnapshot(richSnapshot()).manifest.collection.entries);
  });
});
