import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors.js';
import { createApiClient, resolveConnectionSettings, signIn } from '../../src/fetch/index.js';
import { browserSigningInAs, settingsFor, reviewerTestBed, type ReviewerSimulator } from './login-fixture.js';

const bed = reviewerTestBed('pingone-audit-login-');
const reviewer = bed.reviewer;

const tokensIssued = (sim: ReviewerSimulator) => sim.simulator.requestLog.filter((entry) => entry.path.endsWith('/as/token') && entry.status === 200).length;

describe('authorization code + PKCE through the loopback redirect', () => {
  it('signs the user in, and the API client then calls with the user’s roles', async () => {
    const sim = await reviewer();
    const settings = settingsFor(sim.flags({ auth: 'authorization-code' }));
    const browser = browserSigningInAs('bruno.costa');
    const said: string[] = [];
    await signIn(settings, { openBrowser: browser.open, write: (text) => said.push(text) });

    const authorize = new URL(browser.visited[0]!);
    expect(authorize.pathname).toBe(`/${sim.ids.adminEnv}/as/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      redirect_uri: `http://127.0.0.1:${sim.port}/callback`,
      code_challenge_method: 'S256',
      scope: 'openid',
    });
    for (const param of ['state', 'nonce', 'code_challenge']) expect(authorize.searchParams.get(param)?.length).toBeGreaterThanOrEqual(43);
    expect(said.join('')).toContain(authorize.href);

    const client = createApiClient(settings, { maxRps: 500, retry: { propagationRetries: 0 } });
    try {
      expect(await client.tokenClaims()).toMatchObject({ authorizationModel: 'user', subject: sim.ids.bruno });
      await expect(client.get(`/environments/${sim.ids.prodEnv}/signOnPolicies`)).resolves.toBeDefined();
      await expect(client.get(`/environments/${sim.ids.adminEnv}/users`)).rejects.toMatchObject({ status: 403 });
    } finally {
      await client.close();
    }
    const token = settings.credentials.kind === 'userSignIn' ? settings.credentials.session!.accessToken.reveal() : '';
    expect(said.join('')).not.toContain(token);
    expect(JSON.stringify(settings)).not.toContain(token);
  });

  it('refuses a redirect that carries another state, and closes the listener', async () => {
    const sim = await reviewer();
    const settings = settingsFor(sim.flags({ auth: 'authorization-code' }));
    const browser = browserSigningInAs('bruno.costa', (callback) => callback.searchParams.set('state', 'forged'));
    const failure = await signIn(settings, { openBrowser: browser.open, write: () => undefined }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UserFacingError);
    expect((failure as Error).message).toMatch(/state this sign-in did not send/);
    expect(tokensIssued(sim)).toBe(0);
    await expect(fetch(`http://127.0.0.1:${sim.port}/callback`)).rejects.toThrow();
  });

  it('reports an authorize refusal (the app not allowing the user in) without a token request', async () => {
    const sim = await reviewer();
    const settings = settingsFor(sim.flags({ auth: 'authorization-code' }));
    const failure = await signIn(settings, { openBrowser: browserSigningInAs('nobody.here').open, write: () => undefined }).catch((error: unknown) => error);
    expect((failure as Error).message).toMatch(/PingOne did not sign you in \(access_denied/);
    expect(tokensIssued(sim)).toBe(0);
  });

  it('says which port is busy when the redirect port is taken', async () => {
    const sim = await reviewer();
    const blocker = (await import('node:http')).createServer();
    await new Promise<void>((resolve) => blocker.listen(sim.port, '127.0.0.1', resolve));
    try {
      const settings = settingsFor(sim.flags({ auth: 'authorization-code' }));
      await expect(signIn(settings, { openBrowser: async () => true, write: () => undefined })).rejects.toThrow(/port is in use/);
    } finally {
      blocker.close();
    }
  });
});

