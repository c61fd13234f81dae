import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, startSimulator, type Dataset, type FaultPlan, type RunningSimulator } from '../../src/simulator/index.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * Issue 13's integrity and gate half, end to end: damaged snapshots, planted links, lists that
 * never end and environments that could not be read never come out as a pass (exit 0) or as
 * findings alone (exit 1).
 */
const dataset = loadDataset('demo');
const auditor = dataset.credentials[0]!;
const PRODUCTION = dataset.environments.find((env) => env.environment.name === 'Production')!.environment.id;
/** The worker whose missing admin role is one of the demo's high findings. */
const NIGHTLY_EXPORT = '861257a8-30b8-4cdb-a6f5-095512227389';
const APP_FILE = `environments/${PRODUCTION}/applications/${NIGHTLY_EXPORT}.json`;

let work: string;
let snapshot: string;
const running: RunningSimulator[] = [];

async function simulator(faults: FaultPlan = {}, served: Dataset = dataset): Promise<{ simulator: RunningSimulator; env: Record<string, string> }> {
  const started = await startSimulator({ dataset: served, faults });
  running.push(started);
  const env = {
    PINGONE_CLIENT_ID: auditor.clientId,
    PINGONE_CLIENT_SECRET: auditor.clientSecret,
    PINGONE_ENVIRONMENT_ID: auditor.environmentId,
    PINGONE_API_URL: started.apiUrl,
    PINGONE_AUTH_URL: started.authUrl,
  };
  return { simulator: started, env };
}

/** A copy of the demo snapshot, damaged by `edit`. */
async function damaged(name: string, edit: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(work, name);
  await cp(snapshot, dir, { recursive: true });
  await edit(dir);
  return dir;
}

/** A folder outside any snapshot with one file in it, to see whether anything is written through a link. */
async function outside(name: string): Promise<{ dir: string; file: string }> {
  const dir = path.join(work, name);
  await mkdir(dir);
  const file = path.join(dir, 'victim.json');
  await writeFile(file, 'precious');
  return { dir, file };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-hostile-snapshots-'));
  snapshot = path.join(work, 'demo');
  const { env } = await simulator();
  const run = await runCli(['snapshot', '--max-rps', '500', '--all-environments', '--out', snapshot], { env });
  expect(run.code, run.stderr).toBe(0);
  expect((await runCli(['audit', snapshot])).code).toBe(1);
}, 60_000);

afterAll(async () => {
  await Promise.all(running.splice(0).map((started) => started.close()));
  await rm(work, { recursive: true, force: true });
});

describe.concurrent('a damaged snapshot never audits as 0 or 1', () => {
  const damages: Array<[string, (dir: string) => Promise<void>, RegExp]> = [
    ['the file behind a high finding removed', (dir) => rm(path.join(dir, APP_FILE)), /missing: manifest.json lists it/],
    [
      "that file's entry removed from the manifest",
      async (dir) => {
        const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as { files: Record<string, string> };
        delete manifest.files[APP_FILE];
        await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
      },
      /not listed in manifest.json/,
    ],
    ['that file changed', (dir) => appendFile(path.join(dir, APP_FILE), '\n'), /changed since pingone-audit wrote it/],
    // Sparse, so the test costs no disk: read whole, it exceeded Node's longest string and exited 70.
    ['that file grown to 600 MiB', (dir) => truncate(path.join(dir, APP_FILE), 600 * 1024 * 1024), /is 600 MiB, larger than any file pingone-audit writes/],
    ['a file planted', (dir) => writeFile(path.join(dir, `environments/${PRODUCTION}/applications/planted.json`), '{}'), /not listed in manifest.json/],
    [
      'a link planted in place of a file',
      async (dir) => {
        const target = await outside(`link-target-${path.basename(dir)}`);
        await rm(path.join(dir, APP_FILE));
        await symlink(target.file, path.join(dir, APP_FILE));
      },
      /not a regular file/,
    ],
  ];

  it.each(damages)('%s: audit and diff exit 2, naming the file', async (name, edit, says) => {
    const dir = await damaged(name.replace(/\W+/g, '-'), edit);
    const audit = await runCli(['audit', dir, '--allow-incomplete', '--fail-on', 'none']);
    expect(audit.code, audit.stderr).toBe(2);
    expect(audit.stderr).toMatch(says);
    expect(audit.stderr).toMatch(new RegExp(`${APP_FILE}|planted\\.json`));
    const diff = await runCli(['diff', snapshot, dir, '--fail-on', 'none']);
    expect(diff.code, diff.stderr).toBe(2);
  });

  it('reads the collection entries removed from a manifest as not collected: incomplete, exit 3', async () => {
    const dir = await damaged('entries-removed', async (copy) => {
      const manifest = JSON.parse(await readFile(path.join(copy, 'manifest.json'), 'utf8')) as { collection: { entries: Array<{ kind: string }> } };
      manifest.collection.entries = manifest.collection.entries.filter((entry) => entry.kind !== 'applications' && entry.kind !== 'applicationRoleAssignments');
      await writeFile(path.join(copy, 'manifest.json'), JSON.stringify(manifest));
    });
    const audit = await runCli(['audit', dir, '-f', 'json']);
    expect(audit.code, audit.stderr).toBe(3);
    const report = JSON.parse(audit.stdout) as { notEvaluated: Array<{ reasons: Array<{ error?: string }> }> };
    expect(report.notEvaluated.flatMap((entry) => entry.reasons).some((reason) => reason.error?.includes('manifest.json holds no collection entry'))).toBe(true);
  });
});

