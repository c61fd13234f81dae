/**
 * The engine and every formatter on a large synthetic snapshot, in a process of its own so that
 * its peak memory is its own: `node --expose-gc engine-run.js <environments> <apps> <users>` (per
 * environment). Prints an EngineResult as JSON.
 */
import { rules } from '../rules/index.js';
import { loadPacks } from '../src/engine/load-packs.js';
import { resolveRules } from '../src/engine/resolve-rules.js';
import { runRules } from '../src/engine/run-rules.js';
import { formatters } from '../src/formatters/index.js';
import { generateDataset } from '../src/simulator/index.js';
import { buildSnapshotIndex } from '../src/snapshot/index-builder.js';
import { datasetSnapshot } from './dataset-snapshot.js';

export interface EngineResult {
  environments: number;
  applications: number;
  users: number;
  findings: number;
  indexMs: number;
  rulesMs: number;
  formatMs: number;
  /** Index, rules and every formatter: what an audit adds to loading the snapshot. */
  totalMs: number;
  /** Heap after a full GC with the snapshot loaded, before the engine runs. */
  snapshotHeapMiB: number;
  /** Peak resident memory of the whole process, snapshot generation included. */
  maxRssMiB: number;
  /** By rule id: time in check(), when the rules were timed one by one. */
  slowestRules: Array<{ ruleId: string; ms: number }>;
}

const mib = (bytes: number) => bytes / 1024 / 1024;

function main(): void {
  const [environments = 10, appsPerEnvironment = 1000, usersPerEnvironment = 20_000] = process.argv.slice(2).map(Number);
  const snapshot = datasetSnapshot(generateDataset({ environments, appsPerEnvironment, usersPerEnvironment, groupsPerEnvironment: 50, adminShare: 0.02, seed: 7 }));
  globalThis.gc?.();
  const snapshotHeapMiB = mib(process.memoryUsage().heapUsed);

  const started = performance.now();
  const index = buildSnapshotIndex(snapshot);
  const indexed = performance.now();
  const resolved = resolveRules(rules, loadPacks(), {});
  const result = runRules(snapshot, resolved, { now: new Date('2026-01-01T00:00:00Z'), index, profileBindings: new Map(), toolVersion: 'bench' });
  const ruled = performance.now();
  for (const format of Object.values(formatters)) format(result, { color: false, snapshotDir: 'pingone-snapshot' });
  const formatted = performance.now();

  // Per rule, after the measured run, to name a slow rule without disturbing the total; a fresh
  // index each, so that no rule profits from caches another one warmed.
  const slowestRules = resolved
    .map((one) => {
      const fresh = buildSnapshotIndex(snapshot);
      const start = performance.now();
      one.rule.check(snapshot, { now: new Date('2026-01-01T00:00:00Z'), index: fresh, profileBindings: new Map(), options: one.options });
      return { ruleId: one.rule.id, ms: Math.round(performance.now() - start) };
    })
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3);

  const engine: EngineResult = {
    environments,
    applications: snapshot.environments.reduce((sum, env) => sum + env.applications.length, 0),
    users: snapshot.environments.reduce((sum, env) => sum + env.users.length, 0),
    findings: result.findings.length,
    indexMs: indexed - started,
    rulesMs: ruled - indexed,
    formatMs: formatted - ruled,
    totalMs: formatted - started,
    snapshotHeapMiB,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    slowestRules,
  };
  process.stdout.write(`${JSON.stringify(engine)}\n`);
}

main();
