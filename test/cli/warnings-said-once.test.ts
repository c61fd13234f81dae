import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// --no-suppressions always warns that it ignored every suppression: a run with one warning and no tenant text.
const WARNING = '--no-suppressions: every suppression was ignored; all findings are reported.';
const occurrences = (text: string, part: string): number => text.split(part).length - 1;

let work: string;
let snapshot: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-warnings-once-'));
  snapshot = path.join(work, 'demo');
  const demo = await runCli(['demo', '--out', snapshot, '-f', 'json', '-o', path.join(work, 'demo.json')]);
  expect(demo.code, demo.stderr).toBe(0);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const audit = (...args: string[]) => runCli(['audit', snapshot, '--no-suppressions', ...(args.includes('--fail-on') ? [] : ['--fail-on', 'none']), ...args], { cwd: work });

describe('the warnings of a run are said once, where its reader looks', () => {
  it.each(['stylish', 'grid'])('-f %s on stdout (a terminal or a pipe): in the report, not on stderr as well', async (format) => {
    const run = await audit('-f', format);
    expect(run.code, run.stderr).toBe(0);
    expect(occurrences(run.stdout, `Warnings (1)\n  - ${WARNING}\n`)).toBe(1);
    expect(run.stderr).not.toContain(WARNING);
  });

  it('-f stylish -o FILE: in the file, and on stderr for the person at the terminal', async () => {
    const file = path.join(work, 'report.txt');
    const run = await audit('-f', 'stylish', '-o', file);
    expect(run.stdout).toBe('');
    expect(occurrences(await readFile(file, 'utf8'), `  - ${WARNING}\n`)).toBe(1);
    expect(occurrences(run.stderr, `warning: ${WARNING}\n`)).toBe(1);
  });

  it('stylish on stdout beside a JUnit file: in both reports, not on stderr; the JUnit file counts it skipped, not failed', async () => {
    const file = path.join(work, 'report.xml');
    const run = await audit('-f', 'stylish', '-f', 'junit', '-o', file);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`  - ${WARNING}`);
    expect(run.stderr).not.toContain(WARNING);
    const xml = await readFile(file, 'utf8');
    expect(xml).toContain(`<testcase classname="pingone-audit.warnings" name="suppressions-ignored: ${WARNING}">\n      <skipped message="Warning, not a failure: ${WARNING}"/>`);
    const json = JSON.parse(await readFile(path.join(work, 'demo.json'), 'utf8')) as { summary: { findings: number } };
    const failures = Number(/<testsuites [^>]*failures="(\d+)"/.exec(xml)?.[1]);
    expect(failures).toBeGreaterThanOrEqual(json.summary.findings);
    expect(occurrences(xml, '<failure ')).toBe(failures);
  });

  it('-f csv -o FILE: findings only in the file, the warning on stderr', async () => {
    const file = path.join(work, 'report.csv');
    const run = await audit('-f', 'csv', '-o', file);
    expect(await readFile(file, 'utf8')).not.toContain('--no-suppressions');
    expect(occurrences(run.stderr, `warning: ${WARNING}\n`)).toBe(1);
  });

  it('keeps the exit code: a warning never fails the gate', async () => {
    const [warned, quiet] = [await audit('-f', 'junit', '--fail-on', 'critical'), await runCli(['audit', snapshot, '-f', 'junit', '--fail-on', 'critical'], { cwd: work })];
    expect(warned.stdout).toContain('pingone-audit warnings');
    expect(quiet.stdout).not.toContain('pingone-audit warnings');
    expect(warned.code).toBe(quiet.code);
  });
});
