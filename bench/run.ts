/**
 * `npm run bench`: the collector against the simulator (requests vs the minimum, wall time vs the
 * lower bound, 429s, peak memory) with a known limit, an unknown one, a high one, and a naive
 * sequential baseline; then the engine and formatters on a large snapshot. Prints tables; asserts
 * nothing. `--quick` for a fast run, `--full` to run the naive baseline on the large organization
 * too, `--rate N` for the simulated limit (default 200/s), `--burst N` for its bucket (default one second's
 * worth), `--engine-timeout S` (default 45).
 */
import os from 'node:os';
import { generateDataset, generatedAuditorSecret, startSimulator, type Dataset, type FaultPlan, type RateLimit } from '../src/simulator/index.js';
import { measureColdStarts, type ColdStart } from './cold-start.js';
import type { CollectJob, CollectResult } from './collect-run.js';
import type { EngineCpuResult } from './engine-cpu.js';
import type { EngineResult, RuleTimings } from './engine-run.js';
import type { OutputResult } from './outputs-run.js';
import { FORMAT_NAMES } from '../src/formatters/index.js';
import { formatTextTable } from './format-table.js';
import { minimumRequests } from './minimum-requests.js';
import { ChildTimeout, runChild } from './run-child.js';
import type { SnapshotIoResult } from './snapshot-io-run.js';

interface OrganizationSize {
  name: string;
  environments: number;
  appsPerEnvironment: number;
  usersPerEnvironment: number;
  groupsPerEnvironment: number;
  /** The sequential baseline takes requests × latency: run it only where that stays short. */
  naive: boolean;
}

type RunKind = 'max-rps right' | 'limit unknown' | 'limit unknown, bucket of 20' | 'random 5 % 429s, --max-rps 25' | 'latency-bound' | 'naive sequential';

interface RunRow {
  size: OrganizationSize;
  kind: RunKind;
  result: CollectResult;
  minimum: number;
  boundMs: number;
  /** Requests answered 429 by the server's bucket (the rate). */
  throttled: number;
  /** Requests answered 429 at random by the simulator (`random` faults), not for the rate. */
  injected: number;
  sameData: boolean;
}

const latencyMs = { min: 20, max: 50 };
const meanLatencyMs = (latencyMs.min + latencyMs.max) / 2;
// The client's default concurrency (http-client.ts): the latency bound assumes it.
const clientConcurrency = 16;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const full = args.includes('--full');
const rateIndex = args.indexOf('--rate');
const limit = rateIndex >= 0 ? Number(args[rateIndex + 1]) : 200;
const burstIndex = args.indexOf('--burst');
const burst = burstIndex >= 0 ? Number(args[burstIndex + 1]) : limit;
// Issue 19's hard case: a server bucket of 20 (a tenth of a second's worth at 200/s), each 429 a Retry-After of a second.
const smallBurst = 20;
// Issue 19's random refusals (b19c): 5 % of requests answered 429 LIMIT_EXCEEDED at random, whatever the rate, at --max-rps 25.
const randomRefusals: FaultPlan = { random: { rate: 0.05, kinds: ['rateLimited'] } };
const randomMaxRps = 25;

const sizes: OrganizationSize[] = quick
  ? [
      { name: 'small', environments: 1, appsPerEnvironment: 20, usersPerEnvironment: 100, groupsPerEnvironment: 4, naive: true },
      { name: 'medium', environments: 3, appsPerEnvironment: 40, usersPerEnvironment: 200, groupsPerEnvironment: 8, naive: true },
    ]
  : [
      { name: 'small', environments: 1, appsPerEnvironment: 20, usersPerEnvironment: 150, groupsPerEnvironment: 4, naive: true },
      { name: 'medium', environments: 3, appsPerEnvironment: 40, usersPerEnvironment: 250, groupsPerEnvironment: 10, naive: true },
      { name: 'large', environments: 10, appsPerEnvironment: 100, usersPerEnvironment: 500, groupsPerEnvironment: 20, naive: full },
    ];
