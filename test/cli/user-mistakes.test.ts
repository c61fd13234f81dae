import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reseal } from '../helpers/reseal-snapshot.js';
import { runCli } from '../helpers/run-cli.js';

const ENV_ID = '3f9c1a2e-7b4d-4e8f-9a61-0c2d5e7f8a90';
/** Credentials for an API nobody listens on: a mistake must be caught before the first request would fail. */
const NOWHERE = {
  PINGONE_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
  PINGONE_CLIENT_SECRET: 'not-a-real-secret-4f1d',
  PINGONE_ENVIRONMENT_ID: ENV_ID,
  PINGONE_API_URL: 'http://127.0.0.1:9/v1',
  PINGONE_AUTH_URL: 'http://127.0.0.1:9',
};

let work: string;
let snapshot: string;
let busy: Server;
let busyPort: number;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-mistakes-'));
  snapshot = path.join(work, 'demo');
  const demo = await runCli(['demo', '--out', snapshot, '-f', 'json', '-o', path.join(work, 'baseline.json')]);
  expect(demo.code, demo.stderr).toBe(0);
  await mkdir(path.join(work, 'folder'));
  await writeFile(path.join(work, 'a-file'), 'x');
  execFileSync('mkfifo', [path.join(work, 'fifo')]);
  await writeFile(path.join(work, 'unknown-rule.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }, null, 2));
  await symlink(path.join(work, 'elsewhere'), path.join(work, 'link'));
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
});

afterAll(async () => {
  busy.close();
  await rm(work, { recursive: true, force: true });
});

/** A copy of the demo snapshot with one application answered `depth` arrays deep, as a hostile API could. */
async function deeplyNested(depth: number): Promise<string> {
  const dir = path.join(work, `deep-${depth}`);
  await cp(snapshot, dir, { recursive: true });
  const apps = path.join(dir, 'environments');
  const [envId] = await readdir(apps);
  const appFolder = path.join(apps, envId!, 'applications');
  const [appFile] = await readdir(appFolder);
  const app = JSON.parse(await readFile(path.join(appFolder, appFile!), 'utf8')) as Record<string, unknown>;
  await writeFile(path.join(appFolder, appFile!), JSON.stringify({ ...app, nested: 0 }).replace('"nested":0', `"nested":${'['.repeat(depth)}${']'.repeat(depth)}`));
  await reseal(dir);
  return dir;
}

interface Mistake {
  what: string;
  args: () => string[] | Promise<string[]>;
  env?: Record<string, string>;
  /** What stderr must say: the flag, file or value at fault. */
  says: RegExp;
}

