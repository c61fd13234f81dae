import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors.js';
import { InvalidSnapshotError } from '../../src/snapshot/invalid-snapshot-error.js';
import { loadSnapshot } from '../../src/snapshot/load-snapshot.js';
import { listTree } from '../../src/snapshot/snapshot-folder.js';
import { writeSnapshot } from '../../src/snapshot/write-snapshot.js';
import { PROD_ENV_ID } from '../helpers/snapshot-builder.js';
import { reseal, richSnapshot, temporaryFolder } from './snapshot-fixtures.js';

const APP_FILE = `environments/${PROD_ENV_ID}/applications/app-web.json`;
const USER_FILE = `environments/${PROD_ENV_ID}/users/user-1.json`;

/** A written snapshot folder, with `edits` (relative path → new text) applied and its checksums made to match them. */
async function snapshotFolder(edits: Record<string, string> = {}): Promise<string> {
  const dir = await temporaryFolder();
  await writeSnapshot(richSnapshot(), dir);
  for (const [file, text] of Object.entries(edits)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  await reseal(dir);
  return dir;
}

/** Edits one JSON file; `manifest.json` keeps its checksums, other files get theirs matched. */
async function editJson(dir: string, file: string, edit: (value: Record<string, unknown>) => void): Promise<void> {
  const value = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Record<string, unknown>;
  edit(value);
  await writeFile(path.join(dir, file), `${JSON.stringify(value, null, 2)}\n`);
  if (file !== 'manifest.json') await reseal(dir);
}

async function problemsOf(dir: string) {
  const error = await loadSnapshot(dir).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvalidSnapshotError);
  return error as InvalidSnapshotError;
}

describe('loadSnapshot: what is wrong, where', () => {
  it('names the file, line and column of malformed JSON', async () => {
    const dir = await snapshotFolder({ [USER_FILE]: '{\n  "id": "user-1",\n  "username": "alice",\n}\n' });
    const { problems, message } = await problemsOf(dir);
    expect(problems).toEqual([{ file: USER_FILE, line: 4, column: 1, message: expect.stringMatching(/^not valid JSON: expected a property name/) }]);
    expect(message).toContain(`${USER_FILE}:4:1: not valid JSON`);
  });

  it('lists every schema violation of every file at once, each with its JSON pointer and line', async () => {
    const dir = await snapshotFolder();
    await editJson(dir, APP_FILE, (app) => {
      app.redirectUris = ['https://ok.example.com', 42];
      app.grantTypes = ['AUTHORIZATION_CODE', 7];
      delete app.enabled;
    });
    await editJson(dir, USER_FILE, (user) => {
      user.mfaEnabled = 'yes';
    });
    const { problems, message } = await problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: APP_FILE, pointer: '/redirectUris/1', message: 'must be string, found 42' }),
        expect.objectContaining({ file: APP_FILE, pointer: '/grantTypes/1', message: 'must be string, found 7' }),
        expect.objectContaining({ file: APP_FILE, pointer: '/enabled', message: 'required property is missing', line: 1 }),
        expect.objectContaining({ file: USER_FILE, pointer: '/mfaEnabled', message: 'must be boolean, found "yes"' }),
      ]),
    );
    expect(problems).toHaveLength(4);
    const text = await readFile(path.join(dir, APP_FILE), 'utf8');
    const lineOf = (needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
    expect(problems.find((problem) => problem.pointer === '/redirectUris/1')?.line).toBe(lineOf('42'));
    expect(message).toMatch(/has 4 problems/);
    expect(message).toContain(`${APP_FILE}:${lineOf('42')} /redirectUris/1: must be string, found 42`);
  });

  it('checks nested children, role assignment scopes included', async () => {
    const dir = await snapshotFolder();
    await editJson(dir, USER_FILE, (user) => {
      (user._embedded as { roleAssignments: Array<{ scope: { type: unknown } }> }).roleAssignments[1]!.scope.type = 5;
    });
    const { problems } = await problemsOf(dir);
    expect(problems).toEqual([expect.objectContaining({ file: USER_FILE, pointer: '/_embedded/roleAssignments/1/scope/type' })]);
  });

  it('accepts enum values PingOne may add (scope types, grant types) and keeps them as read', async () => {
    const dir = await snapshotFolder();
    await editJson(dir, USER_FILE, (user) => {
      (user._embedded as { roleAssignments: Array<{ scope: { type: string } }> }).roleAssignments[1]!.scope.type = 'TENANT';
    });
    await editJson(dir, APP_FILE, (app) => {
      app.grantTypes = ['AUTHORIZATION_CODE', 'PASSWORD'];
      app.tokenEndpointAuthMethod = 'TLS_CLIENT_AUTH';
    });
    const snapshot = await loadSnapshot(dir);
    const [env] = snapshot.environments;
    expect(env!.applications.find((app) => app.id === 'app-web')).toMatchObject({ grantTypes: ['AUTHORIZATION_CODE', 'PASSWORD'], tokenEndpointAuthMethod: 'TLS_CLIENT_AUTH' });
    expect(env!.users.find((user) => user.id === 'user-1')?._embedded?.roleAssignments?.[1]?.scope.type).toBe('TENANT');
  });

  it('keeps API fields it does not know, and accepts them of any type', async () => {
    const dir = await snapshotFolder();
    await editJson(dir, APP_FILE, (app) => {
      app.someNewApiField = { deep: [null, 1] };
    });
    const snapshot = await loadSnapshot(dir);
    expect(snapshot.environments[0]!.applications.find((app) => app.id === 'app-web')?.someNewApiField).toEqual({ deep: [null, 1] });
  });

  it('reports a file whose id is not the one its path names', async () => {
    const dir = await snapshotFolder();
    await editJson(dir, APP_FILE, (app) => {
      app.id = 'app-other';
    });
    const { problems } = await problemsOf(dir);
    expect(problems).toEqual([expect.objectContaining({ file: APP_FILE, pointer: '/id', message: expect.stringContaining('"app-web", the id its path names') })]);
  });

  it('reports an environment folder without its environment.json', async () => {
    const dir = await snapshotFolder();
    await rm(path.join(dir, 'environments', PROD_ENV_ID, 'environment.json'));
    await reseal(dir);
    const { problems } = await problemsOf(dir);
    expect(problems).toEqual([expect.objectContaining({ file: `environments/${PROD_ENV_ID}/environment.json`, message: expect.stringMatching(/^missing/) })]);
  });

  it('checks the manifest', async () => {
    const dir = await snapshotFolder();
    await editJson(dir, 'manifest.json', (manifest) => {
      (manifest.collection as { entries: Array<{ status: string }> }).entries[0]!.status = 'partial';
      delete manifest.createdAt;
    });
    const { problems } = await problemsOf(dir);
    expect(problems.map((problem) => `${problem.file} ${problem.pointer}`)).toEqual(['manifest.json /createdAt', 'manifest.json /collection/entries/0/status']);
  });
});

