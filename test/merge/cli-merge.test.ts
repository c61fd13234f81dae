import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult, Finding } from '../../src/engine/types.js';
import { loadSnapshot } from '../../src/snapshot/load-snapshot.js';
import type { Snapshot } from '../../src/snapshot/model.js';
import { writeSnapshot } from '../../src/snapshot/write-snapshot.js';
import { runCli } from '../helpers/run-cli.js';
import { sarifSchemaProblems } from '../formatters/schema-validators.js';

let work: string;
let whole: AuditResult;
let wholeJson: string;
const perEnvironment: string[] = [];

/** The snapshot of one environment, as a matrix job that collects only that environment writes it. */
function onlyEnvironment(snapshot: Snapshot, environmentId: string): Snapshot {
  const { manifest } = snapshot;
  return {
    manifest: {
      ...manifest,
      environmentIds: [environmentId],
      collection: { ...manifest.collection, entries: manifest.collection.entries.filter((entry) => entry.environmentId === undefined || entry.environmentId === environmentId) },
    },
    roles: snapshot.roles,
    environments: snapshot.environments.filter((env) => env.environment.id === environmentId),
  };
}

/**
 * A finding of the whole audit as the job of its own environment words it: that job never read the other
 * environments, so a message names them by id where one audit of them all has their names.
 */