const mistakes: Mistake[] = [
  { what: '--fail-on twice on audit', args: () => ['audit', snapshot, '--fail-on', 'high', '--fail-on', 'high'], says: /--fail-on was given 2 times/ },
  { what: '--fail-on twice on diff', args: () => ['diff', snapshot, snapshot, '--fail-on', 'drift', '--fail-on', 'drift'], says: /--fail-on was given 2 times/ },
  { what: 'two --suppressions files', args: () => ['audit', snapshot, '--suppressions', 'a.json', '--suppressions', 'b.json'], says: /--suppressions was given 2 times/ },
  { what: '--suppressions and --no-suppressions', args: () => ['audit', snapshot, '--suppressions', 'a.json', '--no-suppressions'], says: /--suppressions was given 2 times/ },
  { what: '--config twice', args: () => ['audit', snapshot, '-c', 'a.json', '--config', 'b.json'], says: /--config was given 2 times/ },
  { what: '--baseline twice', args: () => ['audit', snapshot, '--baseline', 'a.json', '--baseline', 'b.json'], says: /--baseline was given 2 times/ },
  { what: '--allow-incomplete and --no-allow-incomplete', args: () => ['audit', snapshot, '--allow-incomplete', '--no-allow-incomplete'], says: /--allow-incomplete was given 2 times/ },
  { what: '--include-suppressed twice', args: () => ['audit', snapshot, '--include-suppressed', '--include-suppressed'], says: /--include-suppressed was given 2 times/ },
  { what: 'an -o file name too long', args: () => ['audit', snapshot, '-f', 'json', '-o', path.join(work, `${'r'.repeat(300)}.json`)], says: /Cannot write --output .*ENAMETOOLONG/ },
  {
    what: 'an unreadable manifest (a folder in its place)',
    args: async () => {
      const dir = path.join(work, 'manifest-folder');
      await mkdir(path.join(dir, 'manifest.json'), { recursive: true });
      return ['audit', dir];
    },
    says: /manifest.json is not a regular file/,
  },
  { what: '--out twice on scan', args: () => ['scan', '-e', ENV_ID, '--out', 'x', '--out', 'y'], env: NOWHERE, says: /--out was given 2 times/ },
  { what: '--max-rps twice', args: () => ['snapshot', '-e', ENV_ID, '--max-rps', '5', '--max-rps', '500'], env: NOWHERE, says: /--max-rps was given 2 times/ },
  // yargs reads `0` then `1` as a count and keeps the last value: the array check alone let these through.
  { what: '--port 0 then --port 1', args: () => ['simulate', '--port', '0', '--port', '1'], says: /--port was given 2 times/ },
  { what: '--max-users 0 then --max-users 1', args: () => ['snapshot', '-e', ENV_ID, '--max-users', '0', '--max-users', '1'], env: NOWHERE, says: /--max-users was given 2 times/ },
  // Read before the collection, not after it: a typo must not cost a whole scan.
  {
    what: 'a missing --config on scan, before any request',
    args: () => ['scan', '-e', ENV_ID, '--out', path.join(work, 'scan-config'), '--config', path.join(work, 'nope.json')],
    env: NOWHERE,
    says: /Config file .*nope\.json does not exist/,
  },
  {
    what: 'a missing --suppressions on scan, before any request',
    args: () => ['scan', '-e', ENV_ID, '--out', path.join(work, 'scan-supp'), '--suppressions', path.join(work, 'nope.json')],
    env: NOWHERE,
    says: /Suppressions file .*nope\.json/,
  },
  {
    what: 'a FIFO as --baseline on scan, before any request',
    args: () => ['scan', '-e', ENV_ID, '--out', path.join(work, 'scan-base'), '--baseline', path.join(work, 'fifo')],
    env: NOWHERE,
    says: /Baseline file .*fifo is not a regular file/,
  },
  {
    what: 'a config naming an unknown rule on demo, before the simulator starts',
    args: () => ['demo', '--out', path.join(work, 'demo-config'), '--config', path.join(work, 'unknown-rule.json')],
    says: /unknown-rule\.json:3: \$\.rules\["no-such-rule"\]: unknown rule "no-such-rule"/,
  },
  { what: 'a FIFO as simulate --dataset (must not hang)', args: () => ['simulate', '--port', '0', '--dataset', path.join(work, 'fifo')], says: /dataset file .*fifo is not a regular file/ },
  { what: 'a folder as simulate --dataset', args: () => ['simulate', '--port', '0', '--dataset', path.join(work, 'folder')], says: /dataset file .*folder is not a regular file/ },
  { what: '--port out of range', args: () => ['simulate', '--port', '70000'], says: /--port 70000 is not a TCP port/ },
  { what: '--port not a number', args: () => ['simulate', '--port', 'http'], says: /--port NaN is not a TCP port/ },
  { what: '--port already in use', args: () => ['simulate', '--port', String(busyPort)], says: /Port \d+ on 127\.0\.0\.1 is in use/ },
  { what: '-o naming a folder', args: () => ['audit', snapshot, '-f', 'json', '-o', path.join(work, 'folder')], says: /--output .*folder: it is a folder/ },
  { what: '-o naming a link', args: () => ['audit', snapshot, '-f', 'json', '-o', path.join(work, 'link')], says: /never writes through links/ },
  { what: '-o naming a pipe', args: () => ['audit', snapshot, '-f', 'json', '-o', path.join(work, 'fifo')], says: /not a regular file/ },
  { what: 'diff -o naming a folder', args: () => ['diff', snapshot, snapshot, '-o', path.join(work, 'folder')], says: /it is a folder/ },
  {
    what: 'an unwritable -o on scan, before any request',
    args: () => ['scan', '-e', ENV_ID, '--out', path.join(work, 'scan-out'), '-f', 'sarif', '-o', path.join(work, 'a-file', 'results.sarif')],
    env: NOWHERE,
    says: /Cannot write --output .*a-file is a file, not a folder/,
  },
  { what: 'an unwritable --out, before any request', args: () => ['snapshot', '-e', ENV_ID, '--out', path.join(work, 'a-file', 'snap')], env: NOWHERE, says: /a-file is a file, not a folder/ },
  { what: '--out on a link, before any request', args: () => ['snapshot', '-e', ENV_ID, '--out', path.join(work, 'link')], env: NOWHERE, says: /symbolic link/ },
  { what: '--out on a foreign folder', args: () => ['snapshot', '-e', ENV_ID, '--out', work], env: NOWHERE, says: /holds no pingone-audit snapshot/ },
  { what: 'an environment id too long for a file name', args: () => ['snapshot', '-e', 'e'.repeat(300), '--out', path.join(work, 'long')], env: NOWHERE, says: /is not a PingOne id/ },
  { what: 'a snapshot folder that does not exist', args: () => ['audit', path.join(work, 'missing')], says: /There is no snapshot folder/ },
  { what: 'a file as the snapshot folder', args: () => ['audit', path.join(work, 'a-file')], says: /is a file; a snapshot is a folder/ },
  { what: 'deeply nested JSON in diff', args: async () => ['diff', snapshot, await deeplyNested(20_000)], says: /not valid JSON: (nesting too deep|JSON nested deeper than 128 levels)/ },
  { what: 'a FIFO as config (must not hang)', args: () => ['audit', snapshot, '--config', path.join(work, 'fifo')], says: /Config file .*fifo is not a regular file/ },
  { what: 'a folder as suppressions', args: () => ['audit', snapshot, '--suppressions', path.join(work, 'folder')], says: /Suppressions file .*folder is not a regular file/ },
  { what: 'a FIFO as baseline', args: () => ['audit', snapshot, '--baseline', path.join(work, 'fifo')], says: /Baseline file .*fifo is not a regular file/ },
  { what: 'a bad --format', args: () => ['audit', snapshot, '-f', 'pdf'], says: /format/ },
  { what: '-o without its own -f', args: () => ['audit', snapshot, '-f', 'json', '-o', 'a.json', '-o', 'b.json'], says: /has no --format of its own/ },
  { what: '--max-rps 0', args: () => ['snapshot', '-e', ENV_ID, '--max-rps', '0'], env: NOWHERE, says: /--max-rps/ },
];