describe('loadSnapshot: folders that are not a usable snapshot', () => {
  it('says how to create a snapshot when the folder is missing', async () => {
    const dir = path.join(await temporaryFolder(), 'nowhere');
    await expect(loadSnapshot(dir)).rejects.toThrow(`There is no snapshot folder at ${dir}.`);
    await expect(loadSnapshot(dir)).rejects.toMatchObject({ hint: expect.stringContaining('pingone-audit snapshot') });
  });

  it('refuses a folder without manifest.json', async () => {
    const dir = await snapshotFolder();
    await rm(path.join(dir, 'manifest.json'));
    const attempt = loadSnapshot(dir);
    await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
    await expect(attempt).rejects.toThrow(/not a snapshot folder: it has no manifest.json/);
  });

  it('refuses a format version it does not read, naming the version that wrote it', async () => {
    const dir = await snapshotFolder();
    await editJson(dir, 'manifest.json', (manifest) => {
      manifest.schemaVersion = 3;
      manifest.tool = { name: 'pingone-audit', version: '9.0.0' };
    });
    await expect(loadSnapshot(dir)).rejects.toThrow(/format version 3 \(written by pingone-audit 9\.0\.0\).*reads version 2/);
  });

  it('refuses a format 1 snapshot, which has no checksums, and says how to collect it again', async () => {
    const dir = await snapshotFolder();
    await editJson(dir, 'manifest.json', (manifest) => {
      manifest.schemaVersion = 1;
      delete manifest.files;
    });
    const attempt = loadSnapshot(dir);
    await expect(attempt).rejects.toThrow(/format 1 .*does not record the checksums/);
    await expect(attempt).rejects.toMatchObject({ hint: expect.stringContaining(`pingone-audit snapshot --out ${dir}`) });
  });

  it('refuses a folder whose manifest.json pingone-audit did not write', async () => {
    const dir = await temporaryFolder();
    await writeFile(path.join(dir, 'manifest.json'), '{ "name": "My web app", "short_name": "app", "icons": [] }\n');
    await expect(loadSnapshot(dir)).rejects.toThrow(/not a pingone-audit snapshot: its manifest.json was not written by pingone-audit/);
  });

  it('stops listing the folder once its manifest turns out not to be ours: no further folder is read', async () => {
    const dir = await temporaryFolder();
    await mkdir(path.join(dir, 'a', 'b'), { recursive: true });
    await writeFile(path.join(dir, 'a', 'b', 'c.json'), '{}');
    expect((await listTree(dir)).files).toEqual(['a/b/c.json']);
    const stop = new AbortController();
    stop.abort();
    expect(await listTree(dir, stop.signal)).toEqual({ files: [], others: [] });
    // An aborted walk reads nothing, so a folder that is gone by then does not fail it either.
    await expect(listTree(path.join(dir, 'gone'), stop.signal)).resolves.toEqual({ files: [], others: [] });
  });

  it('ignores hidden entries', async () => {
    const dir = await snapshotFolder();
    await mkdir(path.join(dir, '.git'));
    await writeFile(path.join(dir, '.git', 'HEAD'), 'ref');
    expect((await loadSnapshot(dir)).environments).toHaveLength(2);
  });
});

describe('loadSnapshot: hostile files', () => {
  it('refuses a "__proto__" member instead of letting it become a prototype', async () => {
    const dir = await snapshotFolder();
    const text = await readFile(path.join(dir, APP_FILE), 'utf8');
    await writeFile(path.join(dir, APP_FILE), text.replace('{', '{\n  "__proto__": { "polluted": true },'));
    await reseal(dir);
    const { problems } = await problemsOf(dir);
    expect(problems).toEqual([{ file: APP_FILE, message: expect.stringContaining('"__proto__" member') }]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
