/**
 * Every report format, written to a file through the CLI's own writer (piece by piece where the CLI does), for
 * an audit result of any size: `node outputs-run.js <format> [findings]` (default 1,000,000) prints
 * an OutputResult as JSON (a third argument, a folder, keeps the report there); `node outputs-run.js all [findings]` runs each format in a process of
 * its own (so that each peak is its own) and prints them all. The findings are those of a real run
 * on a generated organization, copied with new resource ids and fingerprints until there are enough.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rules } from '../rules/index.js';
import { loadPacks } from '../src/audit/load-packs.js';
import type { AuditResult, Finding } from '../src/engine/types.js';
import { resolveRules } from '../src/engine/resolve-rules.js';
import { runRules } from '../src/engine/run-rules.js';
import { replaceFile } from '../src/file-targets.js';
import { chunkedFormatterFor, FORMAT_NAMES, formatterFor } from '../src/formatters/index.js';
import { bundledProfiles } from '../src/profiles/load-profiles.js';
import { ruleIntegrations } from '../src/profiles/rule-integrations.js';
import { generateDataset } from '../src/simulator/index.js';
import { buildSnapshotIndex } from '../src/snapshot/index-builder.js';
import { datasetSnapshot } from './dataset-snapshot.js';
import { runChild } from './run-child.js';

export interface OutputResult {
  format: string;
  findings: number;
  /** Writing the report, formatting included. */
  writeMs: number;
  /** CPU time of that writing: the figure a busy machine does not inflate. */
  writeCpuMs: number;
  fileMiB: number;
  /** Heap after a full GC with the result built, before the report is written. */
  resultHeapMiB: number;
  /** Peak resident memory of the whole process, the result included. */
  maxRssMiB: number;
}

/** Every registered format: those that list every finding, and those that list the first and must stay bounded. */
const OUTPUT_FORMATS: readonly string[] = FORMAT_NAMES;
const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** A real result, its findings copied (new resource id and fingerprint each) to `count`. */
function resultWith(count: number): AuditResult {
  const snapshot = datasetSnapshot(generateDataset({ environments: 10, appsPerEnvironment: 100, usersPerEnvironment: 100, groupsPerEnvironment: 5, adminShare: 0.05, seed: 7 }));
  const index = buildSnapshotIndex(snapshot);
  const now = new Date('2026-01-01T00:00:00Z');
  const result = runRules(snapshot, resolveRules(rules, loadPacks(), {}), { now, index, integrations: ruleIntegrations(bundledProfiles(), new Map(), snapshot, index), toolVersion: 'bench' });
  const seeds = result.findings;
  const findings: Finding[] = [];
  for (let copy = 0; findings.length < count; copy += 1) {
    for (const seed of seeds) {
      if (findings.length >= count) break;
      const id = `${seed.resource.id}-${copy}`;
      findings.push({ ...seed, resource: { ...seed.resource, id }, fingerprint: (findings.length.toString(16) + seed.fingerprint).slice(0, 64) });
    }
  }
  return { ...result, findings, summary: { ...result.summary, findings: findings.length } };
}

async function writeOne(format: string, count: number, keep: string | undefined): Promise<OutputResult> {
  // As the CLI writes it: piece by piece when the format can be, else as one string.
  const formatter = chunkedFormatterFor(format) ?? formatterFor(format);
  if (formatter === undefined) throw new Error(`${format} is not a format`);
  const result = resultWith(count);
  globalThis.gc?.();
  const resultHeapMiB = mib(process.memoryUsage().heapUsed);
  const folder = keep ?? (await mkdtemp(path.join(tmpdir(), 'pingone-audit-outputs-')));
  try {
    const file = path.join(folder, `report.${format}`);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await replaceFile(file, formatter(result, { color: false, snapshotDir: 'pingone-snapshot' }));
    const writeMs = Math.round(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    const writeCpuMs = Math.round((cpu.user + cpu.system) / 1000);
    return { format, findings: result.findings.length, writeMs, writeCpuMs, fileMiB: mib((await stat(file)).size), resultHeapMiB, maxRssMiB: mib(process.resourceUsage().maxRSS * 1024) };
  } finally {
    if (keep === undefined) await rm(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [format = 'all', count = '1000000', keep] = process.argv.slice(2);
  if (format === 'all') {
    const results: OutputResult[] = [];
    for (const one of OUTPUT_FORMATS) results.push(await runChild<OutputResult>('outputs-run.js', [one, count], { nodeFlags: ['--expose-gc'] }));
    process.stdout.write(`${JSON.stringify(results)}\n`);
    return;
  }
  process.stdout.write(`${JSON.stringify(await writeOne(format, Number(count), keep))}\n`);
}

await main();
