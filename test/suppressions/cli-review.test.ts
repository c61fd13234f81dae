import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/engine/types.js';
import { writeSnapshot } from '../../src/snapshot/write-snapshot.js';
import { runCli } from '../helpers/run-cli.js';
import { buildSnapshot, PROD_ENV_ID, webApp } from '../helpers/snapshot-builder.js';

const implicitApp = (id: string, name: string) => webApp({ id, name, grantTypes: ['IMPLICIT'], responseTypes: ['TOKEN'], tokenEndpointAuthMethod: 'NONE' });

let work: string;
/** Two snapshots of one tenant: a week ago one app had the implicit grant, today a second one has it too. */
let lastWeek: string;
let today: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-review-'));
  lastWeek = path.join(work, 'last-week');
  today = path.join(work, 'today');
  await writeSnapshot(buildSnapshot({ environments: [{ applications: [implicitApp('app-kiosk', 'Kiosk')] }] }), lastWeek);
  await writeSnapshot(buildSnapshot({ environments: [{ applications: [implicitApp('app-kiosk', 'Kiosk'), implicitApp('app-legacy', 'Legacy SPA')] }] }), today);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function suppressionsFile(entries: unknown[]): Promise<string> {
  const file = path.join(work, `suppressions-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify({ suppressions: entries }));
  return file;
}

const kioskEntry = (expires: string) => ({ ruleId: 'implicit-grant', environmentId: PROD_ENV_ID, resourceId: 'app-kiosk', reason: 'Kiosk is replaced in Q1.', owner: 'iam-team', expires });

async function audit(args: string[]): Promise<{ code: number; stderr: string; result: AuditResult }> {
  const out = path.join(work, `report-${Math.random().toString(36).slice(2)}.json`);
  const run = await runCli(['audit', today, '--fail-on', 'medium', '-f', 'json', '-o', out, ...args], { cwd: work });
  const result = run.code === 2 ? ({} as AuditResult) : (JSON.parse(await readFile(out, 'utf8')) as AuditResult);
  return { code: run.code, stderr: run.stderr, result };
}

const implicitIds = (findings: AuditResult['findings']) => findings.filter((finding) => finding.ruleId === 'implicit-grant').map((finding) => finding.resource.id);

describe('audit with suppressions and a baseline (built CLI)', () => {
  it('suppresses exactly the reviewed finding, lists it in JSON, and leaves it out of SARIF unless --include-suppressed', async () => {
    const file = await suppressionsFile([kioskEntry('2099-12-31')]);
    const { result } = await audit(['--suppressions', file]);
    expect(implicitIds(result.findings)).toEqual(['app-legacy']);
    expect(implicitIds(result.suppressed)).toEqual(['app-kiosk']);
    expect(result.summary.suppressed).toBe(1);

    const sarifFile = path.join(work, 'with-suppressed.sarif');
    await runCli(['audit', today, '--suppressions', file, '--include-suppressed', '-f', 'sarif', '-o', sarifFile], { cwd: work });
    const results = (JSON.parse(await readFile(sarifFile, 'utf8')) as Log).runs.flatMap((run) => run.results ?? []);
    expect(results.find((item) => item.suppressions !== undefined)?.suppressions).toEqual([{ kind: 'external', justification: 'Kiosk is replaced in Q1.' }]);
  });

  it('fails closed on an expired entry and says so on stderr', async () => {
    const file = await suppressionsFile([kioskEntry('2020-01-31')]);
    const { code, stderr, result } = await audit(['--suppressions', file]);
    expect(implicitIds(result.findings).sort()).toEqual(['app-kiosk', 'app-legacy']);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /warning: .*suppressions-.*\.json \/suppressions\/0: expired on 2020-01-31 \(owner: iam-team\); it suppresses nothing, so this finding is reported: implicit-grant on application "Kiosk"/,
    );
    expect(result.warnings?.map((warning) => warning.code)).toEqual(['suppression-expired']);
  });

  it('reads ./pingone-audit.suppressions.json by default and ignores it with --no-suppressions', async () => {
    await writeFile(path.join(work, 'pingone-audit.suppressions.json'), JSON.stringify({ suppressions: [kioskEntry('2099-12-31')] }));
    try {
      expect(implicitIds((await audit([])).result.suppressed)).toEqual(['app-kiosk']);
      const ignored = await audit(['--no-suppressions']);
      expect(ignored.result.suppressed).toEqual([]);
      expect(ignored.result.warnings?.map((warning) => warning.code)).toEqual(['suppressions-ignored']);
    } finally {
      await rm(path.join(work, 'pingone-audit.suppressions.json'));
    }
  });

  it('gates on new findings only with --baseline and --fail-on-new', async () => {
    const baselineFile = path.join(work, 'baseline.json');
    const before = await runCli(['audit', lastWeek, '--fail-on', 'none', '-f', 'json', '-o', baselineFile], { cwd: work });
    expect(before.code).toBe(0);

    const file = await suppressionsFile([
      kioskEntry('2099-12-31'),
      { ruleId: 'implicit-grant', environmentId: PROD_ENV_ID, resourceId: 'app-legacy', reason: 'Vendor app.', owner: 'iam-team', expires: '2099-12-31' },
    ]);
    const allSuppressed = await audit(['--suppressions', file, '--baseline', baselineFile, '--fail-on-new']);
    expect(allSuppressed.result.baseline).toMatchObject({ generatedAt: expect.any(String), fixed: [] });

    const gated = await audit(['--no-suppressions', '--baseline', baselineFile, '--fail-on-new']);
    const states = Object.fromEntries(gated.result.findings.filter((finding) => finding.ruleId === 'implicit-grant').map((finding) => [finding.resource.id, finding.baselineState]));
    expect(states).toEqual({ 'app-kiosk': 'unchanged', 'app-legacy': 'new' });
    expect(gated.code).toBe(1);
    expect(gated.stderr).toMatch(/\d+ new finding\(s\) at or above --fail-on medium/);

    const sameAsBaseline = await runCli(
      ['audit', lastWeek, '--no-suppressions', '--fail-on', 'medium', '--baseline', baselineFile, '--fail-on-new', '-f', 'json', '-o', path.join(work, 'same.json')],
      { cwd: work },
    );
    expect(sameAsBaseline.code).toBe(0);
  });

  it('refuses --fail-on-new or --include-fixed without --baseline, and a malformed suppressions file, with exit 2', async () => {
    const noBaseline = await runCli(['audit', today, '--fail-on-new'], { cwd: work });
    expect(noBaseline.code).toBe(2);
    expect(noBaseline.stderr).toContain('--fail-on-new needs --baseline');
    const noFixed = await runCli(['audit', today, '-f', 'sarif', '--include-fixed'], { cwd: work });
    expect(noFixed.code).toBe(2);
    expect(noFixed.stdout).toBe('');
    expect(noFixed.stderr).toContain("--include-fixed needs --baseline: the fixed findings are the baseline's that this run no longer has.");
    const broken = path.join(work, 'broken.json');
    await writeFile(broken, '{"suppressions": {}}');
    const bad = await runCli(['audit', today, '--suppressions', broken], { cwd: work });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('broken.json:1: $.suppressions: must be array');
  });
});
