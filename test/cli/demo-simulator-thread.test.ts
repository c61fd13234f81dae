import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors.js';
import { loadDataset } from '../../src/simulator/load-dataset.js';
import { simulatorGetsOwnThread, startSimulatorThread } from '../../src/commands/demo-simulator.js';
import { packagePath } from '../../src/paths.js';

// The demo's simulator thread exists as built JavaScript only (a worker loads files, not the sources): this test loads
// tsc's build of src/commands/demo-simulator.ts, which starts the bundle's dist/src/demo-simulator-thread.js. `npm run
// build` first when running it alone.
type DemoSimulatorModule = typeof import('../../src/commands/demo-simulator.js');
const built = (): Promise<DemoSimulatorModule> => import(pathToFileURL(packagePath('dist', 'src', 'commands', 'demo-simulator.js')).href);

/** The servers listening on this thread: the thread's simulator must not be one of them. */
const tcpServers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPServerWrap').length;

describe("the built demo's simulator", () => {
  it('serves the demo tenant from a thread of its own, with the worker app credential, until closed', async () => {
    const { startDemoSimulator } = await built();
    const serversBefore = tcpServers();
    const simulator = await startDemoSimulator();
    try {
      expect(tcpServers()).toBe(serversBefore);
      const dataset = loadDataset('demo');
      const worker = dataset.environments.flatMap((env) => env.applications).find((app) => app.id === simulator.credential.clientId);
      expect(worker?.name).toBe('pingone-audit');
      expect(simulator.credential.clientSecret).toBe(dataset.credentials.find((credential) => credential.clientId === worker?.id)?.clientSecret);
      // No token: the simulator answers 401 as PingOne would, so it is listening over real HTTP.
      const answer = await fetch(`${simulator.apiUrl}/environments`);
      expect(answer.status).toBe(401);
    } finally {
      await simulator.close();
    }
    await expect(fetch(`${simulator.apiUrl}/environments`)).rejects.toThrow();
    // Closing twice is harmless, as the in-thread simulator's close is.
    await simulator.close();
  });

  it('started ahead for `demo`, is handed over once', async () => {
    const { prestartDemoSimulator, startDemoSimulator } = await built();
    expect(prestartDemoSimulator(['demo', '--help'])).toBe(false);
    expect(prestartDemoSimulator(['demo', '-f', 'json'])).toBe(true);
    const first = await startDemoSimulator();
    const second = await startDemoSimulator();
    try {
      // The second is a thread of its own, not the first handed over again.
      expect(second.apiUrl).not.toBe(first.apiUrl);
      expect((await fetch(`${first.apiUrl}/environments`)).status).toBe(401);
      expect((await fetch(`${second.apiUrl}/environments`)).status).toBe(401);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});

describe('where the demo simulator runs', () => {
  it('gets a thread of its own only when built and a second CPU can run it', () => {
    expect(simulatorGetsOwnThread(true, 2)).toBe(true);
    expect(simulatorGetsOwnThread(true, 1)).toBe(false);
    expect(simulatorGetsOwnThread(false, 8)).toBe(false);
  });
});

// Stand-ins for the thread's entry, each failing one way: the demo must end with the failure said, never wait on a thread.
describe('a failing demo simulator thread', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-simulator-thread-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });
  const entry = async (name: string, code: string) => {
    const file = path.join(folder, `${name}.mjs`);
    await writeFile(file, `import { parentPort } from 'node:worker_threads';\n${code}\n`);
    return file;
  };

  it("rejects with the user's mistake the thread reports (dataset-invalid), as the UserFacingError it was", async () => {
    const file = await entry(
      'failed',
      "parentPort.postMessage({ kind: 'failed', errorCode: 'dataset-invalid', message: 'No simulator dataset at x.', hint: 'Use a built-in dataset.' });\nparentPort.close();",
    );
    const error = await startSimulatorThread(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error).toMatchObject({ errorCode: 'dataset-invalid', message: 'No simulator dataset at x.', hint: 'Use a built-in dataset.' });
  });

  it('rejects with what the thread threw before it listened', async () => {
    await expect(startSimulatorThread(await entry('throws', "throw new TypeError('boom before listening');"))).rejects.toThrow('boom before listening');
  });

  it('rejects when the thread ends without listening or saying why', async () => {
    await expect(startSimulatorThread(await entry('ends', 'void parentPort;'))).rejects.toThrow('The demo simulator thread ended before it listened.');
  });

  it('closes with the failure of a thread that crashed, rather than waiting for it', async () => {
    const listening = "parentPort.postMessage({ kind: 'listening', apiUrl: 'http://127.0.0.1:9/v1', authUrl: 'http://127.0.0.1:9', credential: {} });";
    const simulator = await startSimulatorThread(await entry('crashes', `${listening}\nparentPort.once('message', () => { throw new Error('crashed while closing'); });`));
    await expect(simulator.close()).rejects.toThrow('crashed while closing');
  });
});
