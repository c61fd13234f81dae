import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import type { AuditResult } from '../../src/engine/types.js';
import { checkSarifForGitHub } from '../helpers/github-checks.js';
import { loadDataset, startSimulator, type FaultPlan, type RunningSimulator } from '../../src/simulator/index.js';
import { reportSchemaProblems, sarifSchemaProblems } from '../formatters/schema-validators.js';
import { type CliRun, runCli } from '../helpers/run-cli.js';

const dataset = loadDataset('demo');
const auditor = dataset.credentials[0]!;
const [ADMIN_ENV, PROD_ENV, STAGING_ENV] = dataset.environments.map((env) => env.environment.id) as [string, string, string];
const CORE_RULES = ['app-disabled', 'redirect-uri-trailing-slash', 'implicit-grant', 'admin-role-missing', 'refresh-token-not-jwt', 'refresh-token-jwt-sunset'];
const SECRETS = dataset.credentials.map((credential) => credential.clientSecret);

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-cli-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A simulator for one test, closed when that test ends (some tests here run concurrently: no shared hook closes them). */
async function simulator({ onTestFinished }: TestContext, faults?: FaultPlan): Promise<{ simulator: RunningSimulator; env: Record<string, string> }> {
  const started = await startSimulator({ dataset, ...(faults === undefined ? {} : { faults }) });
  onTestFinished(() => started.close());
  return {
    simulator: started,
    env: {
      PINGONE_CLIENT_ID: auditor.clientId,
      PINGONE_CLIENT_SECRET: auditor.clientSecret,
      PINGONE_ENVIRONMENT_ID: auditor.environmentId,
      PINGONE_API_URL: started.apiUrl,
      PINGONE_AUTH_URL: started.authUrl,
    },
  };
}

/** Loopback answers in microseconds: lift the client-side rate limit so tests do not wait on it. */
const FAST = ['--max-rps', '500'];

const scans = new Map<string, Promise<CliRun>>();
/**
 * A scan into `work/<folder>` whose snapshot later tests read, run once by whichever test asks first: those
 * tests await it instead of relying on file order, so they pass shuffled or run alone (`-t`).
 */
function scanOnce(context: TestContext, folder: string, args: string[]): Promise<CliRun> {
  let scan = scans.get(folder);
  if (scan === undefined) {
    scan = simulator(context).then(({ env }) => runCli(['scan', ...FAST, ...args, '--out', path.join(work, folder), '-f', 'json', '--fail-on', 'none'], { env }));
    scans.set(folder, scan);
  }
  return scan;
}
const scanOneEnvironment = (context: TestContext) => scanOnce(context, 'one-env', ['-e', STAGING_ENV]);
const scanAllEnvironments = (context: TestContext) => scanOnce(context, 'all-envs', ['--all-environments']);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function expectNoSecretAnywhere(texts: string[], dir: string): Promise<void> {
  const files = await Promise.all((await filesUnder(dir)).map((file) => readFile(file, 'utf8')));
  for (const text of [...texts, ...files]) for (const secret of SECRETS) expect(text).not.toContain(secret);
}

