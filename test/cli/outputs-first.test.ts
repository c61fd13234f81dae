import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-outputs-first-'));
  await mkdir(path.join(work, 'a-folder'));
  await writeFile(path.join(work, 'a-file'), 'not a folder\n');
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('output paths are checked before any work', () => {
  it('demo refuses -o naming a folder before the simulator starts (exit 2)', async () => {
    const run = await runCli(['demo', '-f', 'json', '-o', 'a-folder'], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pingone-audit: Cannot write --output \S*a-folder: it is a folder\./);
    expect(run.stderr).not.toContain('Demo:');
    expect(run.stdout).toBe('');
  });

  it('demo refuses --out naming a file, and -o under a file, before the simulator starts (exit 2)', async () => {
    const out = await runCli(['demo', '--out', 'a-file'], { cwd: work });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^pingone-audit: Cannot write a snapshot to \S*a-file: it is a file, not a folder\./);
    const under = await runCli(['demo', '-f', 'sarif', '-o', 'a-file/results.sarif'], { cwd: work });
    expect(under.code).toBe(2);
    expect(under.stderr).toMatch(/^pingone-audit: Cannot write --output \S*a-file\/results\.sarif: \S*a-file is a file, not a folder\./);
  });

  it('audit, merge and terraform refuse a bad -o before they read their input (exit 2)', async () => {
    for (const args of [
      ['audit', 'no-such-snapshot'],
      ['merge', 'no-such-report.json'],
      ['terraform', 'no-such-folder'],
    ]) {
      const run = await runCli([...args, '-f', 'json', '-o', 'a-folder'], { cwd: work });
      expect(run.code, args[0]).toBe(2);
      expect(run.stderr, args[0]).toMatch(/^pingone-audit: Cannot write --output \S*a-folder: it is a folder\./);
    }
  });
});