describe('device code', () => {
  it('shows the code, polls at the interval, adds 5 s on slow_down, waits through authorization_pending, and signs in', async () => {
    let clock = Date.now();
    const sim = await reviewer({ now: () => clock });
    const settings = settingsFor(sim.flags({ auth: 'device-code' }));
    const sleeps: number[] = [];
    const said: string[] = [];
    await signIn(settings, {
      write: (text) => said.push(text),
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += sleeps.length === 1 ? 1000 : ms; // the first wait falls short: the server says slow_down
        if (sleeps.length === 3) sim.simulator.approveDevice(/code ([B-Z]{4}-[B-Z]{4})/.exec(said.join(''))![1]!, 'dana.okafor');
      },
    });
    expect(sleeps).toEqual([5000, 10_000, 10_000]);
    const polls = sim.simulator.requestLog.filter((entry) => entry.path.endsWith('/as/token'));
    expect(polls.map((entry) => entry.status)).toEqual([400, 400, 200]);
    expect(said.join('')).toContain(`${sim.simulator.authUrl}/${sim.ids.adminEnv}/device`);
    const client = createApiClient(settings, { maxRps: 500 });
    try {
      expect(await client.tokenClaims()).toMatchObject({ authorizationModel: 'user', subject: sim.ids.dana });
    } finally {
      await client.close();
    }
  });

  it('ends with a clear error when the user denies, or the code expires', async () => {
    let clock = Date.now();
    const sim = await reviewer({ now: () => clock });
    const code = (said: string[]) => /code ([B-Z]{4}-[B-Z]{4})/.exec(said.join(''))![1]!;
    const deny: string[] = [];
    const denied = signIn(settingsFor(sim.flags({ auth: 'device-code' })), {
      write: (text) => deny.push(text),
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
        sim.simulator.denyDevice(code(deny));
      },
    });
    await expect(denied).rejects.toThrow(/denied on the verification page/);
    const expired = signIn(settingsFor(sim.flags({ auth: 'device-code' })), {
      write: () => undefined,
      now: () => clock,
      sleep: async () => {
        clock += 700_000;
      },
    });
    await expect(expired).rejects.toThrow(/device code expired/);
  });

  // A real timer past 2^31 ms fires after 1 ms: an interval of 10^9 s would have polled the token endpoint in a tight loop.
  it('waits no longer than the code lives, whatever interval the server asks, then says the code expired', async () => {
    let clock = Date.now();
    const sim = await reviewer({ now: () => clock, devicePollingInterval: 1e9 });
    const sleeps: number[] = [];
    const signingIn = signIn(settingsFor(sim.flags({ auth: 'device-code' })), {
      write: () => undefined,
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    });
    await expect(signingIn).rejects.toThrow(/device code expired/);
    expect(sleeps.length).toBeGreaterThan(0);
    for (const ms of sleeps) expect(ms).toBeLessThanOrEqual(600_000);
  });

  // RFC 8628 §3.5: slow_down asks for a longer interval, not a longer life; a server that says it for ever must not keep
  // the run polling past expires_in. The server's clock stands still here, so every poll after the first is too soon.
  it('says the code expired at its deadline when the server answers slow_down to every poll', async () => {
    const serverClock = Date.now();
    let clock = serverClock;
    const sim = await reviewer({ now: () => serverClock });
    let polls = 0;
    const signingIn = signIn(settingsFor(sim.flags({ auth: 'device-code' })), {
      write: () => undefined,
      now: () => clock,
      sleep: async (ms) => {
        polls += 1;
        if (polls > 40) throw new Error("still polling long past the code's life");
        clock += ms;
      },
    });
    await expect(signingIn).rejects.toThrow(/device code expired/);
    const answers = sim.simulator.requestLog.filter((entry) => entry.path.endsWith('/as/token')).map((entry) => entry.status);
    expect(answers.length).toBeGreaterThan(2);
    expect(answers.every((status) => status === 400)).toBe(true);
  });
});