describe('user mistakes exit 2 with what and where, never 70', () => {
  it.each(mistakes)('$what', async ({ args, env, says }) => {
    const run = await runCli(await args(), env === undefined ? {} : { env });
    expect(run.stderr).not.toContain('internal error');
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(says);
    expect(run.stderr).not.toContain(NOWHERE.PINGONE_CLIENT_SECRET);
  });
});

describe('a UTF-8 byte order mark in a file the user names is accepted', () => {
  const BOM = '\uFEFF';

  it.each([
    ['--config', '{ "rules": {} }'],
    ['--suppressions', '{ "suppressions": [] }'],
  ])('%s', async (flag, json) => {
    const file = path.join(work, `bom${flag}.json`);
    await writeFile(file, `${BOM}${json}\n`);
    const run = await runCli(['audit', snapshot, flag, file, '--fail-on', 'none']);
    expect(run.code, run.stderr).toBe(0);
  });

  it('--baseline', async () => {
    const file = path.join(work, 'bom-baseline.json');
    await writeFile(file, `${BOM}${await readFile(path.join(work, 'baseline.json'), 'utf8')}`);
    const run = await runCli(['audit', snapshot, '--baseline', file, '--fail-on', 'none', '-f', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).baseline.unchanged).toBeGreaterThan(0);
  });
});

