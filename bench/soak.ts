/**
 * `npm run soak`: collects the same generated organization again and again from the simulator
 * (loopback only) while it injects random 429s, 5xx, connection resets and slow answers (some past
 * the client's timeout). Each collection must end with the snapshot of a fault-free run; after each,
 * the heap (after a full GC) and the open sockets are printed, and both must stay flat.
 * `--minutes N` (default 3). Exits 1 when a snapshot differs, a socket leaks or the heap grows.
 */
import { spawnSync } from 'node:child_process';
import { createApiClient, collectSnapshot, resolveConnectionSettings, type ApiClientOptions } from '../src/fetch/index.js';
import { generateDataset, generatedAuditorSecret, startSimulator, type Dataset, type FaultPlan } from '../src/simulator/index.js';
import type { Snapshot } from '../src/snapshot/model.js';
import { stableStringify } from '../src/snapshot/stable-json.js';
import { canonicalSnapshot } from '../src/snapshot/write-snapshot.js';
import { formatTextTable } from './format-table.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) {
  // Heap figures mean something only after a full collection, which needs this flag.
  const child = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, process.argv[1]!, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const minutesIndex = process.argv.indexOf('--minutes');
const minutes = minutesIndex >= 0 ? Number(process.argv[minutesIndex + 1]) : 3;
const clientOptions: ApiClientOptions = { maxRps: 400, timeoutMs: 1000 };
const faultRate = 0.02;

/** The snapshot without what legitimately changes from run to run (time, port, request counts). */
function comparable(snapshot: Snapshot): string {
  const { manifest, ...data } = canonicalSnapshot(snapshot);
  const { createdAt: _createdAt, durationMs: _durationMs, apiUrl: _apiUrl, collection, ...stable } = manifest;
  const { requestsByEndpoint: _requests, ...record } = collection;
  return stableStringify({ manifest: { ...stable, collection: record }, ...data });
}

async function collectOnce(dataset: Dataset, faults: FaultPlan | undefined) {
  const simulator = await startSimulator({ dataset, latencyMs: { min: 1, max: 5 }, ...(faults === undefined ? {} : { faults }) });
  const auditor = dataset.credentials[0]!;
  const settings = resolveConnectionSettings(
    { apiUrl: simulator.apiUrl, authUrl: simulator.authUrl },
    { PINGONE_CLIENT_ID: auditor.clientId, PINGONE_CLIENT_SECRET: generatedAuditorSecret, PINGONE_ENVIRONMENT_ID: auditor.environmentId },
  );
  const client = createApiClient(settings, clientOptions);
  try {
    const snapshot = await collectSnapshot(client, { allEnvironments: true });
    const injected = simulator.requestLog.filter((entry) => entry.fault !== undefined).length;
    return { snapshot, requests: simulator.requestLog.length, injected };
  } finally {
    await client.close();
    await simulator.close();
  }
}

const openSockets = () => process.getActiveResourcesInfo().filter((resource) => resource === 'TCPSocketWrap').length;
const heapMiB = () => {
  gc!();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

async function main(): Promise<void> {
  const dataset = generateDataset({ environments: 2, appsPerEnvironment: 30, usersPerEnvironment: 200, groupsPerEnvironment: 6, adminShare: 0.03, seed: 11 });
  const socketsAtRest = openSockets();
  const reference = comparable((await collectOnce(dataset, undefined)).snapshot);
  const deadline = Date.now() + minutes * 60_000;
  const rows: string[][] = [];
  const heaps: number[] = [];
  let failures = 0;
  for (let iteration = 1; Date.now() < deadline; iteration += 1) {
    const started = performance.now();
    const faults: FaultPlan = { seed: iteration, random: { rate: faultRate, kinds: ['rateLimited', 'serverError', 'reset', 'slow'], slowDelayMs: 1200 } };
    const { snapshot, requests, injected } = await collectOnce(dataset, faults);
    const equal = comparable(snapshot) === reference;
    // Sockets the client or the simulator left open would show here, once closed ones are gone.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const sockets = openSockets() - socketsAtRest;
    const heap = heapMiB();
    heaps.push(heap);
    if (!equal || sockets > 0) failures += 1;
    rows.push([String(iteration), String(requests), String(injected), ((performance.now() - started) / 1000).toFixed(1), equal ? 'yes' : 'NO', String(sockets), heap.toFixed(1)]);
    process.stderr.write(`soak: iteration ${iteration}: ${requests} requests, ${injected} faults, snapshot ${equal ? 'equal' : 'DIFFERENT'}, ${sockets} sockets open, heap ${heap.toFixed(1)} MiB\n`);
  }
  // Growth = the last third's mean over the first third's, the first iteration (warm-up) left out.
  const settled = heaps.slice(1);
  const third = Math.max(1, Math.floor(settled.length / 3));
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  const growth = settled.length >= 3 ? mean(settled.slice(-third)) - mean(settled.slice(0, third)) : 0;
  const heapGrows = growth > 2;
  const out = [
    `soak: ${minutes} min, fault rate ${faultRate * 100} % per request (429, 503, reset, 1.2 s answers against a 1 s timeout), loopback simulator`,
    formatTextTable(['Iteration', 'Requests', 'Faults', 'Seconds', 'Same snapshot', 'Sockets left', 'Heap after GC MiB'], rows),
    `${rows.length} collections, ${failures} with a different snapshot or a leaked socket; heap growth first → last third ${growth.toFixed(2)} MiB (${heapGrows ? 'GROWING' : 'flat'}).`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  process.exitCode = failures > 0 || heapGrows ? 1 : 0;
}

await main();