function asOneEnvironmentSeesIt(finding: Finding): Finding {
  const others = (whole.snapshot.environments ?? []).filter((env) => env.id !== finding.environmentId);
  const reword = (text: string) => others.reduce((words, env) => words.replaceAll(`environment ${env.name}`, `environment ${env.id}`), text);
  const data = Object.fromEntries(Object.entries(finding.data).map(([key, value]) => [key, typeof value === 'string' ? reword(value) : value]));
  return { ...finding, message: reword(finding.message), data };
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-merge-'));
  // The one audit of the three environments (the demo's own, as `audit demo` words it), and one audit per environment:
  // the same snapshot, split.
  wholeJson = path.join(work, 'whole.json');
  const demo = await runCli(['demo', '--out', 'demo', '-f', 'json', '-o', wholeJson], { cwd: work });
  expect(demo.code, demo.stderr).toBe(0);
  whole = await readJson<AuditResult>(wholeJson);
  const snapshot = await loadSnapshot(path.join(work, 'demo'));
  for (const environmentId of snapshot.manifest.environmentIds) {
    const folder = `env-${environmentId}`;
    await writeSnapshot(onlyEnvironment(snapshot, environmentId), path.join(work, folder));
    await runCli(['audit', folder, '-f', 'json', '-o', `${folder}.json`], { cwd: work });
    perEnvironment.push(`${folder}.json`);
  }
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('merge (issue 17, item 7)', () => {
  it('merges three per-environment reports into the report of one audit of the three environments', async () => {
    expect(perEnvironment).toHaveLength(3);
    const run = await runCli(['merge', ...perEnvironment, '-f', 'json', '-o', 'merged.json'], { cwd: work });
    const merged = await readJson<AuditResult>(path.join(work, 'merged.json'));
    expect(merged.findings).toEqual(whole.findings.map(asOneEnvironmentSeesIt));
    expect(merged.summary).toEqual(whole.summary);
    expect(merged.findings.length).toBeGreaterThan(0);
    expect([...merged.snapshot.environmentIds].sort()).toEqual([...whole.snapshot.environmentIds].sort());
    expect(run.code).toBe(1);
  });

  it('gates the merged result as audit does (exit 1 on a high finding, 0 with --fail-on none)', async () => {
    const gated = await runCli(['merge', ...perEnvironment, '-f', 'json', '-o', 'gated.json'], { cwd: work });
    const audit = await runCli(['audit', 'demo', '-f', 'json', '-o', 'audit-gated.json'], { cwd: work });
    expect(gated.code).toBe(audit.code);
    expect(gated.stderr).toMatch(/finding\(s\) at or above --fail-on high/);
    expect((await runCli(['merge', ...perEnvironment, '--fail-on', 'none', '-f', 'json', '-o', 'ungated.json'], { cwd: work })).code).toBe(0);
  });

  it('gates on new findings only with --fail-on-new, when every job compared with a baseline', async () => {
    const compared: string[] = [];
    for (const file of perEnvironment) {
      const report = await readJson<AuditResult>(path.join(work, file));
      const findings = report.findings.map((finding) => ({ ...finding, baselineState: 'unchanged' as const }));
      const baseline = { generatedAt: '2026-01-01T00:00:00.000Z', new: 0, unchanged: findings.length, updated: 0, fixed: [] };
      await writeFile(path.join(work, `compared-${file}`), JSON.stringify({ ...report, findings, baseline }));
      compared.push(`compared-${file}`);
    }
    expect((await runCli(['merge', ...compared, '-f', 'json', '-o', 'compared.json'], { cwd: work })).code).toBe(1);
    expect((await runCli(['merge', ...compared, '--fail-on-new', '-f', 'json', '-o', 'compared.json'], { cwd: work })).code).toBe(0);
    const refused = await runCli(['merge', ...perEnvironment, '--fail-on-new', '-f', 'json', '-o', 'compared.json'], { cwd: work });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--fail-on-new needs reports compared with a baseline');
  });

  it('keeps an incomplete input incomplete: exit 3 unless --allow-incomplete', async () => {
    const report = await readJson<AuditResult & Record<string, unknown>>(path.join(work, perEnvironment[0] ?? ''));
    const [entry, ...rest] = report.collection.entries;
    const failed = {
      ...report,
      collection: { ...report.collection, complete: false, entries: [{ ...entry, status: 'failed', httpStatus: 403 }, ...rest] },
      summary: { ...report.summary, collectionComplete: false },
    };
    await writeFile(path.join(work, 'incomplete.json'), JSON.stringify(failed));
    const others = perEnvironment.slice(1);
    const incomplete = await runCli(['merge', 'incomplete.json', ...others, '-f', 'json', '-o', 'incomplete-merged.json'], { cwd: work });
    expect(incomplete.code).toBe(3);
    expect(incomplete.stderr).toContain('incomplete: 1 read(s) failed during collection');
    const merged = await readJson<AuditResult>(path.join(work, 'incomplete-merged.json'));
    expect(merged.summary.collectionComplete).toBe(false);
    expect((await runCli(['merge', 'incomplete.json', ...others, '--allow-incomplete', '--fail-on', 'none', '-f', 'json', '-o', 'allowed.json'], { cwd: work })).code).toBe(0);
  });

  it('writes SARIF with one run per environment, valid against the schema', async () => {
    const run = await runCli(['merge', ...perEnvironment, '-f', 'sarif', '-o', 'merged.sarif'], { cwd: work });
    expect(run.stderr).toContain('wrote sarif report to merged.sarif');
    const log = await readJson<Log>(path.join(work, 'merged.sarif'));
    expect(sarifSchemaProblems(log)).toEqual([]);
    const categories = log.runs.map((sarifRun) => sarifRun.automationDetails?.id);
    expect(new Set(categories)).toEqual(new Set([...whole.snapshot.environmentIds.map((id) => `pingone-audit/${id}/`), 'pingone-audit/organization/']));
    expect(categories).toHaveLength(4);
  });

  it('splits SARIF beyond 20 runs into several files and says so on stderr', async () => {
    // 21 one-environment reports, the same report under 21 environment ids: with the organization's, one run more than
    // the 20 GitHub takes in one upload.
    const report = await readJson<AuditResult>(path.join(work, perEnvironment[0] ?? ''));
    const [environmentId] = report.snapshot.environmentIds;
    const files: string[] = [];
    for (let i = 0; i < 21; i += 1) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const text = JSON.stringify(report).replaceAll(environmentId ?? '', id);
      files.push(`fleet-${i}.json`);
      await writeFile(path.join(work, `fleet-${i}.json`), text);
    }
    // An earlier run's report where -o points: after the split it must not stay there to be uploaded as this run's.
    await writeFile(path.join(work, 'fleet.sarif'), '{"version":"2.1.0","runs":[]}\n');
    const run = await runCli(['merge', ...files, '--fail-on', 'none', '-f', 'sarif', '-o', 'fleet.sarif'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('split into 2 files (fleet-1.sarif, fleet-2.sarif) instead of fleet.sarif');
    expect(run.stderr).toContain("removed fleet.sarif, an earlier run's SARIF report");
    expect(existsSync(path.join(work, 'fleet.sarif'))).toBe(false);
    const logs = [await readJson<Log>(path.join(work, 'fleet-1.sarif')), await readJson<Log>(path.join(work, 'fleet-2.sarif'))];
    expect(logs.map((log) => log.runs.length)).toEqual([20, 2]);
    const categories = logs.flatMap((log) => log.runs.map((sarifRun) => sarifRun.automationDetails?.id));
    expect(new Set(categories).size).toBe(22);
    for (const log of logs) expect(sarifSchemaProblems(log)).toEqual([]);
    const stdout = await runCli(['merge', ...files, '--fail-on', 'none', '-f', 'sarif'], { cwd: work });
    expect(stdout.code).toBe(2);
    expect(stdout.stderr).toContain('report-too-large');
    const dash = await runCli(['merge', ...files, '--fail-on', 'none', '-f', 'sarif', '-o', '-'], { cwd: work });
    expect(dash.code).toBe(2);
    expect(dash.stderr).toContain('The SARIF report needs 2 files');
    expect(dash.stderr).toContain('error code: report-too-large');
    expect(dash.stdout).toBe('');
  });

  it('says on stderr how many results the SARIF report left out at 25,000 a run, the GitHub limit', async () => {
    const report = await readJson<AuditResult>(path.join(work, perEnvironment[0] ?? ''));
    const [seed] = report.findings;
    if (seed === undefined) throw new Error('the one-environment report has no finding to copy');
    // As small as a finding may be: the count is what is checked, and every byte of each is parsed, validated and printed again.
    // Written as text from one finding's JSON, each with its own resource id and fingerprint: 25,003 objects cost more than the merge.
    const light = JSON.stringify({ ...seed, message: 'x', data: {}, resource: { ...seed.resource, id: '{id}', name: 'x' }, fingerprint: '{fingerprint}' });
    const copies = Array.from({ length: 25_003 }, (_, index) => light.replace('{id}', `copy-${index}`).replace('{fingerprint}', index.toString(16).padStart(64, '0')));
    await writeFile(path.join(work, 'crowded.json'), JSON.stringify({ ...report, findings: ['{findings}'] }).replace('["{findings}"]', `[${copies.join(',')}]`));
    const run = await runCli(['merge', 'crowded.json', '--fail-on', 'none', '-f', 'sarif', '-o', 'crowded.sarif'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('warning: 3 results were left out of the SARIF report: GitHub code scanning accepts at most 25000 per run');
    const log = await readJson<Log>(path.join(work, 'crowded.sarif'));
    expect(log.runs.map((sarifRun) => sarifRun.results?.length ?? 0).sort((a, b) => b - a)[0]).toBe(25_000);
  });

  it('refuses an environment in two reports, naming both files (exit 2)', async () => {
    const [first = ''] = perEnvironment;
    await writeFile(path.join(work, 'copy.json'), await readFile(path.join(work, first), 'utf8'));
    const run = await runCli(['merge', first, 'copy.json', '-f', 'json', '-o', 'dup.json'], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`Environment [0-9a-f-]+ is in two reports: ${first.replace('.', '\\.')} and copy\\.json`));
    // The reports are merge's arguments, not a flag's value.
    expect(run.stderr).toContain('error code: argument-invalid');
  });

  it('counts an organization-wide finding that every job reported once, in the findings and the summary alike', async () => {
    const [first = '', second = ''] = perEnvironment;
    const reports = [await readJson<AuditResult>(path.join(work, first)), await readJson<AuditResult>(path.join(work, second))];
    const [sample] = reports.flatMap((report) => report.findings);
    if (sample === undefined) throw new Error('the demo has findings');
    const { environmentId: _, ...resource } = sample.resource;
    const orgWide: Finding = { ...sample, environmentId: null, resource, fingerprint: 'f'.repeat(64), severity: 'high' };
    const files = ['org-wide-1.json', 'org-wide-2.json'];
    for (const [index, report] of reports.entries()) {
      await writeFile(
        path.join(work, files[index] ?? ''),
        JSON.stringify({ ...report, findings: [...report.findings, orgWide], summary: { ...report.summary, findings: report.summary.findings + 1 } }),
      );
    }
    const run = await runCli(['merge', ...files, '-f', 'json', '-o', 'org-wide.json'], { cwd: work });
    expect(run.code, run.stderr).toBe(1);
    const merged = await readJson<AuditResult>(path.join(work, 'org-wide.json'));
    expect(merged.findings.filter((finding) => finding.fingerprint === orgWide.fingerprint)).toHaveLength(1);
    expect(merged.summary.findings).toBe(merged.findings.length);
    expect(merged.summary.findings).toBe((reports[0]?.findings.length ?? 0) + (reports[1]?.findings.length ?? 0) + 1);
    expect(merged.summary.bySeverity.high).toBe(merged.findings.filter((finding) => finding.severity === 'high').length);
  });

  it("recounts the data out of scope over every report, not the first report's count", async () => {
    const [first = '', second = ''] = perEnvironment;
    const files = ['scope-1.json', 'scope-2.json'];
    for (const [index, file] of [first, second].entries()) {
      const report = await readJson<AuditResult>(path.join(work, file));
      const [environmentId = ''] = report.snapshot.environmentIds;
      const ruleId = report.rules[0]?.id ?? '';
      const outOfScope = { ruleId, environmentId, reasons: [{ kind: 'users' as const, outOfScope: 'rule' as const }], outOfScope: true };
      const notEvaluated = [...report.notEvaluated, outOfScope];
      await writeFile(path.join(work, files[index] ?? ''), JSON.stringify({ ...report, notEvaluated, summary: { ...report.summary, notEvaluated: notEvaluated.length, outOfScope: 1 } }));
    }
    const run = await runCli(['merge', ...files, '-f', 'json', '-o', 'scope.json', '--fail-on', 'none'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    const merged = await readJson<AuditResult>(path.join(work, 'scope.json'));
    expect(merged.summary.outOfScope).toBe(2);
    expect(merged.notEvaluated.filter((item) => item.outOfScope === true)).toHaveLength(2);
  });

  it('refuses reports of different tool versions (exit 2)', async () => {
    const [first = '', second = ''] = perEnvironment;
    const report = await readJson<AuditResult>(path.join(work, second));
    await writeFile(path.join(work, 'older.json'), JSON.stringify({ ...report, tool: { ...report.tool, version: '0.0.1' } }));
    const run = await runCli(['merge', first, 'older.json', '-f', 'json', '-o', 'mixed.json'], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('different pingone-audit versions');
    expect(run.stderr).toContain('0.0.1 (older.json)');
    expect(run.stderr).toContain('error code: argument-invalid');
  });

  it('refuses a file that is not a JSON report, naming the file and the problem (exit 2)', async () => {
    await writeFile(path.join(work, 'not-a-report.json'), JSON.stringify({ findings: [] }));
    const run = await runCli(['merge', perEnvironment[0] ?? '', 'not-a-report.json'], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not-a-report.json');
    expect(run.stderr).toContain('json-invalid');
    const sarif = await runCli(['merge', perEnvironment[0] ?? '', 'merged.sarif'], { cwd: work });
    expect(sarif.code).toBe(2);
    expect(sarif.stderr).toContain('merged.sarif: $: is a SARIF log, not a JSON report');
    await writeFile(path.join(work, 'poam.json'), JSON.stringify({ 'plan-of-action-and-milestones': { uuid: 'x' } }));
    const oscal = await runCli(['merge', perEnvironment[0] ?? '', 'poam.json'], { cwd: work });
    expect(oscal.code).toBe(2);
    expect(oscal.stderr).toContain('poam.json: $: is an OSCAL plan of action and milestones document, not a JSON report');
    const missing = await runCli(['merge', 'missing.json'], { cwd: work });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Report file missing.json does not exist.');
  });

  it('dates the merged findings with --history, against earlier single-run reports of the same environments', async () => {
    await mkdir(path.join(work, 'history'), { recursive: true });
    await writeFile(path.join(work, 'history', 'whole.json'), await readFile(wholeJson, 'utf8'));
    await runCli(['merge', ...perEnvironment, '--history', 'history', '-f', 'json', '-o', 'dated.json'], { cwd: work });
    const dated = await readJson<AuditResult>(path.join(work, 'dated.json'));
    expect(dated.history?.previous).toMatchObject({ new: [], fixed: [] });
    expect(dated.findings.every((finding) => finding.firstSeen === whole.generatedAt.slice(0, 10))).toBe(true);
  });

  it('writes the merged result in html, markdown and oscal-ar', async () => {
    const run = await runCli(['merge', ...perEnvironment, '--fail-on', 'none', '-f', 'html', '-o', 'merged.html', '-f', 'markdown', '-o', 'merged.md', '-f', 'oscal-ar', '-o', 'merged-ar.json'], {
      cwd: work,
    });
    expect(run.code, run.stderr).toBe(0);
    const markdown = await readFile(path.join(work, 'merged.md'), 'utf8');
    expect(markdown).toContain(`${whole.summary.findings}`);
    expect(await readFile(path.join(work, 'merged.html'), 'utf8')).toContain('<html');
  });
});
