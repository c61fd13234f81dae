import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/engine/types.js';
import type { Snapshot } from '../../src/snapshot/model.js';
import type { WhoamiReport } from '../../src/whoami/index.js';
import { missingRoleReason } from '../../src/whoami/index.js';
import { runCli } from '../helpers/run-cli.js';
import { browserSigningInAs, reviewerTestBed, startHeadlessCli } from './login-fixture.js';

const FAST = ['--max-rps', '500'];
const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/;

// Concurrent: each test signs in against a simulator of its own, closed by its own onTestFinished (a shared
// afterEach would close the simulators of the tests still running: what made built-binary sign-ins hang here).
const bed = reviewerTestBed('pingone-audit-cli-login-');
const reviewer = bed.reviewer;

async function folder(name: string): Promise<string> {
  const dir = path.join(bed.work(), name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir);
  return dir;
}

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Plays the browser for a CLI that printed its authorize URL. */
async function signInThroughStderr(cli: ReturnType<typeof startHeadlessCli>, user: string): Promise<void> {
  const [url] = await cli.waitForStderr(/http:\/\/127\.0\.0\.1:\d+\/[\w-]+\/as\/authorize\?\S+/);
  await browserSigningInAs(user).open(url);
}

describe.concurrent('pingone-audit login / whoami / scan with a reviewer sign-in (in-process)', () => {
  it('login --auth authorization-code: the test plays the browser; prints who signed in and the roles, and the token only lands in the 0600 cache', async (context) => {
    const sim = await reviewer({}, context);
    const cwd = await folder('login');
    const cache = path.join(cwd, 'token.json');
    const cli = startHeadlessCli(['login', '--auth', 'authorization-code', '--redirect-port', String(sim.port), '--token-cache', cache], sim.env, cwd);
    await signInThroughStderr(cli, 'alice.nakamura');
    const run = await cli.done;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Signed in.');
    expect(run.stdout).toContain('A user sign-in: PingOne checks the signed-in user’s admin roles');
    expect(run.stdout).toContain(`${sim.ids.alice} (alice.nakamura)`);
    expect(run.stdout).toMatch(/Organization Admin \(organization /);
    expect(run.stderr).toContain(`Token saved to ${cache} (mode 0600`);

    expect((await stat(cache)).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(await readFile(cache, 'utf8')) as { accessToken: string; refreshToken: string };
    for (const secret of [saved.accessToken, saved.refreshToken]) {
      expect(run.stdout + run.stderr).not.toContain(secret);
      for (const file of (await filesIn(cwd)).filter((name) => name !== cache)) expect(await readFile(file, 'utf8')).not.toContain(secret);
    }
    expect(await filesIn(cwd)).toEqual([cache]);

    // The cached sign-in serves whoami without a browser.
    const whoami = await runCli(['whoami', '--auth', 'authorization-code', '--redirect-port', String(sim.port), '--token-cache', cache, '-f', 'json', '-e', sim.ids.prodEnv, ...FAST], {
      env: sim.env,
      cwd,
    });
    expect(whoami.code, whoami.stderr).toBe(0);
    const report = JSON.parse(whoami.stdout) as WhoamiReport;
    expect(report).toMatchObject({ authorizationModel: 'user', user: { id: sim.ids.alice, username: 'alice.nakamura' }, rolesRead: true });
    expect(report.endpoints.every((row) => row.prediction === 'readable')).toBe(true);
    expect(whoami.stderr).not.toMatch(/authorize\?/);
    expect(whoami.stdout + whoami.stderr).not.toContain(saved.accessToken);
  });

  it('a user with no admin role: the scan reports every endpoint not readable (exit 3, rules not evaluated), 403s naming the missing role in whoami’s words; no token anywhere', async (context) => {
    const sim = await reviewer({}, context);
    const cwd = await folder('no-role');
    const out = path.join(cwd, 'snapshot');
    const cli = startHeadlessCli(
      ['scan', '--auth', 'authorization-code', '--redirect-port', String(sim.port), '-e', sim.ids.prodEnv, '--out', out, '-f', 'json', '-o', path.join(cwd, 'result.json'), ...FAST],
      sim.env,
      cwd,
    );
    await signInThroughStderr(cli, 'gabriel.reyes');
    const run = await cli.done;
    expect(run.code, run.stderr).toBe(3);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Snapshot['manifest'];
    expect(manifest.collectedBy).toMatchObject({ authorizationModel: 'user' });
    expect(manifest.collection.entries.length).toBeGreaterThan(10);
    for (const entry of manifest.collection.entries) {
      expect(entry.status, entry.kind).toBe('failed');
      expect(entry.error, entry.kind).toBeTruthy();
      if (entry.httpStatus === 403) expect(entry.error).toContain(missingRoleReason(entry.kind, entry.environmentId, 'user'));
    }
    const users = manifest.collection.entries.find((entry) => entry.kind === 'users')!;
    expect(users.error).toContain(`missing role: Identity Data Read Only scoped to environment ${sim.ids.prodEnv} (held by the signed-in user; the application’s own roles do not count)`);
    expect(run.stderr).toContain(missingRoleReason('signOnPolicies', sim.ids.prodEnv, 'user'));
    const result = JSON.parse(await readFile(path.join(cwd, 'result.json'), 'utf8')) as AuditResult;
    expect(result.findings).toEqual([]);
    expect(result.notEvaluated.length).toBeGreaterThan(0);
    const texts = [run.stdout, run.stderr, ...(await Promise.all((await filesIn(cwd)).map((file) => readFile(file, 'utf8'))))];
    for (const text of texts) expect(text).not.toMatch(JWT);
  });

  it('device code, a user holding roles only through a group: approves on “another device”, and the scan is complete', async (context) => {
    const sim = await reviewer({ devicePollingInterval: 1 }, context);
    const cwd = await folder('group-only');
    const out = path.join(cwd, 'snapshot');
    const cli = startHeadlessCli(['snapshot', '--auth', 'device-code', '-e', sim.ids.prodEnv, '--out', out, ...FAST], sim.env, cwd);
    const [, userCode] = await cli.waitForStderr(/enter the code ([B-Z]{4}-[B-Z]{4})/);
    sim.simulator.approveDevice(userCode!, 'bruno.costa');
    const run = await cli.done;
    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Snapshot['manifest'];
    expect(manifest.collectedBy).toMatchObject({ authorizationModel: 'user', clientId: expect.any(String) });
    expect(manifest.collection.complete).toBe(true);
    expect(sim.simulator.requestLog.filter((entry) => entry.actor !== undefined && entry.method === 'GET').every((entry) => entry.actor === `user:${sim.ids.bruno}`)).toBe(true);
    for (const text of [run.stdout, run.stderr]) expect(text).not.toMatch(JWT);
  });

  it('refuses --auth implicit in one line (exit 2), and login without a user flow', async (context) => {
    const sim = await reviewer({}, context);
    const implicit = await runCli(['whoami', '--auth', 'implicit'], { env: sim.env });
    expect(implicit.code).toBe(2);
    // One line of refusal, then the error code.
    expect(implicit.stderr.trim().split('\n')).toHaveLength(2);
    expect(implicit.stderr).toContain('error code: settings-invalid');
    expect(implicit.stderr).toMatch(/implicit grant is refused.*RFC 9700 §2\.1\.2/);
    const login = await runCli(['login'], { env: sim.env });
    expect(login.code).toBe(2);
    expect(login.stderr).toContain('login signs a user in');
  });
});