describe('a snapshot folder named with a lone UTF-16 surrogate', () => {
  it("is refused for -f sarif as audit's argument (argument-invalid, exit 2), not a flag nor a URIError (70); other formats read it", async () => {
    // Node writes a lone surrogate in a path as U+FFFD's UTF-8, so the folder is found; only its SARIF URI cannot be made.
    await cp(snapshot, path.join(work, 'lone\ud800'), { recursive: true });
    const run = await runCli(['audit', 'lone\ud800', '-f', 'sarif'], { cwd: work });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('pingone-audit: The snapshot folder argument "lone\\ud800" holds a lone UTF-16 surrogate');
    expect(run.stderr).toContain('error code: argument-invalid');
    expect(run.stderr).not.toMatch(/\p{Cs}/u);
    expect(run.stdout).toBe('');
    const json = await runCli(['audit', 'lone\ud800', '-f', 'json', '--fail-on', 'none'], { cwd: work });
    expect(json.code, json.stderr).toBe(0);
  });

  it('is refused as --out of scan with -f sarif (flag-invalid) before any request', async () => {
    const run = await runCli(['scan', '-e', ENV_ID, '--out', 'scan-lone\ud800', '-f', 'sarif'], { cwd: work, env: NOWHERE });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('pingone-audit: --out "scan-lone\\ud800" holds a lone UTF-16 surrogate');
    expect(run.stderr).toContain('error code: flag-invalid');
  });
});

describe('--max-users above --max-list-items', () => {
  // The users scan walks the users list, which fails once it passes --max-list-items: a larger user cap is never reached.
  it.each([
    ['scan', ['scan', '-e', ENV_ID, '--out', 'never-written']],
    ['snapshot', ['snapshot', '-e', ENV_ID, '--out', 'never-written']],
    ['check', ['check', 'stackone', '--app', 'StackOne', '-e', ENV_ID]],
  ])('is refused by %s before any request, naming both flags and their values', async (_command, args) => {
    const run = await runCli([...args, '--max-users', '5000', '--max-list-items', '1000'], { env: NOWHERE });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('--max-users 5000 is more than --max-list-items 1000');
    expect(run.stderr).toContain('Raise --max-list-items to at least 5000, or lower --max-users to 1000 or fewer.');
    expect(run.stderr).toContain('error code: flag-invalid');
    expect(run.stderr).not.toContain(NOWHERE.PINGONE_CLIENT_SECRET);
  });

  it('is refused before a user sign-in, whose first request would otherwise fail as unreachable', async () => {
    const run = await runCli(['scan', '-e', ENV_ID, '--auth', 'device-code', '--max-users', '11', '--max-list-items', '10'], { env: NOWHERE });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('error code: flag-invalid');
    expect(run.stderr).not.toContain('unreachable');
  });

  it('names the default of --max-list-items when only --max-users is given', async () => {
    const run = await runCli(['snapshot', '-e', ENV_ID, '--max-users', '1000001'], { env: NOWHERE });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('--max-users 1000001 is more than --max-list-items (1000000 by default)');
  });

  it('lets a cap equal to --max-list-items through to the connection', async () => {
    const run = await runCli(['snapshot', '-e', ENV_ID, '--max-users', '1000', '--max-list-items', '1000'], { env: NOWHERE });
    expect(run.stderr).not.toContain('error code: flag-invalid');
    expect(run.stderr).toContain('error code: unreachable');
  });
});
