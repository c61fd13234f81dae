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
let snapshot: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-dispositions-'));
  snapshot = path.join(work, 'snapshot');
  await writeSnapshot(buildSnapshot({ environments: [{ applications: [implicitApp('app-kiosk', 'Kiosk'), implicitApp('app-legacy', 'Legacy SPA')] }] }), snapshot);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const on = (resourceId: string) => ({ ruleId: 'implicit-grant', environmentId: PROD_ENV_ID, resourceId, owner: 'iam-team', reason: 'Replaced by the code flow.' });
const PAST = '2000-01-31';
const FUTURE = '2099-12-31';

async function dispositionsFile(value: unknown): Promise<string> {
  const file = path.join(work, `dispositions-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(value));
  return file;
}

/**
 * Audits with the dispositions `entries`, the terminal report on stdout; `said` is what the person at the terminal reads,
 * stdout and stderr with every run of whitespace made one space (the report carries the warnings, wrapped).
 */
async function audit(entries: unknown[], args: string[]): Promise<{ code: number; stderr: string; said: string; result: AuditResult; sarif: Log; stylish: string }> {
  const file = await dispositionsFile({ version: 1, dispositions: entries });
  const json = path.join(work, `report-${Math.random().toString(36).slice(2)}.json`);
  const sarif = `${json}.sarif`;
  const run = await runCli(['audit', snapshot, '--dispositions', file, '-f', 'json', '-o', json, '-f', 'sarif', '-o', sarif, '-f', 'stylish', ...args], { cwd: work });
  if (run.code === 2) throw new Error(run.stderr);
  return {
    code: run.code,
    stderr: run.stderr,
    said: `${run.stdout}\n${run.stderr}`.replace(/\s+/g, ' '),
    result: JSON.parse(await readFile(json, 'utf8')) as AuditResult,
    sarif: JSON.parse(await readFile(sarif, 'utf8')) as Log,
    stylish: run.stdout,
  };
}

const implicit = (findings: AuditResult['findings']) => findings.filter((finding) => finding.ruleId === 'implicit-grant');

describe('audit --dispositions (acceptance of issue 17, item 5)', () => {
  it('fails the gate with --fail-on-overdue for a planned fix past due, which stays visible with owner and due date', async () => {
    const { code, stderr, result, stylish } = await audit([{ ...on('app-kiosk'), disposition: 'planned-fix', due: PAST }], ['--fail-on-overdue']);
    expect(code).toBe(1);
    expect(stderr).toContain('1 planned fix(es) past their due date');
    const kiosk = implicit(result.findings).find((finding) => finding.resource.id === 'app-kiosk');
    expect(kiosk?.disposition).toEqual({ kind: 'planned-fix', owner: 'iam-team', reason: 'Replaced by the code flow.', due: PAST, overdue: true });
    expect(stylish.replace(/\s+/g, ' ')).toContain(`planned fix, owner iam-team, due ${PAST} (overdue)`);
  });

  it('shows the planned fix in the Markdown and HTML reports, escaped', async () => {
    const owner = '<b>iam|team</b>';
    const file = await dispositionsFile({ version: 1, dispositions: [{ ...on('app-kiosk'), owner, disposition: 'planned-fix', due: PAST }] });
    const markdown = path.join(work, 'report.md');
    const html = path.join(work, 'report.html');
    const run = await runCli(['audit', snapshot, '--dispositions', file, '-f', 'markdown', '-o', markdown, '-f', 'html', '-o', html, '--fail-on-overdue'], { cwd: work });
    expect(run.code).toBe(1);
    const md = await readFile(markdown, 'utf8');
    expect(md).toContain('planned fix, owner ');
    expect(md).not.toContain(owner);
    const junit = await runCli(['audit', snapshot, '--dispositions', file, '-f', 'junit'], { cwd: work });
    expect(junit.stdout).toContain(`[planned fix, owner &lt;b&gt;iam|team&lt;/b&gt;, due ${PAST} (overdue)]`);
    const table = await runCli(['audit', snapshot, '--dispositions', file, '-f', 'table'], { cwd: work });
    expect(table.stdout.replace(/[\s│|]+/g, ' ')).toContain('planned fix, owner');
    expect(await readFile(html, 'utf8')).toContain(`planned fix, owner &lt;b&gt;iam|team&lt;/b&gt;, due ${PAST} (overdue)`);
    const csv = await runCli(['audit', snapshot, '--dispositions', file, '-f', 'csv'], { cwd: work });
    const [header = '', ...rows] = csv.stdout.split('\r\n');
    const columns = header.split(',').map((cell) => cell.replaceAll('"', ''));
    const kiosk = rows.find((line) => line.includes('"app-kiosk"'))?.split('","') ?? [];
    const cell = (name: string) => kiosk[columns.indexOf(name)];
    expect([cell('disposition'), cell('disposition_owner'), cell('disposition_due'), cell('disposition_overdue')]).toEqual(['planned-fix', owner, PAST, 'true']);
  });

  it('passes --fail-on-overdue alone when the planned fix is not yet due: it replaces the default severity gate', async () => {
    const { code, result } = await audit([{ ...on('app-kiosk'), disposition: 'planned-fix', due: FUTURE }], ['--fail-on-overdue']);
    expect(code).toBe(0);
    expect(implicit(result.findings).map((finding) => finding.disposition?.overdue)).toContain(false);
    expect(implicit(result.findings)).toHaveLength(2);
  });

  it('applies both gates when --fail-on is given too', async () => {
    const { code } = await audit([{ ...on('app-kiosk'), disposition: 'planned-fix', due: FUTURE }], ['--fail-on-overdue', '--fail-on', 'low']);
    expect(code).toBe(1);
  });

  it('hides accepted-risk, false-positive and compensating-control findings until they expire, by fingerprint or identity', async () => {
    const first = await audit([], ['--fail-on', 'none']);
    const legacy = implicit(first.result.findings).find((finding) => finding.resource.id === 'app-legacy');
    const entries = [
      { ...on('app-kiosk'), disposition: 'compensating-control', control: 'WAF rule 17 blocks token leakage', expires: FUTURE },
      { fingerprint: legacy?.fingerprint, owner: 'iam-team', reason: 'Not a browser app.', disposition: 'false-positive', expires: FUTURE },
    ];
    const { code, result, sarif } = await audit(entries, ['--fail-on', 'low', '--include-suppressed']);
    expect(implicit(result.findings)).toEqual([]);
    expect(
      implicit(result.suppressed)
        .map((finding) => finding.disposition?.kind)
        .sort(),
    ).toEqual(['compensating-control', 'false-positive']);
    expect(implicit(result.suppressed).find((finding) => finding.resource.id === 'app-kiosk')?.disposition?.control).toBe('WAF rule 17 blocks token leakage');
    expect(code).toBe(first.result.findings.some((finding) => finding.ruleId !== 'implicit-grant' && finding.severity !== 'info') ? 1 : 0);
    const justifications = (sarif.runs[0]?.results ?? []).filter((alert) => alert.ruleId === 'implicit-grant').map((alert) => alert.suppressions?.[0]?.justification);
    expect(justifications.sort()).toEqual([
      `compensating control "WAF rule 17 blocks token leakage", owner iam-team, until ${FUTURE}: Replaced by the code flow.`,
      `false positive, owner iam-team, until ${FUTURE}: Not a browser app.`,
    ]);
  });

  it('fails closed on an expired accepted risk: the finding counts again, with a warning', async () => {
    const { result, said } = await audit([{ ...on('app-kiosk'), disposition: 'accepted-risk', expires: PAST }], ['--fail-on', 'none']);
    expect(implicit(result.findings).map((finding) => finding.resource.id)).toContain('app-kiosk');
    expect(said).toContain(`accepted-risk expired on ${PAST}`);
  });

  it('warns about entries that match nothing this run audited and hiding ones that expire within 14 days', async () => {
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const { result, said } = await audit(
      [
        { ...on('app-kiosk'), disposition: 'accepted-risk', expires: soon },
        { ...on('app-retired'), disposition: 'false-positive', expires: FUTURE },
        { fingerprint: 'f'.repeat(64), owner: 'iam-team', reason: 'Old finding.', disposition: 'planned-fix', due: FUTURE },
      ],
      ['--fail-on', 'none'],
    );
    expect(result.warnings?.map((warning) => [warning.code, warning.pointer])).toEqual([
      ['disposition-expiring', '/dispositions/0'],
      ['disposition-unmatched', '/dispositions/1'],
      ['disposition-unmatched', '/dispositions/2'],
    ]);
    expect(said).toContain(`accepted-risk expires on ${soon} (owner: iam-team); after that the finding is reported again.`);
    expect(said).toContain('false-positive matches no finding of implicit-grant in what was audited');
  });

  it('calls no entry by fingerprint stale when this run could not check every rule (a read failed): it may match what was not read', async () => {
    const unread = path.join(work, 'unread-snapshot');
    await writeSnapshot(buildSnapshot({ environments: [{}], failed: [{ kind: 'applications', environmentId: PROD_ENV_ID, status: 'failed', httpStatus: 403 }] }), unread);
    const file = await dispositionsFile({ version: 1, dispositions: [{ fingerprint: 'f'.repeat(64), owner: 'iam-team', reason: 'Kiosk only.', disposition: 'accepted-risk', expires: FUTURE }] });
    const json = path.join(work, 'unread.json');
    const run = await runCli(['audit', unread, '--allow-incomplete', '--dispositions', file, '-f', 'json', '-o', json], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('matches no finding');
    const result = JSON.parse(await readFile(json, 'utf8')) as AuditResult;
    expect(result.warnings?.map((warning) => warning.code) ?? []).not.toContain('disposition-unmatched');
  });

  // Alone, --fail-on-overdue replaces the severity gate: without planned fixes to be overdue, that gate could never fail.
  it('refuses --fail-on-overdue without --dispositions (exit 2)', async () => {
    const run = await runCli(['audit', snapshot, '--fail-on-overdue'], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--fail-on-overdue needs --dispositions');
  });

  it('refuses a date that is not a real YYYY-MM-DD day (exit 2), saying which entry, what form and what to write', async () => {
    for (const [due, shown] of [
      ['2027-02-29', '"2027-02-29" '],
      ['2026-12-01T00:00:00Z', '"2026-12-01T00:00:00Z" '],
      ['2026-12-1', '"2026-12-1" '],
      ['x'.repeat(100), ''],
    ] as const) {
      const file = await dispositionsFile({ version: 1, dispositions: [{ ...on('app-kiosk'), disposition: 'planned-fix', due }] });
      const run = await runCli(['audit', snapshot, '--dispositions', file], { cwd: work });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`$.dispositions[0].due: ${shown}is not a date (YYYY-MM-DD)`);
      expect(run.stderr).toContain('what to do: Write a real date in that form, such as 2027-03-31.');
    }
    // A leap day that exists is a date.
    expect((await audit([{ ...on('app-kiosk'), disposition: 'planned-fix', due: '2028-02-29' }], ['--fail-on', 'none'])).code).toBe(0);
  });

  it('refuses an entry that gives a member twice (exit 2): JSON keeps the last, which may not be the one reviewed', async () => {
    const entry = JSON.stringify({ ...on('app-kiosk'), disposition: 'accepted-risk', expires: PAST });
    const file = await dispositionsFile({});
    await writeFile(file, `{ "version": 1, "dispositions": [\n${entry.replace(/}$/, `,\n"expires": "${FUTURE}"}`)}\n] }`);
    const run = await runCli(['audit', snapshot, '--dispositions', file], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(':3: $.dispositions[0].expires: given twice (lines 2 and 3); JSON keeps only the last, which may not be the one reviewed');
    expect(run.stderr).toContain('what to do: Keep one');
  });

  it('refuses two entries about the same finding (exit 2, naming both), and warns when a fingerprint and an identity meet on one', async () => {
    const file = await dispositionsFile({
      version: 1,
      dispositions: [
        { ...on('app-kiosk'), disposition: 'planned-fix', due: FUTURE },
        { ...on('app-kiosk'), disposition: 'accepted-risk', expires: FUTURE },
      ],
    });
    const twice = await runCli(['audit', snapshot, '--dispositions', file], { cwd: work });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('$.dispositions[1]: is about implicit-grant on resource app-kiosk, as $.dispositions[0] is');
    const first = await audit([], ['--fail-on', 'none']);
    const kiosk = implicit(first.result.findings).find((finding) => finding.resource.id === 'app-kiosk');
    const { result, said } = await audit(
      [
        { ...on('app-kiosk'), disposition: 'planned-fix', due: FUTURE },
        { fingerprint: kiosk?.fingerprint, owner: 'sec', reason: 'Risk accepted.', disposition: 'accepted-risk', expires: FUTURE },
      ],
      ['--fail-on', 'none'],
    );
    expect(result.warnings?.map((warning) => [warning.code, warning.pointer])).toEqual([['disposition-shadowed', '/dispositions/1']]);
    expect(said).toMatch(/accepted-risk is about a finding that \S+ \/dispositions\/0 already decides/);
    expect(implicit(result.findings).find((finding) => finding.resource.id === 'app-kiosk')?.disposition?.kind).toBe('planned-fix');
  });

  it('shows at most 10 warnings of a kind and counts the rest, which the JSON report keeps', async () => {
    const stale = Array.from({ length: 2_000 }, (_, index) => ({ fingerprint: index.toString(16).padStart(64, '0'), owner: 'o', reason: 'r', disposition: 'false-positive', expires: FUTURE }));
    const { result, said } = await audit(stale, ['--fail-on', 'none']);
    expect(result.warnings).toHaveLength(2_000);
    expect(said.split('matches no finding').length - 1).toBe(10);
    expect(said).toContain('1990 more disposition-unmatched warnings like the ones above, not shown; the JSON report (-f json) lists all 2000.');
  });

  it('reviews suppressions and dispositions in one pass: an expired suppression leaves the finding to a disposition', async () => {
    const suppressions = path.join(work, 'suppressions-expired.json');
    await writeFile(
      suppressions,
      JSON.stringify({ suppressions: [{ ruleId: 'implicit-grant', environmentId: PROD_ENV_ID, resourceId: 'app-kiosk', owner: 'iam-team', reason: 'Old decision.', expires: PAST }] }),
    );
    const { result, said } = await audit([{ ...on('app-kiosk'), disposition: 'planned-fix', due: FUTURE }], ['--fail-on', 'none', '--suppressions', suppressions]);
    expect(said).toContain(`expired on ${PAST} (owner: iam-team); it suppresses nothing, so this finding is reported: implicit-grant on application "Kiosk"`);
    expect(implicit(result.findings).find((finding) => finding.resource.id === 'app-kiosk')?.disposition).toMatchObject({ kind: 'planned-fix', due: FUTURE, overdue: false });
  });

  it.each([
    ['a planned fix without a due date', { ...on('app-kiosk'), disposition: 'planned-fix' }],
    ['a compensating control without its control', { ...on('app-kiosk'), disposition: 'compensating-control', expires: FUTURE }],
    ['an entry that names no finding', { owner: 'o', reason: 'r', disposition: 'accepted-risk', expires: FUTURE }],
    ['an unknown disposition', { ...on('app-kiosk'), disposition: 'ignored', expires: FUTURE }],
  ])('refuses %s with exit 2 naming the file and entry', async (_, entry) => {
    const file = await dispositionsFile({ version: 1, dispositions: [entry] });
    const run = await runCli(['audit', snapshot, '--dispositions', file], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(path.basename(file));
    expect(run.stderr).toContain('dispositions');
  });

  it('reports every bad entry at once, each with its line and path, not only the first', async () => {
    const good = { ...on('app-kiosk'), disposition: 'planned-fix', due: FUTURE };
    const entries = [good, { ...on('app-legacy'), disposition: 'planned-fix' }, { ...on('app-x'), disposition: 'ignored', expires: FUTURE }, { ...on('app-y'), disposition: 'accepted-risk' }];
    const file = path.join(work, 'three-bad.json');
    await writeFile(file, JSON.stringify({ version: 1, dispositions: entries }, null, 2));
    const run = await runCli(['audit', snapshot, '--dispositions', file], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file} has 3 bad entries:`);
    expect(run.stderr).toContain(`${file}:13 $.dispositions[1]: must have required property 'due'`);
    expect(run.stderr).toContain(`${file}:27 $.dispositions[2].disposition: "ignored" is not allowed`);
    expect(run.stderr).toContain(`${file}:30 $.dispositions[3]: must have required property 'expires'`);
  });

  it('gives a single bad entry its line too, as each of several gets', async () => {
    const file = path.join(work, 'one-bad.json');
    await writeFile(file, '{"version":1,"dispositions":[\n\n{}\n]}');
    const run = await runCli(['audit', snapshot, '--dispositions', file], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:3: $.dispositions[0]: must have required properties 'disposition', 'owner', 'reason'`);
    expect(run.stderr).toContain('json-invalid');
  });

  it('names every member an entry lacks, not only the first, and no member a condition it never met asks for', async () => {
    const entries = [{}, { ruleId: 'implicit-grant', owner: 'o' }, { ...on('app-kiosk'), owner: 'o', reason: 'r' }];
    const run = await runCli(['audit', snapshot, '--dispositions', await dispositionsFile({ version: 1, dispositions: entries })], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("$.dispositions[0]: must have required properties 'disposition', 'owner', 'reason' and 'fingerprint' (or 'ruleId', 'environmentId' and 'resourceId')\n");
    expect(run.stderr).toContain("$.dispositions[1]: must have required properties 'disposition', 'reason' and 'fingerprint' (or 'environmentId' and 'resourceId')\n");
    // No disposition named: neither a planned fix's 'due' nor a compensating control's 'control' is asked for.
    expect(run.stderr).toContain("$.dispositions[2]: must have required property 'disposition'\n");
  });

  it('says an entry that is no object is not one, rather than that it matched no branch of the schema', async () => {
    const run = await runCli(['audit', snapshot, '--dispositions', await dispositionsFile({ version: 1, dispositions: [1, 'x', null] })], { cwd: work });
    expect(run.code).toBe(2);
    for (const index of [0, 1, 2]) expect(run.stderr).toContain(`$.dispositions[${index}]: must be object`);
    expect(run.stderr).not.toContain('oneOf');
  });

  it('lists the first 20 bad entries and counts the rest, and every duplicate entry', async () => {
    const bad = Array.from({ length: 25 }, (_, index) => ({ ...on(`app-${index}`), disposition: 'planned-fix' }));
    const run = await runCli(['audit', snapshot, '--dispositions', await dispositionsFile({ version: 1, dispositions: bad })], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('has 25 bad entries:');
    expect(run.stderr).toContain('$.dispositions[19]: ');
    expect(run.stderr).not.toContain('$.dispositions[20]: ');
    expect(run.stderr).toContain('  and 5 more');
    const twice = [on('app-kiosk'), on('app-kiosk'), on('app-legacy'), on('app-legacy')].map((entry) => ({ ...entry, disposition: 'planned-fix', due: FUTURE }));
    const duplicates = await runCli(['audit', snapshot, '--dispositions', await dispositionsFile({ version: 1, dispositions: twice })], { cwd: work });
    expect(duplicates.code).toBe(2);
    expect(duplicates.stderr).toContain('$.dispositions[1]: is about implicit-grant on resource app-kiosk, as $.dispositions[0] is');
    expect(duplicates.stderr).toContain('$.dispositions[3]: is about implicit-grant on resource app-legacy, as $.dispositions[2] is');
  });

  it('refuses a file in a newer dispositions format with exit 2, naming the file and the version', async () => {
    const file = await dispositionsFile({ version: 2, dispositions: [{ ...on('app-kiosk'), disposition: 'planned-fix', due: FUTURE }] });
    const run = await runCli(['audit', snapshot, '--dispositions', file], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:1: $.version: format version 2 is newer than this pingone-audit reads version 1`);
  });
});
