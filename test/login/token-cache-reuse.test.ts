import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTokenCache } from '../../src/fetch/login/token-cache.js';
import { Secret } from '../../src/fetch/secret.js';
import type { WhoamiReport } from '../../src/whoami/index.js';
import { runCli } from '../helpers/run-cli.js';
import { REVIEWER_APP_ID } from '../simulator/reviewer-app.js';
import { reviewerTestBed, type ReviewerSimulator } from './login-fixture.js';

const bed = reviewerTestBed('pingone-audit-token-cache-reuse-');

/** What `login --auth device-code --token-cache <file>` leaves behind after alice.nakamura approved. */
function cacheAfterLogin(sim: ReviewerSimulator, file: string): string {
  const token = sim.simulator.issueUserToken(sim.ids.alice, REVIEWER_APP_ID);
  const identity = { authUrl: sim.simulator.authUrl, clientId: REVIEWER_APP_ID, environmentId: sim.ids.adminEnv, flow: 'device-code' as const, tokenAuthMethod: 'NONE' };
  writeTokenCache(file, identity, { accessToken: new Secret(token), expiresAt: Date.now() + 3_600_000 });
  return token;
}

const urlsOnly = (sim: ReviewerSimulator) => ({ PINGONE_API_URL: sim.simulator.apiUrl, PINGONE_AUTH_URL: sim.simulator.authUrl });

describe('--token-cache without --auth reuses the cached sign-in, as login promised', () => {
  it('whoami needs no client id, secret or --auth: the cache names the app, environment and flow', async () => {
    const sim = await bed.reviewer();
    const cache = path.join(bed.work(), 'alice.json');
    const token = cacheAfterLogin(sim, cache);
    const run = await runCli(['whoami', '--token-cache', cache, '-f', 'json', '-e', sim.ids.prodEnv, '--max-rps', '500'], { env: urlsOnly(sim) });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout) as WhoamiReport).toMatchObject({ authorizationModel: 'user', user: { id: sim.ids.alice } });
    expect(run.stderr).not.toMatch(/secret|authorize\?|enter the code/i);
    expect(run.stdout + run.stderr).not.toContain(token);
    // The cache was used as it stood: no sign-in, no token request.
    expect(sim.simulator.requestLog.filter((entry) => entry.path.includes('/as/'))).toEqual([]);
  });

  it('a worker’s credentials in the environment are set aside with a warning, and its secret is never sent', async () => {
    const sim = await bed.reviewer();
    const cache = path.join(bed.work(), 'alice-with-worker-env.json');
    cacheAfterLogin(sim, cache);
    const worker = { PINGONE_CLIENT_ID: '82cdd8b0-72df-41c0-954f-61d9fa0ba7c0', PINGONE_CLIENT_SECRET: 'a-worker-secret-that-must-stay-home', PINGONE_ENVIRONMENT_ID: sim.ids.adminEnv };
    const run = await runCli(['whoami', '--token-cache', cache, '-f', 'json', '-e', sim.ids.prodEnv, '--max-rps', '500'], { env: { ...urlsOnly(sim), ...worker } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`warning: PINGONE_CLIENT_ID (--client-id) is ignored: the token cache holds a sign-in to application ${REVIEWER_APP_ID}`);
    expect(JSON.parse(run.stdout) as WhoamiReport).toMatchObject({ authorizationModel: 'user', clientId: REVIEWER_APP_ID });
    expect(run.stdout + run.stderr).not.toContain(worker.PINGONE_CLIENT_SECRET);
  });

  it('refuses a missing cache with the login command to run (exit 2), before any request', async () => {
    const sim = await bed.reviewer();
    const cache = path.join(bed.work(), 'never-written.json');
    const run = await runCli(['whoami', '--token-cache', cache], { env: urlsOnly(sim) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`No sign-in is cached in ${cache}.`);
    expect(run.stderr).toContain(`pingone-audit login --auth device-code --token-cache ${cache}`);
    expect(run.stderr).toContain('error code: credentials-missing');
    expect(sim.simulator.requestLog).toEqual([]);
  });

  it('says a cache of another format version is one, rather than that nothing is cached (exit 2)', async () => {
    const sim = await bed.reviewer();
    const cache = path.join(bed.work(), 'version-2.json');
    await writeFile(cache, JSON.stringify({ version: 2, accessToken: 'canary-never-printed' }), { mode: 0o600 });
    const run = await runCli(['whoami', '--token-cache', cache], { env: urlsOnly(sim) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`The token cache ${cache} is in format version 2, which this pingone-audit (format 1) does not read.`);
    expect(run.stderr).toContain('error code: credentials-missing');
    expect(run.stdout + run.stderr).not.toContain('canary-never-printed');
    expect(sim.simulator.requestLog).toEqual([]);
  });

  it('refuses a cache made at another auth server, so the token never goes elsewhere (exit 2)', async () => {
    const sim = await bed.reviewer();
    const cache = path.join(bed.work(), 'elsewhere.json');
    cacheAfterLogin(sim, cache);
    const run = await runCli(['whoami', '--token-cache', cache], { env: { PINGONE_API_URL: 'http://127.0.0.1:9/v1', PINGONE_AUTH_URL: 'http://127.0.0.1:9' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`holds a sign-in at ${sim.simulator.authUrl}, not at http://127.0.0.1:9`);
    expect(run.stderr).toContain('error code: settings-invalid');
    expect(JSON.parse(await readFile(cache, 'utf8'))).toMatchObject({ flow: 'device-code', tokenAuthMethod: 'NONE' });
  });
});