describe.concurrent('links planted at or in an output are never written through, and refused before any request', () => {
  it.each([
    ['a resource file', APP_FILE],
    ['manifest.json', 'manifest.json'],
    ['an environment folder', `environments/${PRODUCTION}`],
  ])('a link planted as %s in the --out folder', async (_what, planted) => {
    const target = await outside(`victim-${planted.replace(/\W+/g, '-')}`);
    const dir = await damaged(`planted-${planted.replace(/\W+/g, '-')}`, async (copy) => {
      await rm(path.join(copy, planted), { recursive: true });
      await symlink(planted.endsWith('.json') ? target.file : target.dir, path.join(copy, planted));
    });
    const { simulator: api, env } = await simulator();
    const run = await runCli(['snapshot', '--max-rps', '500', '--all-environments', '--out', dir], { env });
    expect(run.code, run.stderr).toBe(2);
    expect(api.requestLog).toEqual([]);
    expect(await readdir(target.dir)).toEqual(['victim.json']);
    expect(await readFile(target.file, 'utf8')).toBe('precious');
  });

  it('a link as --out, or as an --output file', async () => {
    const target = await outside('victim-outputs');
    await symlink(target.dir, path.join(work, 'out-link'));
    await symlink(target.file, path.join(work, 'report-link.json'));
    const { simulator: api, env } = await simulator();
    const out = await runCli(['snapshot', '--all-environments', '--out', path.join(work, 'out-link')], { env });
    expect(out.code, out.stderr).toBe(2);
    const report = await runCli(['scan', '--all-environments', '--out', path.join(work, 'fresh'), '-f', 'json', '-o', path.join(work, 'report-link.json')], { env });
    expect(report.code, report.stderr).toBe(2);
    expect(api.requestLog).toEqual([]);
    expect(await readdir(target.dir)).toEqual(['victim.json']);
    expect(await readFile(target.file, 'utf8')).toBe('precious');
  });

  it("another tool's folder with a manifest.json is refused, not replaced", async () => {
    const app = path.join(work, 'web-app');
    await mkdir(app);
    await writeFile(path.join(app, 'manifest.json'), '{ "name": "Acme", "start_url": "/" }');
    await writeFile(path.join(app, 'index.html'), '<!doctype html>');
    const { env } = await simulator();
    const run = await runCli(['snapshot', '--all-environments', '--out', app], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('holds no pingone-audit snapshot');
    expect((await readdir(app)).sort()).toEqual(['index.html', 'manifest.json']);
  });
});

describe.concurrent('the gate on what could not be read', () => {
  it('a list that pages for ever is cut off, and the scan is incomplete', async () => {
    const { env } = await simulator({ pagingCycle: `/environments/${PRODUCTION}/applications` });
    const out = path.join(work, 'cycle');
    const run = await runCli(['snapshot', '--max-rps', '500', '--all-environments', '--out', out], { env });
    expect(run.code, run.stderr).toBe(3);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { collection: { entries: Array<{ kind: string; environmentId?: string; status: string }> } };
    expect(manifest.collection.entries.find((entry) => entry.kind === 'applications' && entry.environmentId === PRODUCTION)?.status).toBe('failed');
  });

  it('an answer larger than --max-answer-mb is refused, and its read fails by name', async () => {
    const huge = structuredClone(dataset);
    const production = huge.environments.find((env) => env.environment.id === PRODUCTION)!;
    production.applications[0]!.description = 'x'.repeat(3 * 1024 * 1024);
    const { env } = await simulator({}, huge);
    const out = path.join(work, 'huge');
    const run = await runCli(['snapshot', '--max-rps', '500', '--max-answer-mb', '1', '--all-environments', '--out', out], { env });
    expect(run.code, run.stderr).toBe(3);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as {
      collection: { entries: Array<{ kind: string; environmentId?: string; status: string; error?: string }> };
    };
    const applications = manifest.collection.entries.find((entry) => entry.kind === 'applications' && entry.environmentId === PRODUCTION);
    expect(applications?.status).toBe('failed');
    expect(applications?.error).toMatch(/MiB|bytes|max-answer/i);
  });

  it('--allow-incomplete never passes a snapshot in which an environment was not read at all', async () => {
    // Every API read refused: what a 429 storm leaves too, only without minutes of retries.
    const { env } = await simulator({ forbidden: ['/**'] });
    const out = path.join(work, 'unread');
    const run = await runCli(['snapshot', '--max-rps', '500', '-e', PRODUCTION, '--out', out], { env });
    expect(run.code, run.stderr).toBe(3);
    const audit = await runCli(['audit', out, '--allow-incomplete']);
    expect(audit.code, audit.stderr).toBe(3);
    expect(audit.stderr).toContain(`nothing was read in environment ${PRODUCTION}`);
    expect(audit.stdout).toContain('Not evaluated');
  });
});
