/**
 * The engine alone (index + rules) on the engine benchmark's synthetic snapshot, in CPU seconds,
 * the figure that holds on a machine shared with other jobs: `node --expose-gc engine-cpu.js
 * <environments> <apps> <users> [--json FILE]` (per environment) prints one JSON line. With
 * `--json FILE` it also writes the JSON report of the result there (to compare findings across
 * versions). Run it under `node --cpu-prof` or `--heap-prof` to see where the time goes.
 */
import { writeFileSync } from 'node:fs';
import { rules } from '../rules/index.js';
import { loadPacks } from '../src/audit/load-packs.js';
import { resolveRules } from '../src/engine/resolve-rules.js';
import { runRules } from '../src/engine/run-rules.js';
import { formatJson } from '../src/formatters/json.js';
import { bundledProfiles } from '../src/profiles/load-profiles.js';
import { ruleIntegrations } from '../src/profiles/rule-integrations.js';
import { generateDataset } from '../src/simulator/index.js';
import { buildSnapshotIndex } from '../src/snapshot/index-builder.js';
import { datasetSnapshot } from './dataset-snapshot.js';

/** The line engine-cpu prints: the engine alone (index + rules), with the snapshot generated before it. */
export interface EngineCpuResult {
  environments: number;
  apps: number;
  users: number;
  findings: number;
  indexCpuS: number;
  /** Index + rules, CPU seconds of every thread (V8 collects garbage on helper threads too). */
  engineCpuS: number;
  /** Index + rules, wall seconds. */
  engineWallS: number;
  rssBeforeMiB: number;
  /** Peak RSS of the process before the engine ran (generating the snapshot). */
  peakRssBeforeMiB: number;
  /** Peak RSS of the whole process, snapshot generation included. */
  peakRssMiB: number;
}

const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
const cpuSeconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;

function main(): void {
  const args = process.argv.slice(2);
  const jsonIndex = args.indexOf('--json');
  const jsonFile = jsonIndex >= 0 ? args[jsonIndex + 1] : undefined;
  const [environments = 10, appsPerEnvironment = 1000, usersPerEnvironment = 20_000] = args.filter((arg) => /^\d+$/.test(arg)).map(Number);
  const snapshot = datasetSnapshot(generateDataset({ environments, appsPerEnvironment, usersPerEnvironment, groupsPerEnvironment: 50, adminShare: 0.02, seed: 7 }));
  const resolved = resolveRules(rules, loadPacks(), {});
  const integrations = bundledProfiles();
  globalThis.gc?.();
  // The generator's own peak is behind us: what the engine adds is measured from here.
  const rssBefore = process.memoryUsage().rss;
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const index = buildSnapshotIndex(snapshot);
  const indexCpu = cpuSeconds(process.cpuUsage(cpuStart));
  const result = runRules(snapshot, resolved, { now: new Date('2026-01-01T00:00:00Z'), index, integrations: ruleIntegrations(integrations, new Map(), snapshot, index), toolVersion: 'bench' });
  const engineCpu = cpuSeconds(process.cpuUsage(cpuStart));
  const wallMs = performance.now() - started;
  const peakAfter = process.resourceUsage().maxRSS * 1024;
  const line: EngineCpuResult = {
    environments,
    apps: appsPerEnvironment * environments,
    users: usersPerEnvironment * environments,
    findings: result.findings.length,
    indexCpuS: indexCpu,
    engineCpuS: engineCpu,
    engineWallS: wallMs / 1000,
    rssBeforeMiB: mib(rssBefore),
    peakRssBeforeMiB: mib(peakBefore),
    peakRssMiB: mib(peakAfter),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  if (jsonFile !== undefined) writeFileSync(jsonFile, formatJson(result, { color: false, snapshotDir: 'pingone-snapshot' }));
}

main();
