import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../src/diff/drift-report.js';
import { writeSnapshot } from '../../src/snapshot/write-snapshot.js';
import { runCli } from '../helpers/run-cli.js';
import { buildSnapshot, webApp } from '../helpers/snapshot-builder.js';

let work: string;
let before: string;
let after: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-diff-'));
  before = path.join(work, 'before');
  after = path.join(work, 'after');
  await writeSnapshot(buildSnapshot({ environments: [{ applications: [webApp({ updatedAt: '2026-11-01T00:00:00.000Z' })] }] }), before);
  await writeSnapshot(buildSnapshot({ environments: [{ applications: [webApp({ updatedAt: '2026-11-20T00:00:00.000Z', grantTypes: ['AUTHORIZATION_CODE', 'IMPLICIT'] })] }] }), after);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('pingone-audit diff (built CLI)', () => {
  it('lists the changed property and the finding that appeared, and exits 1', async () => {
    const run = await runCli(['diff', before, after], { cwd: work });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('~ application Web (app-web)');
    expect(run.stdout).toContain('+ /grantTypes/1: added "IMPLICIT"');
    expect(run.stdout).toMatch(/Findings that appeared \(\d+\)\n(.*\n)*.* implicit-grant: /);
    expect(run.stdout).not.toContain('updatedAt');
    expect(run.stderr).toContain('drift found (--fail-on drift)');
  });

  it('writes JSON and Markdown to a file', async () => {
    const jsonFile = path.join(work, 'drift.json');
    expect((await runCli(['diff', before, after, '-f', 'json', '-o', jsonFile], { cwd: work })).code).toBe(1);
    const report = JSON.parse(await readFile(jsonFile, 'utf8')) as DriftReport;
    expect(report.summary).toMatchObject({ added: 0, removed: 0, changed: 1 });
    expect(report.old.path).toBe(before);
    const markdownFile = path.join(work, 'drift.md');
    await runCli(['diff', before, after, '-f', 'markdown', '-o', markdownFile], { cwd: work });
    expect(await readFile(markdownFile, 'utf8')).toContain('| + | Web (app-web) | application | `/grantTypes/1` |');
  });

  it('exits 0 with no drift, and with --fail-on none', async () => {
    const same = await runCli(['diff', before, before], { cwd: work });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('No drift');
    expect((await runCli(['diff', before, after, '--fail-on', 'none'], { cwd: work })).code).toBe(0);
  });

  it('exits 2 when a folder is not a snapshot', async () => {
    const run = await runCli(['diff', before, path.join(work, 'missing')], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('There is no snapshot folder at');
  });
});
