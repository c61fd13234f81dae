import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDataset, startSimulator } from '../../src/simulator/index.js';
import { runCli } from '../helpers/run-cli.js';
import { auditorEnv } from '../helpers/simulator-env.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-temporary-folders-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
});

/** A fresh folder that stands in for the system's temporary folder, so that what a run leaves there can be seen. */
async function systemTemporaryFolder(name: string): Promise<string> {
  const dir = path.join(work, name);
  await mkdir(dir);
  vi.stubEnv('TMPDIR', dir);
  expect(os.tmpdir()).toBe(dir);
  return dir;
}

describe('commands that need a collection only for the run leave nothing behind', () => {
  it('demo writes no snapshot when neither --out nor --keep asks for one, and its findings still have lines', async () => {
    const temporary = await systemTemporaryFolder('demo');
    const run = await runCli(['demo', '-f', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('snapshot kept in memory, not written (--out DIR or --keep writes it)');
    expect(await readdir(temporary)).toEqual([]);
    const report = JSON.parse(run.stdout) as { findings: Array<{ location: { line?: number; sha256?: string } }>; snapshot: { path?: string } };
    expect(report.snapshot.path).toBeUndefined();
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every(({ location }) => location.line !== undefined && /^[0-9a-f]{64}$/.test(location.sha256 ?? ''))).toBe(true);
  });

  it('demo --keep keeps it and says where it is', async () => {
    const temporary = await systemTemporaryFolder('demo-keep');
    const run = await runCli(['demo', '--keep', '-f', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const [kept, ...others] = await readdir(temporary);
    expect(others).toEqual([]);
    expect(kept).toMatch(/^pingone-audit-demo-/);
    expect(run.stderr).toContain(`snapshot in ${path.join(temporary, kept!)}`);
    expect(await readdir(path.join(temporary, kept!))).toContain('manifest.json');
  });

  it('a live check writes no snapshot, so an interrupted one leaves nothing behind, and never replaces ./pingone-snapshot', async () => {
    // A system temporary folder that does not exist: any folder made there would fail the run, and would show.
    const temporary = path.join(work, 'check-missing');
    vi.stubEnv('TMPDIR', temporary);
    const cwd = path.join(work, 'check-project');
    await mkdir(path.join(cwd, 'pingone-snapshot'), { recursive: true });
    // What an earlier scan wrote: a check must not touch it (a foreign folder would make a write fail loudly, so this
    // only passes when nothing is written there at all).
    await writeFile(path.join(cwd, 'pingone-snapshot', 'notes.txt'), 'an earlier scan\n');
    const dataset = loadDataset('demo');
    const simulator = await startSimulator({ dataset });
    try {
      const run = await runCli(['check', 'pingdatasync', '--app', 'PingDataSync', '--all-environments', '--max-rps', '500'], { env: auditorEnv(simulator, dataset.credentials[0]!), cwd });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('ready: 5 passed, 0 failed, 0 not evaluated');
      expect(run.stderr).toMatch(/^collected: \d+ environment\(s\)/m);
      expect(run.stderr).not.toContain('wrote snapshot');
    } finally {
      await simulator.close();
    }
    expect(existsSync(temporary)).toBe(false);
    expect(await readdir(path.join(cwd, 'pingone-snapshot'))).toEqual(['notes.txt']);
    expect(await readFile(path.join(cwd, 'pingone-snapshot', 'notes.txt'), 'utf8')).toBe('an earlier scan\n');
  });
});
