/**
 * Child process of `npm run bench`: writes the realistic organization's snapshot into a temporary folder, then
 * loads it back with `loadSnapshot`, timing each; prints one JSON line ({@link SnapshotIoResult}).
 * Argument: the scale (1 = 10 environments × 1,000 apps × 400 admin users).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSnapshot } from '../src/snapshot/load-snapshot.js';
import { writeRealisticSnapshot } from './realistic-snapshot.js';

export interface SnapshotIoResult {
  files: number;
  megabytes: number;
  writeMs: number;
  loadMs: number;
  maxRssMiB: number;
}

const scale = Number(process.argv[2] ?? 1);
const dir = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-bench-io-'));
try {
  let started = performance.now();
  const files = await writeRealisticSnapshot(dir, scale);
  const writeMs = performance.now() - started;
  started = performance.now();
  const snapshot = await loadSnapshot(dir);
  const loadMs = performance.now() - started;
  const megabytes = Buffer.byteLength(JSON.stringify(snapshot)) / 1024 / 1024;
  const result: SnapshotIoResult = { files, megabytes, writeMs, loadMs, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
