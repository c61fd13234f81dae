import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { checkCommand } from '../../src/commands/check.js';
import type { ParserOptions } from '../../src/commands/single-valued.js';
import { loadDataset, startSimulator } from '../../src/simulator/index.js';
import { reseal } from '../helpers/reseal-snapshot.js';
import { textWidth } from '../../src/output/terminal-layout.js';
import { runCli } from '../helpers/run-cli.js';

const PRODUCTION = '659ad0d3-68b1-4864-bb40-8014a1e134a1';
const STACKONE_ID = '0dc7cb47-a947-4b60-9adb-c167ec2e67a3';

let work: string;
let snapshot: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-check-'));
  snapshot = path.join(work, 'demo');
  const demo = await runCli(['demo', '--out', snapshot]);
  expect(demo.code, demo.stderr).toBe(0);
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** A copy of the demo snapshot changed by `edit`, for cases the demo itself does not hold. */
async function variant(name: string, edit: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(work, name);
  await cp(snapshot, dir, { recursive: true });
  await edit(dir);
  await reseal(dir);
  return dir;
}

describe('pingone-audit check', () => {
  it('passes every item of the correct StackOne app: exit 0, with the guide settings security rules report', async () => {
    const run = await runCli(['check', 'stackone', '--app', 'StackOne', '--snapshot', snapshot]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('StackOne connector (stackone)');
    expect(run.stdout).toContain('ready: 14 passed, 0 failed, 0 not evaluated');
    expect(run.stdout).not.toContain('FAIL');
    expect(run.stdout).toMatch(/security: security rule pkce-not-enforced disagrees/);
    expect(run.stdout.replace(/\s+/g, ' ')).toMatch(/found: \S+ holds Environment Admin for environment Production through group/);
  });

  it('lists each failing item of the misconfigured app with its fix: exit 1', async () => {
    const run = await runCli(['check', 'stackone', '--app', 'stackone (LEGACY)', '--snapshot', snapshot]);
    expect(run.code, run.stderr).toBe(1);
    const failing = [...run.stdout.matchAll(/^FAIL {2}.*\[([a-z-]+)\]$/gm)].map((match) => match[1]);
    expect(failing).toEqual(['enabled', 'refresh-token-format', 'callback-uri', 'group-policy-unrestricted']);
    expect(run.stdout.match(/^ {6}fix: /gm)).toHaveLength(4);
    expect(run.stdout).toContain('found: https://api.stackone.com/connect/oauth2/pingone/callback/');
    expect(run.stdout).toMatch(/^N\/E +The admin who signs in holds a suitable role/m);
    expect(run.stdout).toContain('not ready: 9 passed, 4 failed, 1 not evaluated');
    // Piped with no COLUMNS: 80 columns, but a URL is never split, so only a line holding one may run over.
    for (const line of run.stdout.split('\n')) if (!/https:\/\/\S{40,}/.test(line)) expect(textWidth(line), line).toBeLessThanOrEqual(80);
    const wide = await runCli(['check', 'stackone', '--app', 'stackone (LEGACY)', '--snapshot', snapshot], { env: { COLUMNS: '400' } });
    expect(Math.max(...wide.stdout.split('\n').map((line) => textWidth(line)))).toBeGreaterThan(120);
    expect(wide.stdout.split(/\s+/)).toEqual(run.stdout.split(/\s+/));
  });

  it('prints JSON and Markdown checklists', async () => {
    const json = await runCli(['check', 'stackone', '--app', STACKONE_ID, '--snapshot', snapshot, '--format', 'json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { status: string; application: { id: string }; items: Array<{ id: string; status: string; conflict?: { rule: string } }> };
    expect(parsed).toMatchObject({ status: 'pass', application: { id: STACKONE_ID } });
    expect(parsed.items.filter((item) => item.conflict).map((item) => item.conflict!.rule)).toEqual(['pkce-not-enforced', 'refresh-token-jwt-sunset']);
    const markdown = await runCli(['check', 'stackone', '--app', 'StackOne (legacy)', '--snapshot', snapshot, '-f', 'markdown']);
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toContain('| Status | Check | Found | Expected | Fix or note |');
    expect(markdown.stdout).toMatch(/^\| FAIL \| Redirect URI is StackOne's callback, exactly \|/m);
  });

  it('with --framework, names the controls the checklist is evidence for and gives them its status, in every format', async () => {
    const text = await runCli(['check', 'stackone', '--app', 'stackone (LEGACY)', '--snapshot', snapshot, '--framework', 'nist-800-53-r5']);
    expect(text.code, text.stderr).toBe(1);
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe('NIST SP 800-53 Rev. 5: CM-6 Configuration Settings, CM-2 Baseline Configuration: fail (this checklist is their evidence)');
    const json = await runCli(['check', 'stackone', '--app', 'StackOne', '--snapshot', snapshot, '--framework', 'soc2-2017', '-f', 'json']);
    expect(JSON.parse(json.stdout).framework).toMatchObject({
      id: 'soc2-2017',
      controls: [
        { id: 'CC8.1', status: 'pass' },
        { id: 'CC7.1', status: 'pass' },
      ],
    });
    const markdown = await runCli(['check', 'stackone', '--app', 'StackOne', '--snapshot', snapshot, '--framework', 'pci-dss-4.0.1', '-f', 'markdown']);
    expect(markdown.stdout).toMatch(/\*\*PCI DSS v4\.0\.1:\*\* no control maps to this checklist \(.+\)\n$/);
  });

  it('exits 3 when an item cannot be evaluated and nothing fails', async () => {
    const dir = await variant('roles-unread', async (copy) => {
      const file = path.join(copy, 'manifest.json');
      const manifest = JSON.parse(await readFile(file, 'utf8')) as { collection: { complete: boolean; entries: Array<Record<string, unknown>> } };
      const entry = manifest.collection.entries.find((candidate) => candidate.kind === 'userRoleAssignments' && candidate.environmentId === PRODUCTION)!;
      Object.assign(entry, { status: 'failed', httpStatus: 403, path: `/environments/${PRODUCTION}/users/x/roleAssignments` });
      manifest.collection.complete = false;
      await writeFile(file, JSON.stringify(manifest, null, 2));
    });
    const run = await runCli(['check', 'stackone', '--app', 'StackOne', '--snapshot', dir]);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(`reason: could not be read: GET /environments/${PRODUCTION}/users/x/roleAssignments → 403`);
  });

  it('exits 3, not "no application", when the app is missing from a snapshot whose applications of an environment failed to read', async () => {
    const dir = await variant('applications-unread', async (copy) => {
      const file = path.join(copy, 'manifest.json');
      const manifest = JSON.parse(await readFile(file, 'utf8')) as { collection: { complete: boolean; entries: Array<Record<string, unknown>> } };
      const entry = manifest.collection.entries.find((candidate) => candidate.kind === 'applications' && candidate.environmentId === PRODUCTION)!;
      Object.assign(entry, { status: 'failed', httpStatus: 403, path: `/environments/${PRODUCTION}/applications` });
      manifest.collection.complete = false;
      await writeFile(file, JSON.stringify(manifest, null, 2));
      await rm(path.join(copy, 'environments', PRODUCTION, 'applications'), { recursive: true });
    });
    const run = await runCli(['check', 'stackone', '--app', 'StackOne', '--snapshot', dir]);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain('No application read has the id or name "StackOne"');
    expect(run.stderr).toContain(`the applications of environment ${PRODUCTION} (Production) could not be read (GET /environments/${PRODUCTION}/applications → 403)`);
    expect(run.stdout).toBe('');
  });

  it('says when the app is not bound to the profile, and still checks it', async () => {
    const run = await runCli(['check', 'pingdatasync', '--app', 'Nightly Export', '--snapshot', snapshot]);
    expect(run.stderr).toContain('note: Nightly Export is not bound to pingdatasync (bound to no profile)');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FAIL {2}Token endpoint authentication Client Secret Post/m);
  });

  it('refuses collection flags beside --snapshot, which nothing would collect with (exit 2)', async () => {
    const out = path.join(work, 'never-written');
    const run = await runCli(['check', 'stackone', '--app', 'StackOne', '--snapshot', snapshot, '--out', out, '--all-environments']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--out, --all-environments shape a live collection, and --snapshot checks a snapshot already collected.');
    expect(run.stderr).toContain('error code: flag-invalid');
    expect(run.stdout).toBe('');
    expect((await readdir(work)).includes('never-written')).toBe(false);
  });

  it('refuses connection flags typed beside --snapshot, but not the PINGONE_* variables of the shell (exit 2)', async () => {
    const typed = await runCli(['check', 'stackone', '--app', 'StackOne', '--snapshot', snapshot, '--max-rps=5', '--no-adaptive-rate', '--client-id', 'x']);
    expect(typed.code).toBe(2);
    expect(typed.stderr).toContain('--client-id, --max-rps, --adaptive-rate shape a live collection, and --snapshot checks a snapshot already collected.');
    expect(typed.stdout).toBe('');
    const fromEnv = await runCli(['check', 'stackone', '--app', 'StackOne', '--snapshot', snapshot], { env: { PINGONE_CLIENT_ID: 'x', PINGONE_CLIENT_SECRET: 'y' } });
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.stderr).toBe('');
  });

  it('refuses --verbose beside --snapshot: it logs the retries and throttling of a collection, and there is none (exit 2)', async () => {
    const run = await runCli(['check', 'stackone', '--app', 'StackOne', '--snapshot', snapshot, '--verbose']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--verbose shapes a live collection, and --snapshot checks a snapshot already collected.');
    expect(run.stdout).toBe('');
  });

  it('refuses every collection and connection option check declares beside --snapshot, naming each (exit 2)', async () => {
    const { key, boolean } = (checkCommand.builder(yargs([])) as unknown as ParserOptions).getOptions();
    const offline = ['help', 'version', 'app', 'snapshot', 'format', 'config', 'framework', 'profile'];
    const live = Object.keys(key).filter((name) => name.length > 1 && !offline.includes(name));
    expect(live).toEqual(expect.arrayContaining(['out', 'environment', 'max-users', 'client-id', 'timeout', 'verbose']));
    const run = await runCli(['check', 'stackone', '--app', 'StackOne', '--snapshot', snapshot, ...live.flatMap((name) => [`--${name}`, ...(boolean.includes(name) ? [] : ['1'])])]);
    expect(run.code).toBe(2);
    const named = /^pingone-audit: (.+) shape a live collection/m.exec(run.stderr)?.[1]?.split(', ');
    expect(named?.sort()).toEqual(live.map((name) => `--${name}`).sort());
  });

  it('refuses an unknown profile, listing the profiles (exit 2)', async () => {
    const run = await runCli(['check', 'stackon', '--app', 'StackOne', '--snapshot', snapshot]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown integration profile "stackon"');
    expect(run.stderr).toContain('Did you mean "stackone"?');
    expect(run.stderr).toContain('pingcli-auth-code, pingcli-client-credentials, pingctl-auth-code');
  });

  it('refuses an app name that matches none or several, listing candidates (exit 2)', async () => {
    const none = await runCli(['check', 'stackone', '--app', 'StackOn', '--snapshot', snapshot]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No application has the id or name "StackOn"');
    expect(none.stderr).toContain('Did you mean "StackOne"?');
    const dir = await variant('twins', async (copy) => {
      const apps = path.join(copy, 'environments', PRODUCTION, 'applications');
      const original = (await readdir(apps)).find((name) => name.startsWith(STACKONE_ID))!;
      const text = await readFile(path.join(apps, original), 'utf8');
      const twinId = '00000000-0000-4000-8000-000000000001';
      await writeFile(path.join(apps, original.replace(STACKONE_ID, twinId)), text.replaceAll(STACKONE_ID, twinId));
    });
    const several = await runCli(['check', 'stackone', '--app', 'StackOne', '--snapshot', dir]);
    expect(several.code, several.stdout).toBe(2);
    expect(several.stderr).toContain('2 applications are named "StackOne"');
    expect(several.stderr).toContain(`StackOne (${STACKONE_ID}, Production)`);
    expect(several.stderr).toContain('--app <id>');
  });

  it('collects live with the connection flags when no --snapshot is given', async () => {
    const dataset = loadDataset('demo');
    const auditor = dataset.credentials[0]!;
    const simulator = await startSimulator({ dataset });
    try {
      const env = {
        PINGONE_CLIENT_ID: auditor.clientId,
        PINGONE_CLIENT_SECRET: auditor.clientSecret,
        PINGONE_ENVIRONMENT_ID: auditor.environmentId,
        PINGONE_API_URL: simulator.apiUrl,
        PINGONE_AUTH_URL: simulator.authUrl,
      };
      const run = await runCli(['check', 'pingdatasync', '--app', 'PingDataSync', '--all-environments', '--out', path.join(work, 'live'), '--max-rps', '500'], { env });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('ready: 5 passed, 0 failed, 0 not evaluated');
      expect(run.stdout + run.stderr).not.toContain(auditor.clientSecret);
    } finally {
      await simulator.close();
    }
  });
});
