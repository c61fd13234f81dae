import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withStdoutDash } from '../../src/commands/stdout-dash.js';
import { runCli } from '../helpers/run-cli.js';

const FORMATS = ['stylish', 'grid', 'json', 'sarif', 'markdown', 'html', 'junit', 'csv', 'oscal-ar', 'oscal-poam'];

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-stdout-dash-'));
  const demo = await runCli(['demo', '--out', 'demo', '-f', 'json', '-o', 'demo.json'], { cwd: work });
  expect(demo.code, demo.stderr).toBe(0);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A report with the times of its run and the UUIDs an OSCAL document gets anew each run taken out: two runs differ only there. */
function timeless(text: string): string {
  return text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?/g, '<time>').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');
}

describe('-o - writes the report to stdout', () => {
  it.each(FORMATS)('%s: the same report as without -o, and no file named -', async (format) => {
    const plain = await runCli(['audit', 'demo', '-f', format], { cwd: work });
    const dash = await runCli(['audit', 'demo', '-f', format, '-o', '-'], { cwd: work });
    expect(dash.code, dash.stderr).toBe(plain.code);
    expect(dash.stdout.length).toBeGreaterThan(100);
    expect(timeless(dash.stdout)).toBe(timeless(plain.stdout));
    expect(dash.stderr).not.toContain('wrote');
    expect(existsSync(path.join(work, '-'))).toBe(false);
  });

  it('in every spelling (--output -, -o=-, --output=-), beside a report written to a file', async () => {
    for (const dash of [['--output', '-'], ['-o=-'], ['--output=-']]) {
      const run = await runCli(['audit', 'demo', '-f', 'sarif', '-o', 'results.sarif', '-f', 'json', ...dash], { cwd: work });
      expect(run.code, run.stderr).toBe(1);
      expect(JSON.parse(run.stdout)).toHaveProperty('findings');
      expect(run.stderr).toContain('wrote sarif report to results.sarif');
      expect(JSON.parse(await readFile(path.join(work, 'results.sarif'), 'utf8'))).toHaveProperty('version', '2.1.0');
    }
    expect(existsSync(path.join(work, '-'))).toBe(false);
  });

  it('counts as stdout: a second format without a file is refused, naming both', async () => {
    const run = await runCli(['audit', 'demo', '-f', 'stylish', '-f', 'json', '-o', '-'], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2 formats (stylish, json) would all go to stdout.');
    expect(run.stderr).toContain('error code: flag-invalid');
  });

  it('pairs with one format only, like a file', async () => {
    const run = await runCli(['audit', 'demo', '-f', 'json', '-o', '-', '-o', 'again.json'], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--output again.json has no --format of its own before it.');
  });

  it('diff: - is stdout too', async () => {
    const run = await runCli(['diff', 'demo', 'demo', '-f', 'json', '-o', '-'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toBeTypeOf('object');
    expect(existsSync(path.join(work, '-'))).toBe(false);
  });

  it('a file named - is ./-, and a - after -- is an argument, not an output', () => {
    expect(withStdoutDash(['audit', 'x', '-o', './-'])).toEqual(['audit', 'x', '-o', './-']);
    expect(withStdoutDash(['audit', 'x', '-o', '-', '--', '-o', '-'])).toEqual(['audit', 'x', '--output=-', '--', '-o', '-']);
  });
});