describe('--token-cache', () => {
  it('writes the token with mode 0600, reuses it without a new sign-in, and renews it with the refresh token', async () => {
    const sim = await reviewer();
    const cache = path.join(bed.work(), 'reuse.json');
    const browser = browserSigningInAs('alice.nakamura');
    await signIn(settingsFor(sim.flags({ auth: 'authorization-code', tokenCache: cache })), { openBrowser: browser.open, write: () => undefined });
    expect((await stat(cache)).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(await readFile(cache, 'utf8')) as { accessToken: string; refreshToken: string };
    expect(saved.refreshToken).toBeTruthy();

    const again = settingsFor(sim.flags({ auth: 'authorization-code', tokenCache: cache }));
    await signIn(again, { openBrowser: browser.open, write: () => undefined });
    expect(browser.visited).toHaveLength(1);
    expect(again.credentials.kind === 'userSignIn' && again.credentials.session?.accessToken.reveal()).toBe(saved.accessToken);

    const later = settingsFor(sim.flags({ auth: 'authorization-code', tokenCache: cache }));
    await signIn(later, { openBrowser: browser.open, write: () => undefined, now: () => Date.now() + 7200_000 });
    expect(browser.visited).toHaveLength(1);
    const renewed = JSON.parse(await readFile(cache, 'utf8')) as { accessToken: string; refreshToken: string };
    expect(renewed.refreshToken).not.toBe(saved.refreshToken);
    expect((await stat(cache)).mode & 0o777).toBe(0o600);
  });

  it('refuses a cache file that others can read, before any sign-in', async () => {
    const sim = await reviewer();
    const cache = path.join(bed.work(), 'shared.json');
    await writeFile(cache, '{}', { mode: 0o644 });
    const browser = browserSigningInAs('alice.nakamura');
    await expect(signIn(settingsFor(sim.flags({ auth: 'authorization-code', tokenCache: cache })), { openBrowser: browser.open, write: () => undefined })).rejects.toThrow(
      /readable or writable by others \(mode 644\)/,
    );
    expect(browser.visited).toEqual([]);
    expect(await readFile(cache, 'utf8')).toBe('{}');
  });
});

describe('--token-cache holding something else', () => {
  const secretContent = 'canary-content-of-the-file-never-printed';

  it('warns, naming the file and what to do, before it replaces a cache of another format version, and never prints its content', async () => {
    const sim = await reviewer();
    const cache = path.join(bed.work(), 'newer.json');
    await writeFile(cache, JSON.stringify({ version: 2, accessToken: secretContent }), { mode: 0o600 });
    const browser = browserSigningInAs('alice.nakamura');
    const said: string[] = [];
    await signIn(settingsFor(sim.flags({ auth: 'authorization-code', tokenCache: cache })), { openBrowser: browser.open, write: (text) => said.push(text) });
    const warning = said.findIndex((text) => text.startsWith('warning: '));
    expect(said[warning]).toBe(
      `warning: The token cache ${cache} is in format version 2, which this pingone-audit (format 1) does not read: signing in replaces it. To keep it, stop now (Ctrl-C) and pass --token-cache another file, or use the pingone-audit that wrote it.\n`,
    );
    // Said before the sign-in, while there is still time to stop.
    expect(warning).toBe(0);
    expect(said.join('')).not.toContain(secretContent);
    expect(JSON.parse(await readFile(cache, 'utf8'))).toMatchObject({ version: 1 });
  });

  it.each([
    ['not JSON', `-----BEGIN OPENSSH PRIVATE KEY-----\n${secretContent}\n`],
    ['JSON without a format version', JSON.stringify({ token: secretContent })],
    // Some other tool's private settings with a whole `version`: not a pingone-audit cache of another format.
    ['JSON with a version but no member a cache holds', JSON.stringify({ version: 2, token: secretContent })],
  ])('refuses a private file that is no token cache (%s) before any sign-in, and leaves it as it was', async (_label, content) => {
    const sim = await reviewer();
    const cache = path.join(bed.work(), `not-a-cache-${Math.random().toString(36).slice(2)}`);
    await writeFile(cache, content, { mode: 0o600 });
    const browser = browserSigningInAs('alice.nakamura');
    const error = await signIn(settingsFor(sim.flags({ auth: 'authorization-code', tokenCache: cache })), { openBrowser: browser.open, write: () => undefined }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).errorCode).toBe('token-cache-unsafe');
    expect((error as UserFacingError).message).toBe(`Refusing the token cache ${cache}: it is not a pingone-audit token cache, and signing in would overwrite it.`);
    expect(`${(error as UserFacingError).message} ${(error as UserFacingError).hint}`).not.toContain(secretContent);
    expect(browser.visited).toEqual([]);
    expect(await readFile(cache, 'utf8')).toBe(content);
  });
});

