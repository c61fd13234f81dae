import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { FromDemoSimulatorThread } from '../demo-simulator-thread.js';
import { UserFacingError } from '../errors.js';
import { packagePath } from '../paths.js';
import type { DatasetCredential } from '../simulator/dataset.js';

/** The demo's simulator, wherever it runs: where it listens, the credential to sign in with, and how to stop it. */
export interface DemoSimulator {
  /** Management API base, `http://127.0.0.1:<port>/v1`. */
  apiUrl: string;
  authUrl: string;
  /** The client secret inside is the dataset's; never print it. */
  credential: DatasetCredential;
  /** Stops the simulator (and its thread); rejects when the thread failed meanwhile. */
  close(): Promise<void>;
}

/** The thread's entry in the build; it exists as JavaScript only, so the sources (the tests) keep the simulator in-thread. */
const THREAD_ENTRY = packagePath('dist', 'src', 'demo-simulator-thread.js');
const RUNS_BUILT = fileURLToPath(import.meta.url).endsWith('.js');

/**
 * Whether the simulator gets a thread of its own: only when the CLI runs built and the machine has a second CPU for
 * it. On one CPU the thread's start (~0.1 s of CPU, most of it Node's bootstrap of a worker) overlaps nothing and the
 * collection's two ends take turns anyway, so the demo would only pay for it.
 */
export function simulatorGetsOwnThread(runsBuilt: boolean, cpus: number): boolean {
  return runsBuilt && cpus > 1;
}

const OWN_THREAD = simulatorGetsOwnThread(RUNS_BUILT, availableParallelism());

let prestarted: { simulator: Promise<DemoSimulator>; worker: Promise<Worker> } | undefined;

/**
 * When `args` (the command line without node and the script) run `demo`, starts its simulator's thread now, so that
 * it loads and listens while the CLI loads the command (~0.1 s each on a cold start, side by side on two cores). The
 * thread does not hold the process open: a run that ends before the demo takes it (a bad option) just exits. Asking
 * for help (`--help`, `-h`) or the version starts nothing. Returns whether it started the thread.
 */
export function prestartDemoSimulator(args: readonly string[]): boolean {
  if (args[0] !== 'demo' || !OWN_THREAD || args.some((arg) => ANSWERED_WITHOUT_RUNNING.has(arg))) return false;
  const started = startInWorker(true);
  // Whoever takes it sees its failure; a run that never does (exit 2 on an option) must not report it as unhandled.
  started.simulator.catch(() => undefined);
  prestarted = started;
  return true;
}

/** Options that yargs answers before any command runs. */
const ANSWERED_WITHOUT_RUNNING = new Set(['--help', '-h', '--version']);

/**
 * The demo's simulator on its own thread when {@link simulatorGetsOwnThread} (the one {@link prestartDemoSimulator} started, if
 * any), else on this one. The demo's collection talks to it over HTTP on 127.0.0.1 either way. Moving it off the
 * main thread takes its ~20 % of the collection's CPU, its garbage and its modules off the demo's critical path.
 * Throws the `UserFacingError` the dataset's loading threw (`dataset-invalid`).
 */
export async function startDemoSimulator(): Promise<DemoSimulator> {
  if (prestarted !== undefined) {
    const taken = prestarted;
    prestarted = undefined;
    (await taken.worker).ref();
    return taken.simulator;
  }
  if (OWN_THREAD) return startInWorker(false).simulator;
  const { startDemoTenant } = await import('../simulator/demo-tenant.js');
  const { simulator, credential } = await startDemoTenant();
  return { apiUrl: simulator.apiUrl, authUrl: simulator.authUrl, credential, close: () => simulator.close() };
}

/** The simulator of a thread that runs `entry` (the demo's, or a stand-in in the tests): see {@link startDemoSimulator}. */
export function startSimulatorThread(entry: string): Promise<DemoSimulator> {
  return startInWorker(false, entry).simulator;
}

function startInWorker(unref: boolean, entry = THREAD_ENTRY): { simulator: Promise<DemoSimulator>; worker: Promise<Worker> } {
  const worker = import('node:worker_threads').then(({ Worker }) => {
    const thread = new Worker(entry);
    if (unref) thread.unref();
    return thread;
  });
  return { worker, simulator: worker.then(listening) };
}

/** Resolves with the thread's simulator once it listens; rejects when the thread fails or ends first. */
function listening(worker: Worker): Promise<DemoSimulator> {
  let failure: unknown;
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    worker.on('error', (error) => {
      failure ??= error;
      reject(error);
    });
    void ended.then(() => reject(failure ?? new Error('The demo simulator thread ended before it listened.')));
    worker.on('message', (message: FromDemoSimulatorThread) => {
      if (message.kind === 'failed') reject(new UserFacingError(message.errorCode, message.message, { hint: message.hint, seeAlso: message.seeAlso }));
      if (message.kind === 'closed') void worker.terminate();
      if (message.kind !== 'listening') return;
      const { apiUrl, authUrl, credential } = message;
      resolve({
        apiUrl,
        authUrl,
        credential,
        close: async () => {
          worker.postMessage('close');
          await ended;
          if (failure !== undefined) throw failure;
        },
      });
    });
  });
}
