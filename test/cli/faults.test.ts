import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/engine/types.js';
import { loadDataset, startSimulator, type FaultPlan, type RateLimit } from '../../src/simulator/index.js';
import { runCli } from '../helpers/run-cli.js';
import { auditorEnv } from '../helpers/simulator-env.js';

const dataset = loadDataset('demo');
const auditor = dataset.credentials[0]!;
const [ADMIN_ENV, PROD_ENV] = dataset.environments.map((env) => env.environment.id) as [string, string, string];
const FAST = ['--max-rps', '500'];

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-faults-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

let scans = 0;
/**
 * One scan against a simulator of its own, which `whenDone` closes (a test's own onTestFinished:
 * the tests here run concurrently, so no hook may close another test's simulator).
 */
async function scanWith(whenDone: (close: () => Promise<void>) => void, faults: FaultPlan, extra: string[] = [], rateLimit?: RateLimit) {
  const simulator = await startSimulator({ dataset, faults, ...(rateLimit === undefined ? {} : { rateLimit }) });
  whenDone(() => simulator.close());
  scans += 1;
  const out = path.join(work, `run-${scans}`);
  const run = await runCli(['scan', ...FAST, ...extra, '-e', ADMIN_ENV, '-e', PROD_ENV, '--out', out, '-f', 'json', '--fail-on', 'none'], { env: auditorEnv(simulator, auditor) });
  const result = run.stdout === '' ? undefined : (JSON.parse(run.stdout) as AuditResult);
  return { run, result, simulator, out };
}

let reference: string[];
beforeAll(async () => {
  let close = async () => {};
  const { run, result } = await scanWith((closeSimulator) => (close = closeSimulator), {});
  await close();
  expect(run.code).toBe(0);
  reference = result!.findings.map((finding) => finding.fingerprint);
});

// Concurrent: each test waits on its own simulator (Retry-After, back-off, a timeout), and the waits overlap.
describe.concurrent('scan meets faults and still ends in a correct report', () => {
  it('a 429 storm with Retry-After (the server allows far less than --max-rps): the same findings', async ({ onTestFinished }) => {
    // Low enough that a scan slowed down by a loaded machine still outruns it: at 40/s with a burst of 5, such a scan
    // met no 429 at all and failed on its precondition below.
    const { run, result, simulator } = await scanWith(onTestFinished, {}, [], { requestsPerSecond: 20, burst: 2 });
    const refusals = simulator.requestLog.filter((entry) => entry.status === 429);
    expect(refusals.length).toBeGreaterThan(0);
    // Each storm must cut the rate: were storms taken for the one before, the same requests would meet 429 until
    // their six attempts ran out (a CI run ended in exit 3 that way).
    const refusalsPerPath = new Map<string, number>();
    for (const entry of refusals) refusalsPerPath.set(entry.path, (refusalsPerPath.get(entry.path) ?? 0) + 1);
    expect(Math.max(...refusalsPerPath.values())).toBeLessThan(5);
    expect(run.code).toBe(0);
    expect(result!.findings.map((finding) => finding.fingerprint)).toEqual(reference);
  }, 90_000);

  // The 429 share targets (issue 6) are measured by `npm run bench` on large organizations; on a 100-request demo a handful of 429s is the probe finding the limit.
  it('--adaptive-rate probes an unknown limit from 10/s: the same findings, a handful of 429s', async ({ onTestFinished }) => {
    const { run, result, simulator } = await scanWith(onTestFinished, {}, ['--adaptive-rate'], { requestsPerSecond: 40, burst: 40 });
    expect(run.code).toBe(0);
    expect(result!.findings.map((finding) => finding.fingerprint)).toEqual(reference);
    const refused = simulator.requestLog.filter((entry) => entry.status === 429).length;
    expect(refused / simulator.requestLog.length).toBeLessThan(0.1);
  });

  it.for<[string, FaultPlan, string[]]>([
    ['random 429s', { random: { rate: 0.05, kinds: ['rateLimited'] } }, []],
    ['a 5xx burst', { serverErrors: { count: 4, status: 502 } }, []],
    ['connection resets', { resets: { count: 3 } }, []],
    ['a request slower than --timeout', { slow: { delayMs: 3000, count: 1 } }, ['--timeout', '1']],
    ['a body of malformed JSON', { malformed: { pattern: '/environments/*/applications', count: 1 } }, []],
    ['a token that expires mid-scan', { tokenExpiresAfterRequests: 10 }, []],
  ])('%s: the same findings as a fault-free scan', async ([, faults, extra], { onTestFinished }) => {
    const { run, result } = await scanWith(onTestFinished, faults, extra);
    expect(run.stderr).not.toContain('collection incomplete');
    expect(run.code).toBe(0);
    expect(result!.findings.map((finding) => finding.fingerprint)).toEqual(reference);
  });
});

describe.concurrent('scan meets faults it must not work around and says so (exit 3)', () => {
  it('a paging cycle is detected instead of looping forever', async ({ onTestFinished }) => {
    const { run, result } = await scanWith(onTestFinished, { pagingCycle: `/environments/${PROD_ENV}/applications` });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/collection incomplete/);
    expect(result!.notEvaluated.some((item) => item.environmentId === PROD_ENV)).toBe(true);
  });

  it('a next link to another host is not followed, so the token never goes there', async ({ onTestFinished }) => {
    const { run, result, simulator, out } = await scanWith(onTestFinished, { foreignNextLink: `/environments/${PROD_ENV}/groups` });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('evil.example');
    expect(result!.summary.collectionComplete).toBe(false);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { collection: { entries: Array<{ status: string; error?: string }> } };
    expect(manifest.collection.entries.some((entry) => entry.status === 'failed' && /evil\.example/.test(entry.error ?? ''))).toBe(true);
    expect(simulator.requestLog.every((entry) => !entry.path.includes('evil.example'))).toBe(true);
  });
});

describe.concurrent('scan refuses bad settings with exit 2', () => {
  const env = { PINGONE_CLIENT_ID: auditor.clientId, PINGONE_CLIENT_SECRET: 'x', PINGONE_ENVIRONMENT_ID: auditor.environmentId };

  it('an unknown region', async () => {
    const run = await runCli(['scan', '-e', PROD_ENV, '--region', 'MARS'], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/MARS/);
    expect(run.stderr).toMatch(/NA.*EU/);
  });

  it('an unreachable host', async () => {
    const run = await runCli(['scan', '-e', PROD_ENV, '--timeout', '2', '--out', path.join(work, 'unreachable')], {
      env: { ...env, PINGONE_API_URL: 'http://127.0.0.1:9/v1', PINGONE_AUTH_URL: 'http://127.0.0.1:9' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('127.0.0.1:9');
  });

  it('a rate that is not a positive number', async () => {
    const run = await runCli(['scan', '-e', PROD_ENV, '--max-rps', '0'], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--max-rps must be a positive number');
  });

  // Node's timers hold at most 2^32 - 1 ms: a longer --timeout ended in an internal error (exit 70).
  it('a timeout longer than a timer can wait', async () => {
    const run = await runCli(['scan', '-e', PROD_ENV, '--timeout', '99999999999999999999'], { env });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('--timeout must be at most 4294967 (seconds), not 100000000000000000000.');
  });
});
