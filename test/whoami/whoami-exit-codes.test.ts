import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { runCli } from '../helpers/run-cli.js';
import { auditorEnv } from '../helpers/simulator-env.js';

const dataset = loadDataset('demo');
let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ dataset });
});
afterAll(() => simulator.close());

/** whoami as the demo worker `name`, with its client secret. */
function whoamiAs(name: string) {
  const app = dataset.environments.flatMap((environment) => environment.applications).find((candidate) => candidate.name === name);
  const credential = dataset.credentials.find((candidate) => candidate.clientId === app?.id);
  if (credential === undefined) throw new Error(`no demo credentials for ${name}`);
  return runCli(['whoami', '-f', 'json', '--max-rps', '500'], { env: auditorEnv(simulator, credential) });
}

const predictions = (stdout: string): string[] => [...new Set((JSON.parse(stdout) as { endpoints: Array<{ prediction: string }> }).endpoints.map((row) => row.prediction))].sort();

describe('whoami exit codes: what the scan it predicts would conclude', () => {
  it('0 when every collector read is predicted readable', async () => {
    const run = await whoamiAs('pingone-audit');
    expect(run.code, run.stderr).toBe(0);
    expect(predictions(run.stdout)).toEqual(['readable']);
  });

  it('1 when a read a scan needs will answer 403', async () => {
    const run = await whoamiAs('Nightly Export');
    expect(run.code, run.stderr).toBe(1);
    expect(predictions(run.stdout)).toContain('will 403');
  });

  it('3 when reads cannot be predicted (the role assignments could not be read)', async () => {
    const run = await whoamiAs('Staging Sync');
    expect(run.code, run.stderr).toBe(3);
    expect(predictions(run.stdout)).toEqual(['unknown']);
  });

  it('--help states the exit codes', async () => {
    const run = await runCli(['whoami', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Exit codes: 0 every collector read is predicted readable; 1 some read a scan needs will answer 403;\s+3 some reads cannot be predicted/);
  });
});
