import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { FORMAT_NAMES } from '../../src/formatters/index.js';
import { loadDataset, startSimulator, type Dataset, type RunningSimulator, type SimulatorOptions } from '../../src/simulator/index.js';
import { runCli, type CliRun } from './run-cli.js';
import { auditorEnv } from './simulator-env.js';
import { credentialLeaks } from '../hostile/leaks.js';

/** The demo organization and the worker app the scans sign in as. */
export const demo = loadDataset('demo');
const auditor = demo.credentials[0]!;
const [ADMIN_ENV, PROD_ENV] = demo.environments.map((env) => env.environment.id) as [string, string, string];

export interface HostileScan {
  run: CliRun;
  simulator: RunningSimulator;
  /** The folder holding `snapshot/` and the reports. */
  out: string;
  /** stdout, stderr, then the text of every file written (snapshot and reports). */
  outputs: string[];
}

/**
 * Runs the CLI's `scan` (both demo environments, every report format to a file, `--verbose`)
 * against a simulator started with `options` (faults, page sizes, a doctored copy of {@link demo} …),
 * in a fresh folder that `cleanup` removes with the simulators.
 * The snapshot is written to `<out>/snapshot`, `out` being returned.
 */
export function createHostileScans() {
  const simulators: RunningSimulator[] = [];
  const folders: string[] = [];
  return {
    async scan(options: Omit<SimulatorOptions, 'dataset'> & { dataset?: Dataset }, extra: readonly string[] = []): Promise<HostileScan> {
      const simulator = await startSimulator({ ...options, dataset: options.dataset ?? demo });
      simulators.push(simulator);
      const out = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-hostile-'));
      folders.push(out);
      const reports = FORMAT_NAMES.flatMap((format) => ['-f', format, '-o', path.join(out, `report.${format}`)]);
      const run = await runCli(['scan', '--max-rps', '500', '-e', ADMIN_ENV, '-e', PROD_ENV, '--out', path.join(out, 'snapshot'), ...reports, '--verbose', ...extra], {
        env: auditorEnv(simulator, auditor),
      });
      return { run, simulator, out, outputs: [run.stdout, run.stderr, ...(await filesUnder(out))] };
    },
    async cleanup(): Promise<void> {
      await Promise.all(simulators.splice(0).map((simulator) => simulator.close()));
      await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
    },
  };
}

/** Fails naming the first credential form found in any output. */
export function expectNoCredential(outputs: readonly string[]): void {
  for (const [what, pattern] of credentialLeaks(auditor)) {
    const leaked = outputs.find((text) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)));
    expect(leaked, `${what} leaked`).toBeUndefined();
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')));
}
