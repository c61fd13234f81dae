import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairOutputs } from '../../src/commands/output-targets.js';
import { withStdoutDash } from '../../src/commands/stdout-dash.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';

const FORMATS = ['stylish', 'grid', 'json', 'sarif', 'markdown', 'html', 'junit', 'csv', 'oscal-ar', 'oscal-poam'];
const SPELLINGS = [['-o', '-'], ['--output', '-'], ['-o=-'], ['--output=-']];

let work: string;
/** Per format, the run that printed it with `-o -` (and wrote the next format to a file beside it), and the spelling it used. */
const printed = new Map<string, { run: CliRun; spelling: string[] }>();

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-stdout-dash-'));
  const demo = await runCli(['demo', '--out', 'demo', '-f', 'json', '-o', 'demo.json'], { cwd: work });
  expect(demo.code, demo.stderr).toBe(0);
  // One audit per format: it prints the format to stdout, in each spelling in turn, and writes the next format to
  // a file, which the next format's own run is compared with.
  for (const [index, format] of FORMATS.entries()) {
    const spelling = SPELLINGS[index % SPELLINGS.length]!;
    const next = FORMATS[(index + 1) % FORMATS.length]!;
    printed.set(format, { run: await runCli(['audit', 'demo', '-f', format, ...spelling, '-f', next, '-o', `files/${next}`], { cwd: work }), spelling });
  }
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A report with the times of its run and the UUIDs an OSCAL document gets anew each run taken out: two runs differ only there. */
function timeless(text: string): string {
  return text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?/g, '<time>').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');
}

describe('-o - writes the report to stdout', () => {
  it('is the same stdout report as no -o at all, in every spelling', async () => {
    const plain = await runCli(['audit', 'demo', '-f', 'json'], { cwd: work });
    expect(timeless(printed.get('json')!.run.stdout)).toBe(timeless(plain.stdout));
    for (const spelling of SPELLINGS) {
      expect(pairOutputs(withStdoutDash(['audit', 'demo', '-f', 'csv', ...spelling, '-f', 'json', '-o', 'x.json']))).toEqual(pairOutputs(['audit', 'demo', '-f', 'csv', '-f', 'json', '-o', 'x.json']));
    }
  });

  it.each(FORMATS)('%s: the report it writes to a file, beside a report written to a file, and no file named -', async (format) => {
    const { run, spelling } = printed.get(format)!;
    expect(run.code, `${spelling.join(' ')}: ${run.stderr}`).toBe(1);
    const file = await readFile(path.join(work, 'files', format), 'utf8');
    expect(run.stdout.length).toBeGreaterThan(100);
    // Stdout gets a final newline where a report has none, as a plain run prints it.
    expect(timeless(run.stdout)).toBe(timeless(file.endsWith('\n') ? file : `${file}\n`));
    expect(run.stderr).not.toContain(`wrote ${format} report`);
    expect(run.stderr).toContain(`wrote ${FORMATS[(FORMATS.indexOf(format) + 1) % FORMATS.length]} report to files/`);
    expect(existsSync(path.join(work, '-'))).toBe(false);
  });

  it('counts as stdout: a second format without a file is refused, naming both', async () => {
    const run = await runCli(['audit', 'demo', '-f', 'stylish', '-f', 'json', '-o', '-'], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2 formats (stylish, json) would all go to stdout.');
    expect(run.stderr).toContain('error code: flag-invalid');
  });

  it('two formats to one file are refused before any work, however the path is spelled', async () => {
    // Before: both were "wrote … report to same.out", and the JSON report was silently replaced by the CSV one.
    const run = await runCli(['audit', 'demo', '-f', 'json', '-o', 'same.out', '-f', 'csv', '-o', `${work}/./same.out`], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`-f json and -f csv would both be written to ${work}/./same.out: the second would replace the first.`);
    expect(run.stderr).toContain('error code: flag-invalid');
    expect(existsSync(path.join(work, 'same.out'))).toBe(false);
  });

  it('a report inside the snapshot folder audited or written is refused before any work', async () => {
    // Before: -o demo/manifest.json replaced the snapshot's manifest, and -o demo/report.json left a file the manifest
    // does not list, so that the next audit of the snapshot refused it.
    const manifestBefore = await readFile(path.join(work, 'demo', 'manifest.json'), 'utf8');
    for (const file of ['demo/manifest.json', 'demo/report.json', `${work}/demo/environments/report.json`]) {
      const run = await runCli(['audit', 'demo', '-f', 'json', '-o', file], { cwd: work });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--output ${file} is inside the snapshot folder demo:`);
    }
    expect(await readFile(path.join(work, 'demo', 'manifest.json'), 'utf8')).toBe(manifestBefore);
    expect(existsSync(path.join(work, 'demo', 'report.json'))).toBe(false);
    const demo = await runCli(['demo', '--out', 'fresh', '-f', 'json', '-o', 'fresh/report.json'], { cwd: work });
    expect(demo.code).toBe(2);
    expect(demo.stderr).toContain('--output fresh/report.json is inside the snapshot folder fresh:');
    expect(existsSync(path.join(work, 'fresh'))).toBe(false);
    // The folder itself as the report: it was collected and written first, then the report failed as "a folder".
    const itself = await runCli(['demo', '--out', 'fresh', '-f', 'json', '-o', 'fresh'], { cwd: work });
    expect(itself.code).toBe(2);
    expect(itself.stderr).toContain('--output fresh is the snapshot folder fresh itself:');
    expect(existsSync(path.join(work, 'fresh'))).toBe(false);
    // Beside it, or in a folder whose name only starts like it, is fine.
    const beside = await runCli(['audit', 'demo', '-f', 'json', '-o', 'demo-report/report.json'], { cwd: work });
    expect(beside.code, beside.stderr).not.toBe(2);
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
