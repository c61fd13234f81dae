import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors.js';
import { loadSnapshot } from '../../src/snapshot/load-snapshot.js';
import { canonicalSnapshot, snapshotTexts, writeSnapshot } from '../../src/snapshot/write-snapshot.js';
import { PROD_ENV_ID, webApp } from '../helpers/snapshot-builder.js';
import { folderContents, reversed, richSnapshot, STAGING_ENV_ID, temporaryFolder } from './snapshot-fixtures.js';

describe('writeSnapshot', () => {
  it('writes one file per resource in the layout, the manifest included', async () => {
    const dir = await temporaryFolder();
    const { files } = await writeSnapshot(richSnapshot(), dir);
    const written = Object.keys(await folderContents(dir));
    expect(written).toContain('manifest.json');
    expect(written).toContain('roles/role-environment-admin.json');
    expect(written).toContain(`environments/${PROD_ENV_ID}/environment.json`);
    expect(written).toContain(`environments/${PROD_ENV_ID}/applications/app-web.json`);
    expect(written).toContain(`environments/${PROD_ENV_ID}/sign-on-policies/sop-mfa.json`);
    expect(written).toContain(`environments/${PROD_ENV_ID}/roles/custom-role.json`);
    expect(written).toContain(`environments/${PROD_ENV_ID}/gateways/gw-1.json`);
    expect(written).toContain(`environments/${STAGING_ENV_ID}/applications/app-staging.json`);
    expect(written).toHaveLength(files);
  });

  it('builds in memory, byte for byte, the files it writes (what a demo that keeps nothing takes its lines from)', async () => {
    const dir = await temporaryFolder();
    const snapshot = richSnapshot();
    snapshot.environments[0]!.applications[0]!._links = { self: { href: 'https://api.pingone.com/v1/x' } };
    const { files } = await writeSnapshot(snapshot, dir);
    const written = await folderContents(dir);
    const inMemory = snapshotTexts(canonicalSnapshot(reversed(snapshot)));
    expect(inMemory.files).toBe(files);
    for (const [file, text] of Object.entries(written)) {
      expect(inMemory.read(file), file).toEqual({ text, sha256: createHash('sha256').update(text, 'utf8').digest('hex') });
    }
    expect(inMemory.read(`environments/${PROD_ENV_ID}/applications/no-such-app.json`)).toBeUndefined();
  });

  it('round-trips: loading what was written gives the canonical snapshot back', async () => {
    const dir = await temporaryFolder();
    const snapshot = richSnapshot();
    await writeSnapshot(snapshot, dir);
    const loaded = await loadSnapshot(dir);
    expect(loaded).toEqual(canonicalSnapshot(snapshot));
    expect(loaded.environments[0]!.applications.find((app) => app.name === 'Odd id')?.id).toBe('app/../with space');
  });

  it('round-trips files larger than the loader reads at once, multi-byte characters across every boundary', async () => {
    const dir = await temporaryFolder();
    const snapshot = richSnapshot();
    // 3-byte characters: some fall across the 64 KiB the loader reads before it learns a file's size.
    Object.assign(snapshot.environments[0]!.applications[0]!, { description: `€${'€ab'.repeat(70_000)}` });
    await writeSnapshot(snapshot, dir);
    expect(await loadSnapshot(dir)).toEqual(canonicalSnapshot(snapshot));
  });

  it('writes byte-identical files for the same snapshot, whatever the order of its arrays', async () => {
    const snapshot = richSnapshot();
    const [first, second, shuffled] = [await temporaryFolder(), await temporaryFolder(), await temporaryFolder()];
    await writeSnapshot(snapshot, first);
    await writeSnapshot(structuredClone(snapshot), second);
    await writeSnapshot(reversed(snapshot), shuffled);
    const expected = await folderContents(first);
    expect(await folderContents(second)).toEqual(expected);
    expect(await folderContents(shuffled)).toEqual(expected);
  });

  it('prints sorted keys, 2-space indent, _embedded children by id, and no _links', async () => {
    const dir = await temporaryFolder();
    const snapshot = richSnapshot();
    snapshot.environments[0]!.applications[0]!._links = { self: { href: 'https://api.pingone.com/v1/x' } };
    snapshot.environments[0]!.signOnPolicies[0]!._embedded!.actions![0]!._links = { self: { href: 'x' } };
    await writeSnapshot(snapshot, dir);
    const app = await readFile(path.join(dir, 'environments', PROD_ENV_ID, 'applications', 'app-web.json'), 'utf8');
    expect(app).not.toContain('_links');
    expect(app.startsWith('{\n  "_embedded": {\n')).toBe(true);
    expect(app.endsWith('}\n')).toBe(true);
    const policy = JSON.parse(await readFile(path.join(dir, 'environments', PROD_ENV_ID, 'sign-on-policies', 'sop-mfa.json'), 'utf8'));
    expect(policy._embedded.actions.map((action: { id: string }) => action.id)).toEqual(['act-1', 'act-2']);
    expect(JSON.stringify(policy)).not.toContain('_links');
  });

  it('encodes an unsafe id into one safe file name inside its folder', async () => {
    const dir = await temporaryFolder();
    await writeSnapshot(richSnapshot(), dir);
    const applications = Object.keys(await folderContents(dir)).filter((file) => file.startsWith(`environments/${PROD_ENV_ID}/applications/`));
    expect(applications).toContain(`environments/${PROD_ENV_ID}/applications/app%2F..%2Fwith%20space.json`);
  });

  it('replaces an earlier snapshot: files of resources that are gone are removed, hidden entries kept', async () => {
    const dir = await temporaryFolder();
    await writeSnapshot(richSnapshot(), dir);
    await mkdir(path.join(dir, '.git'));
    await writeFile(path.join(dir, '.git', 'HEAD'), 'ref');
    const smaller = richSnapshot();
    smaller.environments = smaller.environments.filter((env) => env.environment.id === PROD_ENV_ID);
    smaller.environments[0]!.users = [];
    await writeSnapshot(smaller, dir);

    const files = Object.keys(await folderContents(dir));
    expect(files.some((file) => file.includes('/users/'))).toBe(false);
    expect(files.some((file) => file.includes(STAGING_ENV_ID))).toBe(false);
    expect(await readFile(path.join(dir, '.git', 'HEAD'), 'utf8')).toBe('ref');
    expect(await loadSnapshot(dir)).toEqual(canonicalSnapshot(smaller));
  });

  it('lists every file it wrote in manifest.json with its SHA-256, and leaves no hidden marker or temporary folder', async () => {
    const parent = await temporaryFolder();
    const dir = path.join(parent, 'snap');
    await writeSnapshot(richSnapshot(), dir);
    await writeSnapshot(richSnapshot(), dir);
    const { 'manifest.json': manifestText, ...resources } = await folderContents(dir);
    const manifest = JSON.parse(manifestText!) as { files: Record<string, string> };
    expect(Object.keys(manifest.files)).toEqual(Object.keys(resources));
    for (const [file, text] of Object.entries(resources)) expect(manifest.files[file]).toBe(createHash('sha256').update(text).digest('hex'));
    expect(await readdir(parent)).toEqual(['snap']);
    expect((await readdir(dir)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('refuses to replace a snapshot folder that holds files of its own, and touches nothing', async () => {
    const dir = await temporaryFolder();
    await writeSnapshot(richSnapshot(), dir);
    await writeFile(path.join(dir, 'README.md'), 'Our tenant, audited nightly.\n');
    const before = await folderContents(dir);
    await expect(writeSnapshot(richSnapshot(), dir)).rejects.toThrow(/holds README.md, which is not part of a snapshot and would be lost/);
    expect(await folderContents(dir)).toEqual(before);
  });

  it("refuses a folder whose manifest.json is some other tool's, and touches nothing", async () => {
    const dir = await temporaryFolder();
    await writeFile(path.join(dir, 'manifest.json'), '{ "name": "My web app", "start_url": "/" }\n');
    await writeFile(path.join(dir, 'index.html'), '<!doctype html>');
    const before = await folderContents(dir);
    await expect(writeSnapshot(richSnapshot(), dir)).rejects.toThrow(/holds no pingone-audit snapshot/);
    expect(await folderContents(dir)).toEqual(before);
  });

  it('refuses to write into a non-empty folder that holds no snapshot, and touches nothing', async () => {
    const dir = await temporaryFolder();
    await writeFile(path.join(dir, 'notes.txt'), 'keep me');
    const attempt = writeSnapshot(richSnapshot(), dir);
    await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
    await expect(attempt).rejects.toThrow(/not empty and holds no pingone-audit snapshot/);
    expect(Object.keys(await folderContents(dir))).toEqual(['notes.txt']);
  });

  it('creates a missing folder, and writes into one that holds only hidden entries', async () => {
    const parent = await temporaryFolder();
    const snapshot = richSnapshot();
    await writeSnapshot(snapshot, path.join(parent, 'a', 'b'));
    expect(await loadSnapshot(path.join(parent, 'a', 'b'))).toEqual(canonicalSnapshot(snapshot));
    await mkdir(path.join(parent, 'c', '.git'), { recursive: true });
    await expect(writeSnapshot(richSnapshot(), path.join(parent, 'c'))).resolves.toMatchObject({ files: expect.any(Number) });
  });

  it('refuses an id too long for a file name before writing anything', async () => {
    const parent = await temporaryFolder();
    const snapshot = richSnapshot();
    snapshot.environments[0]!.applications.push(webApp({ id: 'a'.repeat(300) }));
    const attempt = writeSnapshot(snapshot, path.join(parent, 'snap'));
    await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
    await expect(attempt).rejects.toThrow(/id too long to name a snapshot file: in environments\/env-prod\/applications, a name of 305 bytes/);
    expect(await readdir(parent)).toEqual([]);
  });

  it('rejects two resources that would share a file', async () => {
    const snapshot = richSnapshot();
    snapshot.environments[0]!.applications.push({ ...snapshot.environments[0]!.applications[0]! });
    await expect(writeSnapshot(snapshot, await temporaryFolder())).rejects.toThrow(/same id/);
  });
});

describe('writeSnapshot and links', () => {
  /** A folder outside the snapshot with one file in it, to see whether anything is written through a link. */
  async function outside(): Promise<{ dir: string; file: string }> {
    const dir = await temporaryFolder();
    const file = path.join(dir, 'victim.json');
    await writeFile(file, 'precious');
    return { dir, file };
  }

  it('refuses a link at the snapshot path', async () => {
    const target = await outside();
    const link = path.join(await temporaryFolder(), 'snap');
    await symlink(target.dir, link);
    await expect(writeSnapshot(richSnapshot(), link)).rejects.toThrow(/is a symbolic link, and pingone-audit never writes through links/);
    expect(await readdir(target.dir)).toEqual(['victim.json']);
  });

  it.each([
    ['a resource file', `environments/${PROD_ENV_ID}/applications/app-web.json`],
    ['manifest.json', 'manifest.json'],
    ['an environment folder', `environments/${STAGING_ENV_ID}`],
  ])('refuses to replace a snapshot with a link planted as %s, and writes nothing through it', async (_what, planted) => {
    const target = await outside();
    const dir = await temporaryFolder();
    await writeSnapshot(richSnapshot(), dir);
    const where = path.join(dir, ...planted.split('/'));
    await rm(where, { recursive: true });
    await symlink(planted.endsWith('.json') ? target.file : target.dir, where);
    await expect(writeSnapshot(richSnapshot(), dir)).rejects.toBeInstanceOf(UserFacingError);
    expect(await readdir(target.dir)).toEqual(['victim.json']);
    expect(await readFile(target.file, 'utf8')).toBe('precious');
  });
});
