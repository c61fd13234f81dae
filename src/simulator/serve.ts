import { datasetPath, loadDataset } from './load-dataset.js';
import type { FaultPlan } from './faults.js';
import type { RateLimit } from './rate-limiter.js';
import { sandboxLines } from './sandbox-lines.js';
import { startSimulator, type RunningSimulator } from './start-simulator.js';

/** What `pingone-audit simulate` starts the simulator with. */
export interface SimulateCommandOptions {
  port: number;
  /** A built-in dataset name (`demo`) or a dataset file path. */
  dataset: string;
  rateLimit?: RateLimit;
  latencyMs?: { min: number; max: number };
  faults?: FaultPlan;
  /** Print one line per request to stderr. */
  verbose?: boolean;
  /** Where to write; the CLI passes stderr. */
  write?: (text: string) => void;
  /** Resolves when the simulator should stop (default: the first SIGINT or SIGTERM). */
  until?: Promise<unknown>;
}

/**
 * `pingone-audit simulate`: serves a dataset until interrupted. Prints the URLs and ready-to-paste
 * sign-in lines (see `sandboxLines`), never a secret: a pasted line reads it from the dataset file.
 */
export async function runSimulateCommand(options: SimulateCommandOptions): Promise<void> {
  const write = options.write ?? ((text: string) => process.stderr.write(text));
  const dataset = loadDataset(options.dataset);
  const simulator: RunningSimulator = await startSimulator({
    dataset,
    port: options.port,
    ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
    ...(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs }),
    ...(options.faults === undefined ? {} : { faults: options.faults }),
    ...(options.verbose === true ? { log: (line: string) => write(`${line}\n`) } : {}),
  });
  const file = datasetPath(options.dataset);
  const lines = [
    options.dataset === 'demo-future' ? `PingOne simulator serving demo-future: ${file} with values and fields PingOne may add later` : `PingOne simulator serving ${file}`,
    `  API:  ${simulator.apiUrl}`,
    `  Auth: ${simulator.authUrl}/<environmentId>/as/token`,
    ...sandboxLines(dataset, file, simulator.apiUrl, simulator.authUrl),
    '',
    'Press Ctrl+C to stop.',
  ];
  write(`${lines.join('\n')}\n`);
  await (options.until ?? untilSignal());
  await simulator.close();
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