describe('settings for a user sign-in', () => {
  it('refuses --auth implicit in one line that cites RFC 9700 §2.1.2', () => {
    const failure = (() => {
      try {
        resolveConnectionSettings({ auth: 'implicit' }, {});
      } catch (error) {
        return error as UserFacingError;
      }
    })();
    expect(failure).toBeInstanceOf(UserFacingError);
    expect(failure!.message).toMatch(/RFC 9700 §2\.1\.2/);
    expect(failure!.message).not.toContain('\n');
    expect(failure!.hint).toBeUndefined();
  });

  it('is a public client by default and uses a secret when one is given; port and flow are checked', () => {
    const flags = { auth: 'device-code', clientId: '7d0c5a52-3f1e-4c8b-9a6d-2e4f8b1c0a93', environmentId: '3621852a-a713-4015-bb56-4b70a8499cce' };
    expect(resolveConnectionSettings(flags, {}).credentials).toMatchObject({ kind: 'userSignIn', flow: 'device-code', tokenAuthMethod: 'NONE', scope: 'openid', redirectPort: 7464 });
    expect(resolveConnectionSettings(flags, { PINGONE_CLIENT_SECRET: 's3cret' }).credentials).toMatchObject({ tokenAuthMethod: 'CLIENT_SECRET_BASIC' });
    // A worker's secret in the environment stays home when --client-id names the app a user signs in to.
    const workerEnv = { PINGONE_CLIENT_ID: '82cdd8b0-72df-41c0-954f-61d9fa0ba7c0', PINGONE_CLIENT_SECRET: 's3cret', PINGONE_CLIENT_PRIVATE_KEY_FILE: '/nonexistent/worker.pem' };
    const signIn = resolveConnectionSettings(flags, workerEnv);
    expect(signIn.credentials).toMatchObject({ tokenAuthMethod: 'NONE' });
    expect(signIn.credentials).not.toHaveProperty('clientSecret');
    expect(signIn.warnings).toContain('PINGONE_CLIENT_SECRET and PINGONE_CLIENT_PRIVATE_KEY_FILE are not used: they belong to PINGONE_CLIENT_ID, and --client-id names another application.');
    expect(resolveConnectionSettings(flags, { ...workerEnv, PINGONE_CLIENT_ID: flags.clientId.toUpperCase(), PINGONE_CLIENT_PRIVATE_KEY_FILE: '' }).credentials).toMatchObject({
      tokenAuthMethod: 'CLIENT_SECRET_BASIC',
    });
    expect(() => resolveConnectionSettings({ ...flags, redirectPort: 70000 }, {})).toThrow(/--redirect-port/);
    expect(() => resolveConnectionSettings({ ...flags, auth: 'password' }, {})).toThrow(/Unknown --auth/);
    expect(() => resolveConnectionSettings({ auth: 'authorization-code' }, {})).toThrow(/missing PINGONE_CLIENT_ID/);
  });
});
