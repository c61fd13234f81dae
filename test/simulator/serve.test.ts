import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadDataset, runSimulateCommand } from '../../src/simulator/index.js';

describe('runSimulateCommand', () => {
  it('says demo-future is the demo drawn with values PingOne may add, not the demo itself', async () => {
    let output = '';
    let stop: () => void = () => undefined;
    const until = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const running = runSimulateCommand({ port: 0, dataset: 'demo-future', write: (text) => (output += text), until });
    await expect.poll(() => output).toContain('Press Ctrl+C');
    expect(output.split('\n')[0]).toMatch(/^PingOne simulator serving demo-future: .*demo\.json with values and fields PingOne may add later$/);
    stop();
    await running;
  });

  it('prints the URLs and the demo worker’s client id and environment, never its secret, and stops when told', async () => {
    let output = '';
    let stop: () => void = () => undefined;
    const until = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const running = runSimulateCommand({ port: 0, dataset: 'demo', write: (text) => (output += text), until });
    await expect.poll(() => output).toContain('Press Ctrl+C');

    const dataset = loadDataset('demo');
    const auditor = dataset.credentials[0]!;
    expect(output).toMatch(/API: {2}http:\/\/127\.0\.0\.1:\d+\/v1/);
    expect(output).toContain(auditor.clientId);
    expect(output).toContain(auditor.environmentId);
    expect(output).toContain('demo.json');
    for (const credential of dataset.credentials) expect(output).not.toContain(credential.clientSecret);
    // Ready to paste: the URLs, the worker and its secret read from the dataset, and both user sign-ins.
    const authUrl = /Auth: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)![1]!;
    expect(output).toContain(`export PINGONE_API_URL=${authUrl}/v1 PINGONE_AUTH_URL=${authUrl}\n`);
    expect(output).toContain(`export PINGONE_CLIENT_ID=${auditor.clientId} PINGONE_ENVIRONMENT_ID=${auditor.environmentId}\n`);
    expect(output).toMatch(/export PINGONE_CLIENT_SECRET="\$\(node -p 'require\(".*demo\.json"\)\.credentials\[0\]\.clientSecret'\)"/);
    const signIn = dataset.environments.flatMap((environment) => environment.applications).find((app) => app.name === 'pingone-audit sign-in')!;
    for (const flow of ['device-code', 'authorization-code']) {
      expect(output).toContain(`pingone-audit login --auth ${flow} --client-id ${signIn.id} --environment-id ${auditor.environmentId} --token-cache sandbox-token.json\n`);
    }
    expect(output).toContain('pingone-audit whoami --token-cache sandbox-token.json\n');
    // Pasted into a shell, the secret line sets the worker's secret without it ever being printed.
    const secretLine = /^ {2}(export PINGONE_CLIENT_SECRET=.*)$/m.exec(output)![1]!;
    const { stdout } = await promisify(execFile)('bash', ['--norc', '-c', `${secretLine}; printf %s "$PINGONE_CLIENT_SECRET"`]);
    expect(stdout).toBe(auditor.clientSecret);

    const apiUrl = /API: {2}(\S+)/.exec(output)![1]!;
    expect((await fetch(`${apiUrl}/environments`)).status).toBe(401);
    stop();
    await running;
    await expect(fetch(`${apiUrl}/environments`)).rejects.toThrow();
  });

  it('explains a missing dataset file', async () => {
    await expect(runSimulateCommand({ port: 0, dataset: '/nonexistent/dataset.json', write: () => undefined })).rejects.toThrow(/No simulator dataset/);
  });
});
