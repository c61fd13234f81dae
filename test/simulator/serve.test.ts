import { describe, expect, it } from 'vitest';
import { loadDataset, runSimulateCommand } from '../../src/simulator/index.js';

describe('runSimulateCommand', () => {
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