const engineSize = quick ? [10, 200, 4000] : [10, 1000, 20_000];
// Rules are profiled one by one on a tenth of the users and apps: enough to name a slow one, quickly.
const profileSize = [engineSize[0]!, engineSize[1]! / 10, engineSize[2]! / 10];
const outputFindings = quick ? 100_000 : 1_000_000;
const engineTimeoutIndex = args.indexOf('--engine-timeout');
const engineTimeoutMs = (engineTimeoutIndex >= 0 ? Number(args[engineTimeoutIndex + 1]) : 45) * 1000;
// A rule taking longer than this alone on the profile snapshot is named slow, and the engine is timed without it too.
const slowRuleMs = 100;

async function collect(dataset: Dataset, rateLimit: RateLimit | undefined, job: Omit<CollectJob, 'apiUrl' | 'authUrl' | 'clientId' | 'environmentId'>, faults?: FaultPlan) {
  const simulator = await startSimulator({ dataset, latencyMs, ...(rateLimit === undefined ? {} : { rateLimit }), ...(faults === undefined ? {} : { faults }) });
  try {
    const auditor = dataset.credentials[0]!;
    const fullJob: CollectJob = { apiUrl: simulator.apiUrl, authUrl: simulator.authUrl, clientId: auditor.clientId, environmentId: auditor.environmentId, ...job };
    const result = await runChild<CollectResult>('./collect-run.js', [JSON.stringify(fullJob)], { env: { PINGONE_CLIENT_SECRET: generatedAuditorSecret } });
    const refused = simulator.requestLog.filter((entry) => entry.status === 429);
    const injected = refused.filter((entry) => entry.fault !== undefined).length;
    return { result, throttled: refused.length - injected, injected };
  } finally {
    await simulator.close();
  }
}

/**
 * One untimed collection of a tiny organization before the timed ones. The simulator runs in this process, and without it
 * the first timed row (the small organization, `--max-rps` right) met its cold start: the token endpoint and each route
 * compiled on their first answers, which PingOne never makes a client wait for and the bound does not count (the token
 * answered about 90 ms later cold than warm at load 5-8, issue 19's ninth session). The collector's own process stays cold.
 */
async function warmSimulator(): Promise<void> {
  process.stderr.write('bench: warming the simulator (one untimed collection of a tiny organization) …\n');
  await collect(
    generateDataset({ environments: 1, appsPerEnvironment: 3, usersPerEnvironment: 5, groupsPerEnvironment: 1, adminShare: 0.2, seed: 7 }),
    { requestsPerSecond: limit, burst },
    { maxRps: limit },
  );
}

/**
 * The least time `minimum` requests take at `limit`: the token must be answered before anything else can be asked, the
 * other requests then leave at the limit, and the last is answered a latency after it leaves. Minimum ÷ limit alone
 * left out those two latencies, a sixteenth of the small organization's one-second run.
 */
function rateBoundMs(minimum: number, perSecond = limit): number {
  return ((minimum - 1) / perSecond) * 1000 + 2 * meanLatencyMs;
}

/** The longest chain of requests that must follow one another: token, environments, then an environment's users pages and one last read. */
function latencyBoundMs(dataset: Dataset, minimum: number, concurrency: number): number {
  const userPages = Math.max(...dataset.environments.map((env) => Math.ceil(env.users.length / 200)));
  return Math.max((minimum * meanLatencyMs) / concurrency, (3 + userPages) * meanLatencyMs);
}