// Concurrent: the scans wait on their simulators, and the waits overlap.
describe.concurrent('pingone-audit scan against the simulator', () => {
  it('collects two environments, writes the snapshot and valid SARIF and JSON, exits 1 on high findings, GET only', async (context) => {
    const { simulator: sim, env } = await simulator(context);
    // Its own folder, so that the secret check below reads every file this scan wrote and none of the concurrent tests'.
    const written = path.join(work, 'two');
    const out = path.join(written, 'two-envs');
    const run = await runCli(
      ['scan', ...FAST, '-e', ADMIN_ENV, '-e', PROD_ENV, '--out', out, '-f', 'json', '-o', path.join(written, 'two.json'), '-f', 'sarif', '-o', path.join(written, 'two.sarif')],
      { env },
    );
    expect(run.stderr).toContain('wrote snapshot to');
    expect(run.code).toBe(1);
    const result = JSON.parse(await readFile(path.join(written, 'two.json'), 'utf8')) as AuditResult;
    expect(reportSchemaProblems(result)).toEqual([]);
    expect(result.snapshot.environmentIds.sort()).toEqual([ADMIN_ENV, PROD_ENV].sort());
    expect(result.findings.some((finding) => finding.ruleId === 'admin-role-missing' && finding.severity === 'high')).toBe(true);
    expect(result.findings.every((finding) => finding.location.line !== undefined)).toBe(true);
    const sarif = JSON.parse(await readFile(path.join(written, 'two.sarif'), 'utf8')) as Log;
    expect(sarifSchemaProblems(sarif)).toEqual([]);
    expect(checkSarifForGitHub(sarif)).toEqual([]);
    expect(sim.requestLog.every((entry) => entry.method === 'GET' || entry.path.endsWith('/as/token'))).toBe(true);
    expect(sim.requestLog.filter((entry) => entry.secretRead)).toEqual([]);
    await expectNoSecretAnywhere([run.stdout, run.stderr], written);
  });

  it('scans one environment', async (context) => {
    const run = await scanOneEnvironment(context);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as AuditResult).snapshot.environmentIds).toEqual([STAGING_ENV]);
  });

  it('audits the written snapshot offline with the same findings as the scan', async (context) => {
    const out = path.join(work, 'all-envs');
    const scan = await scanAllEnvironments(context);
    expect(scan.code).toBe(0);
    const audit = await runCli(['audit', out, '-f', 'json', '--fail-on', 'none']);
    expect(audit.code).toBe(0);
    const fingerprints = (text: string) => (JSON.parse(text) as AuditResult).findings.map((finding) => finding.fingerprint);
    expect(fingerprints(audit.stdout)).toEqual(fingerprints(scan.stdout));
    const result = JSON.parse(audit.stdout) as AuditResult;
    expect(result.snapshot.environmentIds).toHaveLength(3);
    // Every core rule fires on the demo data, and none fires on the correctly configured StackOne app.
    const fired = new Set(result.findings.map((finding) => finding.ruleId));
    for (const id of CORE_RULES) expect(fired, id).toContain(id);
    // The sunset rule is meant to fire on it (JWT refresh tokens, as StackOne's guide asks), and so are rules where the guide and RFC 9700 disagree.
    const coreQuietOnStackOne = CORE_RULES.filter((id) => id !== 'refresh-token-jwt-sunset');
    const correctStackOne = result.findings.filter((finding) => finding.resource.name === 'StackOne' && coreQuietOnStackOne.includes(finding.ruleId));
    expect(correctStackOne).toEqual([]);
  });

  it('reports a 403 on one endpoint as incomplete (exit 3) with the rules it blocks not evaluated, never a clean pass', async (context) => {
    const { env } = await simulator(context, { forbidden: [`/environments/${PROD_ENV}/applications`] });
    const out = path.join(work, 'forbidden');
    const run = await runCli(['scan', ...FAST, '-e', ADMIN_ENV, '-e', PROD_ENV, '--out', out, '-f', 'json', '--fail-on', 'none'], { env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/collection incomplete: .*read\(s\) failed/);
    expect(run.stderr).toContain(`/environments/${PROD_ENV}/applications`);
    const result = JSON.parse(run.stdout) as AuditResult;
    expect(result.summary.collectionComplete).toBe(false);
    expect(result.notEvaluated.some((item) => item.ruleId === 'app-disabled' && item.environmentId === PROD_ENV)).toBe(true);
    expect(result.ruleResults.find((item) => item.ruleId === 'app-disabled' && item.environmentId === PROD_ENV)?.outcome).toBe('not-evaluated');

    const allowed = await runCli(['audit', out, '--allow-incomplete', '--fail-on', 'none', '-f', 'json']);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain('allowed by --allow-incomplete');
  });

  it('a 403 on password or MFA policies leaves only the rules that read them not evaluated there', async (context) => {
    const { env } = await simulator(context, { forbidden: [`/environments/${PROD_ENV}/passwordPolicies`, `/environments/${PROD_ENV}/deviceAuthenticationPolicies`] });
    const run = await runCli(['scan', ...FAST, '-e', ADMIN_ENV, '-e', PROD_ENV, '--out', path.join(work, 'forbidden-policies'), '-f', 'json', '--fail-on', 'none'], { env });
    expect(run.code).toBe(3);
    const result = JSON.parse(run.stdout) as AuditResult;
    const outcome = (ruleId: string) => result.ruleResults.find((item) => item.ruleId === ruleId && item.environmentId === PROD_ENV)?.outcome;
    expect(outcome('password-policy-weak')).toBe('not-evaluated');
    expect(outcome('admin-mfa-not-phishing-resistant')).toBe('not-evaluated');
    // Resources and users were read: their rules still judge Production.
    expect(result.findings.some((finding) => finding.ruleId === 'access-token-lifetime-long' && finding.resource.environmentId === PROD_ENV)).toBe(true);
    expect(result.findings.some((finding) => finding.ruleId === 'admin-dormant' && finding.resource.environmentId === PROD_ENV)).toBe(true);
    expect(result.findings.some((finding) => finding.ruleId === 'password-policy-weak')).toBe(false);
  });

  it('survives 5xx, resets and a rate-limit storm and still writes a complete snapshot', async (context) => {
    const { env } = await simulator(context, { serverErrors: { count: 2 }, resets: { count: 2 }, random: { rate: 0.1, kinds: ['rateLimited'] } });
    const run = await runCli(['snapshot', ...FAST, '-e', STAGING_ENV, '--out', path.join(work, 'faults')], { env });
    expect(run.stderr).not.toContain('collection incomplete');
    expect(run.code).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(work, 'faults', 'manifest.json'), 'utf8')) as { collection: { complete: boolean } };
    expect(manifest.collection.complete).toBe(true);
  });
});

