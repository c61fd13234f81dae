import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, type TestContext } from 'vitest';
import { resolveConnectionSettings, type ConnectionFlags } from '../../src/fetch/index.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { type RunningCli, startCli } from '../helpers/run-cli.js';
import { datasetWithReviewerApp, REVIEWER_APP_ID, reviewerIds } from '../simulator/reviewer-app.js';

/** A port free right now on 127.0.0.1, for a loopback redirect the test registers on the app. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ReviewerSimulator {
  simulator: RunningSimulator;
  port: number;
  ids: ReturnType<typeof reviewerIds>;
  /** Connection flags for the reviewer app on this simulator. */
  flags(extra?: ConnectionFlags): ConnectionFlags;
  /** The same as CLI environment variables. */
  env: Record<string, string>;
}

export async function startReviewerSimulator(options: { now?: () => number; devicePollingInterval?: number } = {}): Promise<ReviewerSimulator> {
  const port = await freePort();
  const dataset = datasetWithReviewerApp(port, options.devicePollingInterval === undefined ? {} : { devicePollingInterval: options.devicePollingInterval });
  const simulator = await startSimulator({ dataset, ...(options.now === undefined ? {} : { now: options.now }) });
  const ids = reviewerIds(dataset);
  return {
    simulator,
    port,
    ids,
    flags: (extra = {}) => ({ clientId: REVIEWER_APP_ID, environmentId: ids.adminEnv, apiUrl: simulator.apiUrl, authUrl: simulator.authUrl, redirectPort: port, ...extra }),
    env: { PINGONE_CLIENT_ID: REVIEWER_APP_ID, PINGONE_ENVIRONMENT_ID: ids.adminEnv, PINGONE_API_URL: simulator.apiUrl, PINGONE_AUTH_URL: simulator.authUrl },
  };
}

/** Plays the browser: follows the authorize URL as `user` and brings the redirect back to the loopback listener. */
export function browserSigningInAs(user: string, tamper: (callback: URL) => void = () => undefined) {
  const visited: string[] = [];
  const open = async (url: string): Promise<boolean> => {
    visited.push(url);
    const authorize = new URL(url);
    authorize.searchParams.set('login_hint', user);
    const answer = await fetch(authorize, { redirect: 'manual' });
    const location = answer.headers.get('location');
    if (location === null) throw new Error(`authorize answered ${answer.status} without a redirect: ${await answer.text()}`);
    const callback = new URL(location);
    tamper(callback);
    await (await fetch(callback)).text();
    return true;
  };
  return { open, visited };
}

/**
 * Starts the CLI in-process with only `env` and `cwd`'s folder as `PATH` and `HOME`: no browser opener
 * can be found there, so the CLI prints the authorize URL, as on a headless machine, for the test to follow.
 */
export function startHeadlessCli(args: string[], env: Record<string, string>, cwd: string): RunningCli {
  return startCli(args, { env: { PATH: cwd, HOME: cwd, ...env }, cwd });
}

export const settingsFor = (flags: ConnectionFlags) => resolveConnectionSettings(flags, {});

/**
 * Per test file: a scratch folder (`work()`), and reviewer simulators started by `reviewer()` that
 * are closed after each test: by that test's own `onTestFinished` when it passes its context (as
 * concurrent tests must, or the first to end would close the others' simulators), else after each.
 */
export function reviewerTestBed(prefix: string) {
  let work = '';
  const running: ReviewerSimulator[] = [];
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));
  afterEach(async () => {
    await Promise.all(running.splice(0).map((started) => started.simulator.close()));
  });
  return {
    work: () => work,
    async reviewer(options: Parameters<typeof startReviewerSimulator>[0] = {}, test?: Pick<TestContext, 'onTestFinished'>): Promise<ReviewerSimulator> {
      const started = await startReviewerSimulator(options);
      if (test === undefined) running.push(started);
      else test.onTestFinished(() => started.simulator.close());
      return started;
    },
  };
}
