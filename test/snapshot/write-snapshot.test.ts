import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors.js';
import { loadSnapshot, loadSnapshotWithWarnings } from '../../src/snapshot/load-snapshot.js';
import { canonicalSnapshot, writeSnapshot } from '../../src/snapshot/write-snapshot.js';
import { PROD_ENV_ID } from '../helpers/snapshot-builder.js';
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

  it('round-trips: loading what was written gives the canonical snapshot back', async () => {
    const dir = await temporaryFolder();
    const snapshot = richSnapshot();
    await writeSnapshot(snapshot, dir);
    const { snapshot: loaded, warnings } = await loadSnapshotWithWarnings(dir);
    expect(warnings).toEqual([]);
    expect(loaded).toEqual(canonicalSnapshot(snapshot));
    expect(loaded.environments[0]!.applications.find((app) => app.name === 'Odd id')?.id).toBe('app/../with space');
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

  it('replaces an earlier snapshot: files of resources that are gone are removed, other files kept', async () => {
    const dir = await temporaryFolder();
    await writeSnapshot(richSnapshot(), dir);
    await writeFile(path.join(dir, 'README.md'), 'Our tenant, audited nightly.\n');
    const smaller = richSnapshot();
    smaller.environments = smaller.environments.filter((env) => env.environment.id === PROD_ENV_ID);
    smaller.environments[0]!.users = [];
    await writeSnapshot(smaller, dir);

    const files = Object.keys(await folderContents(dir));
    expect(files).toContain('README.md');
    expect(files.some((file) => file.includes('/users/'))).toBe(false);
    expect(files.some((file) => file.includes(STAGING_ENV_ID))).toBe(false);
    await expect(readFile(path.join(dir, 'environments', STAGING_ENV_ID), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await loadSnapshot(dir)).toEqual(canonicalSnapshot(smaller));
  });

  it('refuses to write into a non-empty folder that holds no snapshot, and touches nothing', async () => {
    const dir = await temporaryFolder();
    await writeFile(path.join(dir, 'notes.txt'), 'keep me');
    const attempt = writeSnapshot(richSnapshot(), dir);
    await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
    await expect(attempt).rejects.toThrow(/not empty and holds no snapshot/);
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

  it('rejects two resources that would share a file', async () => {
    const snapshot = richSnapshot();
    snapshot.environments[0]!.applications.push({ ...snapshot.environments[0]!.applications[0]! });
    await expect(writeSnapshot(snapshot, await temporaryFolder())).rejects.toThrow(/same id/);
  });
});