// The config and malformed-file tests use snapshots the scans above wrote, awaiting them (scanOnce).
describe('pingone-audit input errors exit 2 and say what to do', () => {
  it('rejects wrong credentials without echoing the secret', async (context) => {
    const { env } = await simulator(context);
    const run = await runCli(['snapshot', '-e', PROD_ENV, '--out', path.join(work, 'wrong')], { env: { ...env, PINGONE_CLIENT_SECRET: 'not-the-secret-0000' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/401|invalid_client|rejected/i);
    expect(run.stderr).not.toContain('not-the-secret-0000');
  });

  it('refuses plain http to a host that is not loopback', async () => {
    const run = await runCli(['snapshot', '-e', PROD_ENV], {
      env: {
        PINGONE_CLIENT_ID: auditor.clientId,
        PINGONE_CLIENT_SECRET: 'x',
        PINGONE_ENVIRONMENT_ID: auditor.environmentId,
        PINGONE_API_URL: 'http://api.example.com/v1',
        PINGONE_AUTH_URL: 'http://auth.example.com',
      },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/https/i);
  });

  it('names the file and line of a malformed snapshot file', async (context) => {
    expect((await scanOneEnvironment(context)).code).toBe(0);
    const out = path.join(work, 'broken');
    await cp(path.join(work, 'one-env'), out, { recursive: true });
    await writeFile(path.join(out, 'manifest.json'), '{\n  "schemaVersion": 1,\n  oops\n}\n');
    const run = await runCli(['audit', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('manifest.json');
    expect(run.stderr).toMatch(/line 3|:3/);
  });

  it('rejects an unknown flag, a bad --fail-on and an invalid config file', async (context) => {
    expect((await scanAllEnvironments(context)).code).toBe(0);
    expect((await runCli(['audit', work, '--no-such-flag'])).code).toBe(2);
    const badFailOn = await runCli(['audit', work, '--fail-on', 'severe']);
    expect(badFailOn.code).toBe(2);
    expect(badFailOn.stderr).toContain('fail-on');
    const config = path.join(work, 'bad.config.json');
    await writeFile(config, JSON.stringify({ rules: { 'app-disabld': 'off' } }));
    const badConfig = await runCli(['audit', path.join(work, 'all-envs'), '--config', config]);
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toContain('app-disabled');
  });
});

describe.concurrent('pingone-audit demo', () => {
  it('scans the demo organization with no credentials and prints findings without any secret', async () => {
    const run = await runCli(['demo', '--out', path.join(work, 'demo')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('admin-role-missing');
    expect(run.stdout).toMatch(/\d+ findings · \d+ high/);
    await expectNoSecretAnywhere([run.stdout, run.stderr], path.join(work, 'demo'));
  });

  it('gives the exit code a gate would when asked, with no secret in a report built from a snapshot kept in memory', async () => {
    const run = await runCli(['demo', '--fail-on', 'high', '-f', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('snapshot kept in memory');
    for (const text of [run.stdout, run.stderr]) for (const secret of SECRETS) expect(text).not.toContain(secret);
  });
});