async function benchSize(size: OrganizationSize): Promise<RunRow[]> {
  const dataset = generateDataset({ ...size, adminShare: 0.02, seed: 42 });
  const minimum = minimumRequests(dataset).total;
  const rateLimit: RateLimit = { requestsPerSecond: limit, burst };
  const runs: Array<{ kind: RunKind; rateLimit?: RateLimit; job: Partial<CollectJob>; boundMs: number; faults?: FaultPlan }> = [
    { kind: 'max-rps right', rateLimit, job: { maxRps: limit }, boundMs: rateBoundMs(minimum) },
    { kind: 'limit unknown', rateLimit, job: { adaptiveRate: true }, boundMs: rateBoundMs(minimum) },
    ...(burst === smallBurst
      ? []
      : [{ kind: 'limit unknown, bucket of 20' as const, rateLimit: { requestsPerSecond: limit, burst: smallBurst }, job: { adaptiveRate: true }, boundMs: rateBoundMs(minimum) }]),
    // The small organization only: at 25/s the medium one alone would take 50 s.
    ...(size.name === 'small'
      ? [{ kind: 'random 5 % 429s, --max-rps 25' as const, rateLimit, job: { maxRps: randomMaxRps }, boundMs: rateBoundMs(minimum, randomMaxRps), faults: randomRefusals }]
      : []),
    { kind: 'latency-bound', job: {}, boundMs: latencyBoundMs(dataset, minimum, clientConcurrency) },
  ];
  if (size.naive) runs.push({ kind: 'naive sequential', job: { concurrency: 1, parallelPerEnvironment: 1 }, boundMs: minimum * meanLatencyMs });
  const rows: RunRow[] = [];
  for (const run of runs) {
    process.stderr.write(`bench: ${size.name} organization, ${run.kind} …\n`);
    const { result, throttled, injected } = await collect(dataset, run.rateLimit, run.job, run.faults);
    rows.push({ size, kind: run.kind, result, minimum, boundMs: run.boundMs, throttled, injected, sameData: result.dataDigest === rows[0]?.result.dataDigest || rows.length === 0 });
  }
  return rows;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const ratio = (value: number) => `${value.toFixed(2)}×`;
const percent = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(2)} %`;

/** Issue 19's wall ÷ bound target for a kind of run, where it sets one. */
function wallTarget(kind: RunKind): number | undefined {
  if (kind === 'max-rps right') return 1.05;
  // Each random refusal costs its own request a 1-s Retry-After, and a read that others wait on (a page, an
  // environment's list) holds them up that second: about a third over the bound with 5 % refused, not a rate cut.
  if (kind === 'random 5 % 429s, --max-rps 25') return 1.5;
  return kind === 'latency-bound' || kind === 'naive sequential' ? undefined : 1.15;
}

const meetsTarget = (row: RunRow) => row.result.wallMs <= (wallTarget(row.kind) ?? Number.POSITIVE_INFINITY) * row.boundMs;

/** The row's wall ÷ bound against its target: `met ≤ 1.15×`, `MISSED > 1.05×`, or blank where none is set. */
function targetCell(row: RunRow): string {
  const target = wallTarget(row.kind);
  if (target === undefined) return '';
  return meetsTarget(row) ? `met ≤ ${ratio(target)}` : `MISSED > ${ratio(target)}`;
}

function collectorTable(rows: RunRow[]): string {
  return formatTextTable(
    ['Organization', 'Run', 'Requests', 'Minimum', 'Req/min', 'Wall s', 'Bound s', 'Wall/bound', 'Target', '429s', 'Peak RSS MiB', 'Same data'],
    rows.map((row) => [
      `${row.size.name} (${row.size.environments} env × ${row.size.appsPerEnvironment} apps, ${row.size.usersPerEnvironment} users)`,
      row.kind,
      String(row.result.requests),
      String(row.minimum),
      ratio(row.result.requests / row.minimum),
      seconds(row.result.wallMs),
      seconds(row.boundMs),
      ratio(row.result.wallMs / row.boundMs),
      targetCell(row),
      `${row.throttled} (${percent(row.throttled, row.result.requests)})${row.injected > 0 ? ` + ${row.injected} at random` : ''}`,
      row.result.maxRssMiB.toFixed(0),
      row.sameData && row.result.complete ? 'yes' : 'NO',
    ]),
  );
}

type EngineRun = { label: string; off: string[]; size: number[]; result: EngineResult | undefined };

/** The largest wall ÷ bound among the runs, as the tables print it. */
function worst(rows: RunRow[]): string {
  return ratio(Math.max(...rows.map((row) => row.result.wallMs / row.boundMs)));
}

function targets(rows: RunRow[], engine: EngineRun): string[] {
  const check = (ok: boolean, text: string) => `${ok ? 'met   ' : 'MISSED'}  ${text}`;
  const of = (kind: RunKind) => rows.filter((row) => row.kind === kind);
  const lines = [
    check(
      rows.every((row) => row.result.requests <= 1.05 * row.minimum + row.throttled + row.injected),
      'requests ≤ 1.05 × minimum (429s retried excluded) in every run',
    ),
    check(of('max-rps right').every(meetsTarget), `max-rps right: wall ≤ 1.05 × the rate bound (issue 19; worst ${worst(of('max-rps right'))})`),
    check(
      of('max-rps right').every((row) => row.throttled <= 0.01 * row.result.requests),
      'max-rps right: ≤ 1 % of requests answered 429',
    ),
    check(
      of('limit unknown').every((row) => row.throttled < 0.05 * row.result.requests),
      'limit unknown: < 5 % of requests answered 429',
    ),
    check(of('limit unknown').every(meetsTarget), `limit unknown: wall ≤ 1.15 × the rate bound (worst ${worst(of('limit unknown'))})`),
  ];
  // Since only the refused request waits out a 429 (the others go on), 429s must stay rare in every run, not only the known-limit ones.
  lines.push(
    check(
      rows.every((row) => row.throttled <= 0.01 * row.result.requests),
      'every collection run: ≤ 1 % of requests answered 429 (issue 19)',
    ),
  );
  const random = of('random 5 % 429s, --max-rps 25');
  lines.push(check(random.every(meetsTarget), `5 % of requests refused at random, --max-rps 25: wall ≤ 1.5 × the bound, the refusals not read as the limit (issue 19; worst ${worst(random)})`));
  const small = burst === smallBurst ? of('limit unknown') : of('limit unknown, bucket of 20');
  lines.push(check(small.every(meetsTarget), `limit unknown, server bucket of ${smallBurst}: wall ≤ 1.15 × the rate bound (issue 19; worst ${worst(small)})`));
  for (const naive of of('naive sequential')) {
    const fast = rows.find((row) => row.size === naive.size && row.kind === 'latency-bound')!;
    const speedUp = naive.result.wallMs / fast.result.wallMs;
    lines.push(check(speedUp >= 10, `latency-bound ${speedUp.toFixed(1)}× faster than naive sequential (${naive.size.name}; target ≥ 10×)`));
  }
  const result = engine.result;
  // The target is the engine's (index + rules); formatters are printed beside it, since a run writes one or two of them, not all seven.
  const engineMs = result === undefined ? Number.POSITIVE_INFINITY : result.indexMs + result.rulesMs;
  const engineText = result === undefined ? `over ${engineTimeoutMs / 1000} s with formatters` : `${seconds(engineMs)} s (index + rules; + SARIF ${seconds(result.formatMs.sarif ?? 0)} s)`;
  lines.push(check(engineMs < 2000, `engine ${engineText} on the large snapshot (target < 2 s)`));
  if (result !== undefined) lines.push(check(result.maxRssMiB < 1024, `engine peak RSS ${result.maxRssMiB.toFixed(0)} MiB (target < 1 GiB)`));
  return lines;
}

type EngineAloneRun = { label: string; size: number[]; result: EngineCpuResult | undefined };

/** Issue 19's engine targets, on the engine alone (index + rules, wall): ≤ 1 s at 1×, ≤ 2 s at 4× users, ≤ 4 s and ≤ 1 GiB peak at 4× environments. */
function scaledTargets([base, users, environments]: EngineAloneRun[]): string[] {
  const check = (ok: boolean, text: string) => `${ok ? 'met   ' : 'MISSED'}  ${text}`;
  const wallMs = (run: EngineAloneRun | undefined) => (run?.result === undefined ? Number.POSITIVE_INFINITY : run.result.engineWallS * 1000);
  const rss = environments?.result?.peakRssMiB ?? Number.POSITIVE_INFINITY;
  // A run killed at the time limit has no figures: say so rather than print Infinity.
  const took = (run: EngineAloneRun | undefined) =>
    run?.result === undefined ? `over ${engineTimeoutMs / 1000} s (killed)` : `${seconds(wallMs(run))} s wall (${run.result.engineCpuS.toFixed(2)} s CPU)`;
  const peak = Number.isFinite(rss) ? `${rss.toFixed(0)} MiB` : 'unknown';
  return [
    check(wallMs(base) <= 1000, `engine at 1×: ${took(base)} index + rules (issue 19 target ≤ 1 s)`),
    check(wallMs(users) <= 2000, `engine at 4× users: ${took(users)} (target ≤ 2 s)`),
    check(wallMs(environments) <= 4000 && rss <= 1024, `engine at 4× environments: ${took(environments)}, peak RSS ${peak} (target ≤ 4 s and ≤ 1 GiB)`),
  ];
}

/** The engine alone (no formatter) in a process of its own, so that its wall, CPU and peak RSS are its own. */
async function runEngineAlone(label: string, size: number[]): Promise<EngineAloneRun> {
  process.stderr.write(`bench: engine alone on ${size.join(' × ')} (environments × apps × users) …\n`);
  try {
    return { label, size, result: await runChild<EngineCpuResult>('./engine-cpu.js', size.map(String), { nodeFlags: ['--expose-gc'], timeoutMs: engineTimeoutMs }) };
  } catch (error) {
    if (error instanceof ChildTimeout) return { label, size, result: undefined };
    throw error;
  }
}

function engineAloneTable(runs: EngineAloneRun[]): string {
  return formatTextTable(
    ['Size', 'Snapshot', 'Findings', 'Index CPU s', 'Engine wall s', 'Engine CPU s', 'Peak RSS before MiB', 'Peak RSS MiB'],
    runs.map(({ label, size, result }) =>
      result === undefined
        ? [label, `${size[0]} env, ${size[1]! * size[0]!} apps, ${size[2]! * size[0]!} users`, '—', '—', `> ${engineTimeoutMs / 1000}`, '—', '—', '—']
        : [
            label,
            `${result.environments} env, ${result.apps} apps, ${result.users} users`,
            String(result.findings),
            result.indexCpuS.toFixed(2),
            result.engineWallS.toFixed(2),
            result.engineCpuS.toFixed(2),
            String(result.peakRssBeforeMiB),
            String(result.peakRssMiB),
          ],
    ),
  );
}

async function runEngine(off: string[], label: string, size = engineSize, formats: string[] = []): Promise<EngineRun> {
  process.stderr.write(
    `bench: engine on ${size.join(' × ')} (environments × apps × users)${off.length === 0 ? '' : `, without ${off.join(', ')}`}${formats.length === 0 ? '' : `, ${formats.join(', ')} only`} …\n`,
  );
  try {
    const args = [...size.map(String), ...(off.length === 0 ? [] : ['--off', off.join(',')]), ...(formats.length === 0 ? [] : ['--formats', formats.join(',')])];
    return { label, off, size, result: await runChild<EngineResult>('./engine-run.js', args, { nodeFlags: ['--expose-gc'], timeoutMs: engineTimeoutMs }) };
  } catch (error) {
    if (error instanceof ChildTimeout) return { label, off, size, result: undefined };
    throw error;
  }
}

function engineTable(runs: EngineRun[]): string {
  const ms = (value: number) => value.toFixed(0);
  return formatTextTable(
    ['Rules', 'Snapshot', 'Findings', 'Index ms', 'Rules ms', 'All 7 formatters ms', 'Slowest formatter', 'Total s', 'Snapshot heap MiB', 'Peak RSS MiB'],
    runs.map(({ label, size, result }) => {
      if (result === undefined) {
        const snapshot = `${size[0]} env, ${size[1]! * size[0]!} apps, ${size[2]! * size[0]!} users`;
        return [label, snapshot, '—', '—', '—', '—', '—', `> ${engineTimeoutMs / 1000}`, '—', '—'];
      }
      const formats = Object.entries(result.formatMs).sort(([, a], [, b]) => b - a);
      return [
        `${label} (${result.rules})`,
        `${result.environments} env, ${result.applications} apps, ${result.users} users`,
        String(result.findings),
        ms(result.indexMs),
        ms(result.rulesMs),
        ms(formats.reduce((sum, [, value]) => sum + value, 0)),
        formats[0] === undefined ? '—' : `${formats[0][0]} ${ms(formats[0][1])} ms`,
        seconds(result.totalMs),
        result.snapshotHeapMiB.toFixed(0),
        result.maxRssMiB.toFixed(0),
      ];
    }),
  );
}

type OutputRun = { format: string; result: OutputResult | undefined; failure?: string };

/** Each format written alone in a process of its own (its own peak), at `count` findings; a crash is a row, not the end of the run. */
async function runOutputs(count: number): Promise<OutputRun[]> {
  const runs: OutputRun[] = [];
  // Every registered format: those that list every finding and those that must stay bounded (terminal, Markdown).
  for (const format of FORMAT_NAMES) {
    process.stderr.write(`bench: ${format} report of ${count.toLocaleString('en')} findings …\n`);
    try {
      runs.push({ format, result: await runChild<OutputResult>('./outputs-run.js', [format, String(count)], { nodeFlags: ['--expose-gc'], timeoutMs: 1_200_000 }) });
    } catch (error) {
      runs.push({ format, result: undefined, failure: error instanceof Error ? error.message : String(error) });
    }
  }
  return runs;
}

function outputsTable(runs: OutputRun[]): string {
  return formatTextTable(
    ['Format', 'Findings', 'Write s', 'Write CPU s', 'File MiB', 'Result heap MiB', 'Peak RSS MiB'],
    runs.map(({ format, result, failure }) =>
      result === undefined
        ? [format, '—', `FAILED: ${failure ?? ''}`, '—', '—', '—', '—']
        : [format, result.findings.toLocaleString('en'), seconds(result.writeMs), seconds(result.writeCpuMs), result.fileMiB.toFixed(1), result.resultHeapMiB.toFixed(0), result.maxRssMiB.toFixed(0)],
    ),
  );
}

/** Issue 19's output targets: no crash at 1,000,000 findings (a quick run judges its smaller count), SARIF at 1× ≤ 500 MiB peak. */
function outputTargets(runs: OutputRun[], count: number, sarifAtOne: EngineRun): string[] {
  const check = (ok: boolean, text: string) => `${ok ? 'met   ' : 'MISSED'}  ${text}`;
  const failed = runs.filter((run) => run.result === undefined).map((run) => run.format);
  const rss = sarifAtOne.result?.maxRssMiB ?? Number.POSITIVE_INFINITY;
  return [
    check(
      failed.length === 0,
      `no output crashes at ${count.toLocaleString('en')} findings${count < 1_000_000 ? ' (quick run; the target is 1,000,000)' : ''}${failed.length === 0 ? '' : `: ${failed.join(', ')} failed`}`,
    ),
    check(
      rss <= 500,
      `audit -f sarif at 1× (engine + SARIF, ${sarifAtOne.result?.findings.toLocaleString('en') ?? '—'} findings): peak RSS ${Number.isFinite(rss) ? `${rss.toFixed(0)} MiB` : `unknown (over ${engineTimeoutMs / 1000} s, killed)`} (target ≤ 500 MiB)`,
    ),
  ];
}

function coldStartTable(starts: ColdStart[]): string {
  const baseline = starts[0]!.medianMs;
  return formatTextTable(
    ['Command', 'Median ms', '× node -e 0', 'Modules loaded', 'Target ms'],
    starts.map((start) => [start.label, start.medianMs.toFixed(0), ratio(start.medianMs / baseline), String(start.modules || '—'), start.targetMs === undefined ? '—' : String(start.targetMs)]),
  );
}

/** Cold start per command and snapshot I/O of the realistic organization, with their issue 19 targets. */
async function startupAndSnapshotIo(print: (lines: string[]) => void): Promise<string[]> {
  process.stderr.write('bench: cold start per command …\n');
  const starts = measureColdStarts(quick ? 3 : 10);
  process.stderr.write('bench: writing and loading the realistic organization (10 env × 1,000 apps × 400 admin users), then audit -f sarif of it …\n');
  const io = await runChild<SnapshotIoResult>('./snapshot-io-run.js', ['1'], { timeoutMs: 600_000 });
  const sarif = io.auditSarif;
  print([
    '',
    `Cold start, built CLI, median of ${quick ? 3 : 10} fresh processes each (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs when it ended):`,
    coldStartTable(starts),
    '',
    `Snapshot I/O, realistic organization (${io.files.toLocaleString('en')} files, ${io.megabytes.toFixed(1)} MB of JSON): load ${seconds(io.loadMs)} s (${Math.round((io.files * 1000) / io.loadMs).toLocaleString('en')} files/s; warm, again: ${seconds(io.warmLoadMs)} s), generate + write ${seconds(io.writeMs)} s, peak RSS ${io.maxRssMiB.toFixed(0)} MiB`,
    `\`audit -f sarif -o\` of that snapshot, built CLI in a process of its own: wall ${seconds(sarif.wallMs)} s, CPU ${seconds(sarif.cpuMs)} s (every thread), peak RSS ${sarif.maxRssMiB.toFixed(0)} MiB, ${sarif.sarifMiB.toFixed(0)} MiB of SARIF, exit ${sarif.exitCode} (load average ${os.loadavg()[0]!.toFixed(1)})`,
  ]);
  const check = (ok: boolean, text: string) => `${ok ? 'met   ' : 'MISSED'}  ${text}`;
  return [
    ...starts.flatMap((start) =>
      start.targetMs === undefined ? [] : [check(start.medianMs <= start.targetMs, `cold start ${start.label}: ${start.medianMs.toFixed(0)} ms (target ≤ ${start.targetMs} ms)`)],
    ),
    check(io.loadMs <= 500, `snapshot load of ${io.files.toLocaleString('en')} files: ${seconds(io.loadMs)} s (target ≤ 0.5 s)`),
    check(sarif.wallMs <= 2500, `audit -f sarif of the realistic organization, whole CLI run: ${seconds(sarif.wallMs)} s (target ≤ 2.5 s)`),
    check(sarif.maxRssMiB <= 300, `audit -f sarif of the realistic organization, peak RSS: ${sarif.maxRssMiB.toFixed(0)} MiB (target ≤ 300 MiB)`),
  ];
}

