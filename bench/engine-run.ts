/**
 * The engine and every formatter on a large synthetic snapshot, in a process of its own so that
 * its peak memory is its own: `node --expose-gc engine-run.js <environments> <apps> <users>` (per
 * environment) prints an EngineResult as JSON; `--profile` instead times each rule alone (a fresh
 * index each) and prints RuleTimings; `--off id,id` turns rules off; `--formats a,b` writes only those formats, so
 * that the peak is an `audit -f a` run's (each made as the CLI writes it, the bytes dropped).
 */
import { rules } from '../rules/index.js';
import { loadPacks } from '../src/audit/load-packs.js';
import { resolveRules } from '../src/engine/resolve-rules.js';
import { ruleContext } from '../src/engine/rule-context.js';
import { runRules } from '../src/engine/run-rules.js';
import { UserFacingError } from '../src/errors.js';
import type { AuditResult } from '../src/engine/types.js';
import { chunkedFormatterFor, type Formatter, formatters } from '../src/formatters/index.js';
import { buildSarifUploads } from '../src/formatters/sarif.js';
import { batchChunks } from '../src/output/json-chunks.js';
import { bundledProfiles } from '../src/profiles/load-profiles.js';
import { ruleIntegrations } from '../src/profiles/rule-integrations.js';
import { generateDataset } from '../src/simulator/index.js';
import { buildSnapshotIndex } from '../src/snapshot/index-builder.js';
import type { Snapshot } from '../src/snapshot/model.js';
import { datasetSnapshot } from './dataset-snapshot.js';

export interface EngineResult {
  environments: number;
  applications: number;
  users: number;
  rules: number;
  findings: number;
  indexMs: number;
  rulesMs: number;
  /** By format name. */
  formatMs: Record<string, number>;
  /** Index, rules and every formatter: what an audit adds to loading the snapshot. */
  totalMs: number;
  /** Heap after a full GC with the snapshot loaded, before the engine runs. */
  snapshotHeapMiB: number;
  /** Peak resident memory of the whole process, snapshot generation included. */
  maxRssMiB: number;
}

export interface RuleTimings {
  /** Slowest first. */
  rules: Array<{ ruleId: string; ms: number }>;
}

const now = new Date('2026-01-01T00:00:00Z');
const mib = (bytes: number) => bytes / 1024 / 1024;

function resolvedRules(off: string[]) {
  return resolveRules(rules, loadPacks(), { rules: Object.fromEntries(off.map((id) => [id, 'off'])) });
}

async function measure(snapshot: Snapshot, off: string[], only: string[]): Promise<Omit<EngineResult, 'environments' | 'applications' | 'users' | 'snapshotHeapMiB' | 'maxRssMiB'>> {
  const started = performance.now();
  const index = buildSnapshotIndex(snapshot);
  const indexed = performance.now();
  const resolved = resolvedRules(off);
  const result = runRules(snapshot, resolved, { now, index, integrations: ruleIntegrations(bundledProfiles(), new Map(), snapshot, index), toolVersion: 'bench' });
  const ruled = performance.now();
  const formatMs: Record<string, number> = {};
  for (const [name, format] of Object.entries(formatters).filter(([name]) => only.length === 0 || only.includes(name))) {
    const start = performance.now();
    try {
      await writeAsCli(name, format, result);
    } catch (error) {
      // A report the CLI refuses as too large is said, not the end of the whole benchmark.
      if (!(error instanceof UserFacingError && error.errorCode === 'report-too-large')) throw error;
      process.stderr.write(`bench: ${name} not timed on ${snapshot.environments.length} environments: ${error.message}\n`);
      continue;
    }
    formatMs[name] = performance.now() - start;
  }
  return { rules: resolved.length, findings: result.findings.length, indexMs: indexed - started, rulesMs: ruled - indexed, formatMs, totalMs: performance.now() - started };
}

/**
 * A report made as `audit -f <name> -o FILE` makes it, its bytes counted and dropped: SARIF cut into the logs GitHub
 * takes, a growing report piece by piece in 1 MiB batches, any other as one string. So the peak is the CLI's, not that
 * of a million-finding report held whole.
 */
async function writeAsCli(name: string, format: Formatter, result: AuditResult): Promise<number> {
  const context = { color: false, snapshotDir: 'pingone-snapshot' };
  const chunked = chunkedFormatterFor(name);
  const reports = name === 'sarif' ? (await buildSarifUploads(result, context)).map((upload) => upload.bytes) : chunked === undefined ? [[format(result, context)]] : [chunked(result, context)];
  let length = 0;
  for (const pieces of reports) for (const batch of batchChunks(pieces, 1 << 20)) length += batch.length;
  return length;
}

/** Each rule alone on a fresh index, so that no rule profits from caches another one warmed. */
function profile(snapshot: Snapshot, off: string[]): RuleTimings {
  const timings = resolvedRules(off).map((one) => {
    const index = buildSnapshotIndex(snapshot);
    const start = performance.now();
    one.rule.check(snapshot, ruleContext({ now, index, integrations: ruleIntegrations(bundledProfiles(), new Map(), snapshot, index), leaveUnjudged: () => undefined }, one.options));
    return { ruleId: one.rule.id, ms: Math.round(performance.now() - start) };
  });
  return { rules: timings.sort((a, b) => b.ms - a.ms) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const offIndex = args.indexOf('--off');
  const off = offIndex >= 0 ? (args[offIndex + 1] ?? '').split(',').filter(Boolean) : [];
  const [environments = 10, appsPerEnvironment = 1000, usersPerEnvironment = 20_000] = args.filter((arg) => /^\d+$/.test(arg)).map(Number);
  const snapshot = datasetSnapshot(generateDataset({ environments, appsPerEnvironment, usersPerEnvironment, groupsPerEnvironment: 50, adminShare: 0.02, seed: 7 }));
  if (args.includes('--profile')) {
    process.stdout.write(`${JSON.stringify(profile(snapshot, off))}\n`);
    return;
  }
  globalThis.gc?.();
  const snapshotHeapMiB = mib(process.memoryUsage().heapUsed);
  const formatsIndex = args.indexOf('--formats');
  const only = formatsIndex >= 0 ? (args[formatsIndex + 1] ?? '').split(',').filter(Boolean) : [];
  const measured = await measure(snapshot, off, only);
  const engine: EngineResult = {
    environments,
    applications: snapshot.environments.reduce((sum, env) => sum + env.applications.length, 0),
    users: snapshot.environments.reduce((sum, env) => sum + env.users.length, 0),
    ...measured,
    snapshotHeapMiB,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(engine)}\n`);
}

await main();
