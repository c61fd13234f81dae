import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/formatters/index.js';
import { loadDataset, startSimulator, type FaultPlan, type RunningSimulator } from '../../src/simulator/index.js';
import { runCli } from '../helpers/run-cli.js';

const dataset = loadDataset('demo');
const auditor = dataset.credentials[0]!;
const [ADMIN_ENV, PROD_ENV] = dataset.environments.map((env) => env.environment.id) as [string, string, string];
const basicCredential = Buffer.from(`${encodeURIComponent(auditor.clientId)}:${encodeURIComponent(auditor.clientSecret)}`).toString('base64');
// The secret in every form a server could echo it, and any JWT (PingOne's access tokens are JWTs).
const leaks: Array<[string, RegExp | string]> = [
  ['the client secret', auditor.clientSecret],
  ['the client secret, URL-encoded', encodeURIComponent(auditor.clientSecret)],
  ['the Basic credential', basicCredential],
  ['a part of the Basic credential', basicCredential.slice(8, 40)],
  ['the client secret, base64', Buffer.from(auditor.clientSecret).toString('base64').slice(0, 40)],
  ['a token', /eyJ[\w-]+\.eyJ/],
];

let work: string;
const running: RunningSimulator[] = [];
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-redaction-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')));
}

/** `scan` writing the snapshot and every report format; returns everything it printed and wrote. */
async function scanAgainst(faults: FaultPlan, extra: string[] = []) {
  const simulator = await startSimulator({ dataset, faults });
  running.push(simulator);
  const out = await mkdtemp(path.join(work, 'run-'));
  const reports = FORMAT_NAMES.flatMap((format) => ['-f', format, '-o', path.join(out, `report.${format}`)]);
  const run = await runCli(['scan', '--max-rps', '500', '-e', ADMIN_ENV, '-e', PROD_ENV, '--out', path.join(out, 'snapshot'), ...reports, '--verbose', ...extra], {
    env: {
      PINGONE_CLIENT_ID: auditor.clientId,
      PINGONE_CLIENT_SECRET: auditor.clientSecret,
      PINGONE_ENVIRONMENT_ID: auditor.environmentId,
      PINGONE_API_URL: simulator.apiUrl,
      PINGONE_AUTH_URL: simulator.authUrl,
    },
  });
  return { run, simulator, outputs: [run.stdout, run.stderr, ...(await filesUnder(out))] };
}

function expectNoLeak(outputs: readonly string[]): void {
  for (const [what, pattern] of leaks) {
    const leaked = outputs.find((text) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)));
    expect(leaked, `${what} leaked`).toBeUndefined();
  }
}

describe('a server that echoes the request never gets a credential into an output', () => {
  it.each([
    ['CLIENT_SECRET_BASIC', []],
    ['CLIENT_SECRET_POST', ['--token-auth-method', 'CLIENT_SECRET_POST']],
  ])('the token endpoint echoes a %s request: exit 2, nothing leaked', async (_, extra) => {
    const { run, simulator, outputs } = await scanAgainst({ echoRequest: { pattern: '/*/as/token', status: 401 } }, extra);
    expect(simulator.requestLog.some((entry) => entry.fault === 'echoRequest')).toBe(true);
    expect(run.code).toBe(2);
    expect(run.stderr.includes('[redacted]')).toBe(true);
    expectNoLeak(outputs);
  });

  it('the API echoes the bearer token in a 403: the collection record, the reports and stderr hold none', async () => {
    const { run, simulator, outputs } = await scanAgainst({ echoRequest: '/environments/*/applications' });
    expect(simulator.requestLog.filter((entry) => entry.fault === 'echoRequest')).toHaveLength(2);
    expect(run.code).toBe(3);
    expect(outputs.some((text) => text.includes('authorization: [redacted]'))).toBe(true);
    expectNoLeak(outputs);
  });
});