async function main(): Promise<void> {
  const started = performance.now();
  const print = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n`);
  const startupTargets = await startupAndSnapshotIo(print);
  const rows: RunRow[] = [];
  await warmSimulator();
  for (const size of sizes) rows.push(...(await benchSize(size)));
  print([
    `pingone-audit benchmark — node ${process.version}, ${os.cpus().length} CPU(s), ${os.platform()}; simulator latency ${latencyMs.min}–${latencyMs.max} ms, rate limit ${limit}/s (token bucket of ${burst}, Retry-After on 429)`,
    '',
    'Collector (each run in a process of its own; "Bound" is (minimum − 1) ÷ limit + 2 latencies when rate-limited (the token first, the last answer after it leaves), the latency bound otherwise):',
    collectorTable(rows),
  ]);

  process.stderr.write(`bench: profiling rules on ${profileSize.join(' × ')} …\n`);
  const profile = await runChild<RuleTimings>('./engine-run.js', [...profileSize.map(String), '--profile'], { timeoutMs: engineTimeoutMs });
  const slow = profile.rules.filter((rule) => rule.ms > slowRuleMs);
  print([
    '',
    `Slowest rules alone on ${profileSize[0]} env × ${profileSize[1]} apps × ${profileSize[2]} users: ${profile.rules
      .slice(0, 5)
      .map((rule) => `${rule.ruleId} ${rule.ms} ms`)
      .join(', ')}`,
  ]);
  const engineRuns = [await runEngine([], 'all')];
  const [environments, apps, users] = engineSize as [number, number, number];
  const scaled = [
    await runEngineAlone('base (1×)', engineSize),
    await runEngineAlone('4× users', [environments, apps, users * 4]),
    await runEngineAlone('4× environments', [environments * 4, apps, users]),
  ];
  if (slow.length > 0)
    engineRuns.push(
      await runEngine(
        slow.map((rule) => rule.ruleId),
        `without ${slow.map((rule) => rule.ruleId).join(', ')}`,
      ),
    );
  const sarifAtOne = await runEngine([], 'SARIF only', engineSize, ['sarif']);
  print(['', 'Engine and formatters, each run in a process of its own:', engineTable([...engineRuns, sarifAtOne])]);
  print(['', 'Engine alone (index + rules, no formatter), each size in a process of its own; CPU counts every thread (V8 collects garbage on helper threads):', engineAloneTable(scaled)]);
  const outputs = await runOutputs(outputFindings);
  print(['', `Outputs of ${outputFindings.toLocaleString('en')} findings, each format written to a file in a process of its own (its peak RSS includes building the result):`, outputsTable(outputs)]);
  print([
    '',
    'Targets (issues 6 and 19):',
    ...[...startupTargets, ...targets(rows, engineRuns[0]!), ...scaledTargets(scaled), ...outputTargets(outputs, outputFindings, sarifAtOne)].map((line) => `  ${line}`),
    '',
    `Bench wall time ${seconds(performance.now() - started)} s.`,
  ]);
}

await main();
