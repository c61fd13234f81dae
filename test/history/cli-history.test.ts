import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/engine/types.js';
import { writeSnapshot } from '../../src/snapshot/write-snapshot.js';
import { runCli } from '../helpers/run-cli.js';
import { buildSnapshot, PROD_ENV_ID, webApp } from '../helpers/snapshot-builder.js';

const implicitApp = (id: string, name: string) => webApp({ id, name, grantTypes: ['IMPLICIT'], responseTypes: ['TOKEN'], tokenEndpointAuthMethod: 'NONE' });
const DAY_MS = 86_400_000;

let work: string;
let current: AuditResult;

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(path.join(work, file), 'utf8')) as T;
}

/** A report of an earlier run: this run's, dated `daysAgo` earlier, with only the findings `keep` keeps. */
async function earlierRun(folder: string, name: string, daysAgo: number, keep: (finding: AuditResult['findings'][number]) => boolean): Promise<void> {
  const generatedAt = new Date(Date.parse(current.generatedAt) - daysAgo * DAY_MS).toISOString();
  await mkdir(path.join(work, folder), { recursive: true });
  await writeFile(path.join(work, folder, name), JSON.stringify({ ...current, generatedAt, findings: current.findings.filter(keep) }));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-history-'));
  await writeSnapshot(buildSnapshot({ environments: [{ applications: [implicitApp('app-kiosk', 'Kiosk'), implicitApp('app-legacy', 'Legacy SPA')] }] }), path.join(work, 'snapshot'));
  await runCli(['audit', 'snapshot', '-f', 'json', '-o', 'now.json'], { cwd: work });
  current = await readJson<AuditResult>('now.json');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const kiosk = (finding: AuditResult['findings'][number]) => finding.resource.id === 'app-kiosk';

describe('--history (issue 17, item 6)', () => {
  it('dates each finding by fingerprint, orders runs by their timestamp, and says what is new and fixed since the last run', async () => {
    expect(current.findings.some(kiosk)).toBe(true);
    expect(current.findings.some((finding) => !kiosk(finding))).toBe(true);
    // File names in the opposite order of the runs: "a-latest" ran 2 days ago, "z-oldest" 9 days ago.
    await earlierRun('runs', 'z-oldest.json', 9, kiosk);
    await earlierRun('runs', 'a-latest.json', 2, () => true);
    const run = await runCli(['audit', 'snapshot', '--history', 'runs', '-f', 'json', '-o', 'dated.json', '-f', 'markdown', '-o', 'dated.md', '-f', 'html', '-o', 'dated.html'], { cwd: work });
    expect(run.code, run.stderr).not.toBe(2);
    const dated = await readJson<AuditResult>('dated.json');
    for (const finding of dated.findings) {
      expect(finding.age).toBe(kiosk(finding) ? 9 : 2);
      expect(finding.firstSeen).toBe(new Date(Date.parse(dated.generatedAt) - (kiosk(finding) ? 9 : 2) * DAY_MS).toISOString().slice(0, 10));
    }
    expect(dated.history?.runs.map((entry) => entry.file)).toEqual([path.join('runs', 'z-oldest.json'), path.join('runs', 'a-latest.json'), undefined]);
    expect(dated.history?.previous).toMatchObject({ file: path.join('runs', 'a-latest.json'), new: [], fixed: [] });
    const markdown = await readFile(path.join(work, 'dated.md'), 'utf8');
    expect(markdown).toContain(`0 new · 0 fixed · ${dated.findings.length} still open`);
    expect(markdown).toContain('first seen');
  });

  it('counts a finding missing from the last run as new, and one that is gone as fixed', async () => {
    await earlierRun('gone', 'earlier.json', 1, kiosk);
    const legacyOnly = { ...current, generatedAt: new Date(Date.parse(current.generatedAt) - 3 * DAY_MS).toISOString() };
    await writeFile(path.join(work, 'gone', 'older.json'), JSON.stringify(legacyOnly));
    // Now the kiosk app is fixed: the run sees only the legacy app.
    await writeSnapshot(buildSnapshot({ environments: [{ applications: [implicitApp('app-legacy', 'Legacy SPA')] }] }), path.join(work, 'fixed-snapshot'));
    await runCli(['audit', 'fixed-snapshot', '--history', 'gone', '-f', 'json', '-o', 'gone.json', '-f', 'markdown', '-o', 'gone.md', '-f', 'html', '-o', 'gone.html'], { cwd: work });
    const result = await readJson<AuditResult>('gone.json');
    const previous = result.history?.previous;
    expect(previous?.new).toEqual(result.findings.map((finding) => finding.fingerprint));
    expect(previous?.fixed.map((finding) => finding.resource.id)).toEqual(current.findings.filter(kiosk).map((finding) => finding.resource.id));
    // Seen 3 days ago, missing from yesterday's run, back now: new since last time, but first seen 3 days ago.
    expect(result.findings.map((finding) => finding.age)).toEqual(result.findings.map(() => 3));
    const markdown = await readFile(path.join(work, 'gone.md'), 'utf8');
    expect(markdown).toContain(`**Since the last run (${previous?.generatedAt}):** ${result.findings.length} new · ${previous?.fixed.length} fixed · 0 still open`);
    expect(markdown).toContain('Fixed since the last run');
    const html = await readFile(path.join(work, 'gone.html'), 'utf8');
    const trend = /<svg class="chart" role="img" aria-labelledby="trend-title trend-desc"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(trend).toContain('<title id="trend-title">Open findings by severity over the last runs</title>');
    expect(trend.match(/<desc id="trend-desc">[^<]*<\/desc>/)?.[0].split('; ')).toHaveLength(3);
    expect(trend).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  // A rule that could not run this time (its data was not collected) has no findings: they are not fixed for that.
  it('does not call fixed what this run could not check again, and says how many', async () => {
    await earlierRun('unread', 'earlier.json', 1, () => true);
    const unread = buildSnapshot({
      environments: [{ applications: [implicitApp('app-kiosk', 'Kiosk'), implicitApp('app-legacy', 'Legacy SPA')] }],
      failed: [{ kind: 'applications', environmentId: PROD_ENV_ID, status: 'failed', httpStatus: 403, path: `/environments/${PROD_ENV_ID}/applications` }],
    });
    await writeSnapshot(unread, path.join(work, 'unread-snapshot'));
    const run = await runCli(['audit', 'unread-snapshot', '--allow-incomplete', '--history', 'unread', '-f', 'json', '-o', 'unread.json', '-f', 'markdown', '-o', 'unread.md'], { cwd: work });
    expect(run.code, run.stderr).not.toBe(2);
    const result = await readJson<AuditResult>('unread.json');
    expect(result.findings).toEqual([]);
    expect(result.history?.previous?.fixed).toEqual([]);
    expect(result.warnings?.find((warning) => warning.code === 'history-unverified')?.message).toMatch(new RegExp(`^${current.findings.length} finding\\(s\\) of the last run`));
    expect(await readFile(path.join(work, 'unread.md'), 'utf8')).toContain('0 new · 0 fixed · 0 still open');
  });

  it('leaves out, with a warning, a report that is not earlier than this run', async () => {
    await mkdir(path.join(work, 'future'), { recursive: true });
    await writeFile(path.join(work, 'future', 'later.json'), JSON.stringify({ ...current, generatedAt: '2999-01-01T00:00:00.000Z' }));
    const run = await runCli(['audit', 'snapshot', '--history', 'future', '-f', 'json', '-o', 'future.json'], { cwd: work });
    expect(run.stderr).toContain(`warning: ${path.join('future', 'later.json')}: ran at 2999-01-01T00:00:00.000Z, not before this run`);
    const result = await readJson<AuditResult>('future.json');
    expect(result.history?.runs).toHaveLength(1);
    expect(result.findings.every((finding) => finding.age === 0)).toBe(true);
  });

  // Reports kept elsewhere and linked in (latest.json → 2026-11-30.json) were skipped without a word.
  it('reads a report the folder links to, and refuses a link to nothing, naming it (exit 2)', async () => {
    await earlierRun('kept', 'monday.json', 3, kiosk);
    await mkdir(path.join(work, 'linked', 'folder.json'), { recursive: true });
    await symlink(path.join(work, 'kept', 'monday.json'), path.join(work, 'linked', 'monday.json'));
    // A link to a folder is left alone, as a subfolder is.
    await symlink(path.join(work, 'kept'), path.join(work, 'linked', 'to-folder.json'));
    const run = await runCli(['audit', 'snapshot', '--history', 'linked', '-f', 'json', '-o', 'linked.json'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect((await readJson<AuditResult>('linked.json')).history?.runs).toHaveLength(2);
    await symlink(path.join(work, 'kept', 'gone.json'), path.join(work, 'linked', 'gone.json'));
    const dangling = await runCli(['audit', 'snapshot', '--history', 'linked', '-f', 'json', '-o', 'dangling.json'], { cwd: work });
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toContain(path.join('linked', 'gone.json'));
  });

  it('refuses a bad report in the folder, naming the file (exit 2), and a missing folder', async () => {
    await mkdir(path.join(work, 'bad'), { recursive: true });
    await writeFile(path.join(work, 'bad', 'broken.json'), '{"generatedAt": ');
    const broken = await runCli(['audit', 'snapshot', '--history', 'bad', '-f', 'markdown'], { cwd: work });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`${path.join('bad', 'broken.json')}:1:17: not valid JSON`);
    await writeFile(path.join(work, 'bad', 'broken.json'), JSON.stringify({ ...current, findings: 'none' }));
    const invalid = await runCli(['audit', 'snapshot', '--history', 'bad', '-f', 'markdown'], { cwd: work });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain(`${path.join('bad', 'broken.json')}:1: $.findings`);
    await writeFile(path.join(work, 'bad', 'broken.json'), JSON.stringify({ ...current, schemaVersion: 99 }));
    const newer = await runCli(['audit', 'snapshot', '--history', 'bad', '-f', 'markdown'], { cwd: work });
    expect(newer.code).toBe(2);
    expect(newer.stderr).toContain(`${path.join('bad', 'broken.json')}:1: $.schemaVersion: format version 99 is newer than this pingone-audit reads version 1`);
    const missing = await runCli(['audit', 'snapshot', '--history', 'nowhere', '-f', 'markdown'], { cwd: work });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('History folder nowhere does not exist.');
  });
});
