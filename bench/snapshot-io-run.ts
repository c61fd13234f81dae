/**
 * Child process of `npm run bench`: writes the realistic organization's snapshot into a temporary folder, then
 * loads it back with `loadSnapshot`, timing each (then once more, warm), then runs the built CLI's `audit <folder> -f sarif -o <file>` on
 * it as a process of its own (the whole run: start, load, index, engine, SARIF); prints one JSON line
 * ({@link SnapshotIoResult}). Argument: the scale (1 = 10 environments × 1,000 apps × 400 admin users).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSnapshot } from '../src/snapshot/load-snapshot.js';
import { writeRealisticSnapshot } from './realistic-snapshot.js';
import type { ChildUsage } from './report-usage.js';

export interface SnapshotIoResult {
  files: number;
  megabytes: number;
  writeMs: number;
  /** The first load in this process: the target's figure. */
  loadMs: number;
  /** The snapshot loaded a second time, in the warm process (validators loaded, code optimised). */
  warmLoadMs: number;
  maxRssMiB: number;
  /** `audit -f sarif -o` of the snapshot by the built CLI: wall from spawn to exit, the child's CPU and peak RSS. */
  auditSarif: ChildUsage & { wallMs: number; exitCode: number | null; sarifMiB: number };
}

/** The built CLI audits the folder as a user would; a preload reports the child's own CPU and peak RSS. */
async function auditSarif(dir: string, out: string): Promise<SnapshotIoResult['auditSarif']> {
  const cli = fileURLToPath(new URL('../src/cli.js', import.meta.url));
  const usageFile = path.join(out, 'usage.json');
  const sarif = path.join(out, 'out.sarif');
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', new URL('./report-usage.js', import.meta.url).href, cli, 'audit', dir, '-f', 'sarif', '-o', sarif], {
    env: { ...process.env, PINGONE_AUDIT_BENCH_USAGE: usageFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 300_000,
  });
  const wallMs = performance.now() - started;
  // Exit 1 is the gate (findings at or above high): the run itself succeeded.
  if (run.status !== 0 && run.status !== 1) throw new Error(`audit -f sarif exited with ${run.status ?? run.signal}: ${run.stderr.toString().slice(-2000)}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as ChildUsage;
  return { ...usage, wallMs, exitCode: run.status, sarifMiB: (await stat(sarif)).size / 1024 / 1024 };
}

const scale = Number(process.argv[2] ?? 1);
const dir = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-bench-io-'));
const out = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-bench-sarif-'));
try {
  let started = performance.now();
  const files = await writeRealisticSnapshot(dir, scale);
  const writeMs = performance.now() - started;
  started = performance.now();
  const snapshot = await loadSnapshot(dir);
  const loadMs = performance.now() - started;
  const megabytes = Buffer.byteLength(JSON.stringify(snapshot)) / 1024 / 1024;
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  started = performance.now();
  await loadSnapshot(dir);
  const warmLoadMs = performance.now() - started;
  const result: SnapshotIoResult = { files, megabytes, writeMs, loadMs, warmLoadMs, maxRssMiB, auditSarif: await auditSarif(dir, out) };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
}
