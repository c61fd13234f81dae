import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Dataset, type RunningSimulator } from '../../src/simulator/index.js';
import { HOSTILE_STRINGS, RAW_TERMINAL_CONTROL } from '../helpers/hostile-strings.js';
import { demoDataset, environmentNamed, userNamed } from './simulator-client.js';

const SIGN_IN_APP = 'pingone-audit sign-in';
const SIGN_IN_APP_ID = 'c0f5d3a8-6e21-4b9f-8d47-1a2b3c4d5e6f';
const REDIRECT = 'http://127.0.0.1:7464/callback';

let simulator: RunningSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function start(change: (dataset: Dataset) => void = () => undefined) {
  const dataset = demoDataset();
  change(dataset);
  simulator = await startSimulator({ dataset });
  const admin = environmentNamed(dataset, 'Administrators');
  const app = admin.applications.find((candidate) => candidate.id === SIGN_IN_APP_ID)!;
  return { sim: simulator, dataset, adminEnv: admin.environment.id, app };
}

interface Page {
  status: number;
  headers: Headers;
  html: string;
  location?: string;
}

async function get(url: string): Promise<Page> {
  const response = await fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  return { status: response.status, headers: response.headers, html: await response.text(), ...(location === null ? {} : { location }) };
}

/** The page's form as a browser would submit it: hidden fields, the chosen radio button, the pressed button. */
function submit(page: Page, url: string, choose: Record<string, string>): string {
  const target = new URL(url);
  target.search = '';
  const fields = new URLSearchParams();
  for (const [, name, value] of page.html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) fields.set(decode(name!), decode(value!));
  for (const [name, value] of Object.entries(choose)) fields.set(name, value);
  target.search = fields.toString();
  return target.href;
}

const decode = (text: string): string =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The user ids the page offers as radio buttons (enabled ones), by name. */
const offered = (html: string, name: string): string[] => [...html.matchAll(new RegExp(`name="${name}" value="([^"]+)" required`, 'g'))].map((match) => match[1]!);

function authorizeUrl(sim: RunningSimulator, env: string, clientId: string, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT,
    scope: 'openid',
    state: 'st-1',
    code_challenge: 'c'.repeat(43),
    code_challenge_method: 'S256',
    ...extra,
  });
  return `${sim.authUrl}/${env}/as/authorize?${query}`;
}

async function startDevice(
  sim: RunningSimulator,
  env: string,
  clientId: string,
): Promise<{ device_code: string; user_code: string; verification_uri: string; verification_uri_complete: string; interval: number }> {
  const response = await fetch(`${sim.authUrl}/${env}/as/device_authorization`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: clientId }).toString(),
  });
  return (await response.json()) as never;
}

async function poll(sim: RunningSimulator, env: string, clientId: string, deviceCode: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${sim.authUrl}/${env}/as/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: clientId, grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: deviceCode }).toString(),
  });
  return (await response.json()) as Record<string, unknown>;
}

describe('the authorize step’s sign-in page', () => {
  it('lists the environment’s users, the ones the app turns away greyed out with why; picking one completes the redirect with a code', async () => {
    const { sim, dataset, adminEnv, app } = await start();
    const url = authorizeUrl(sim, adminEnv, app.id);
    const page = await get(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    // A browser holds the redirect after the form to form-action too: without the redirect URI's origin it stops there.
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self' http://127.0.0.1:7464;");
    expect(page.html).toContain(`<h1>Sign in to ${SIGN_IN_APP}</h1>`);
    const alice = userNamed(dataset, 'alice.nakamura').id;
    expect(offered(page.html, 'login_hint')).toContain(alice);
    expect(offered(page.html, 'login_hint')).not.toContain(userNamed(dataset, 'dana.okafor').id);
    expect(page.html).toMatch(/class="refused"><input type="radio" name="login_hint" disabled> dana\.okafor .*: The application admits admin users only/);
    const picked = await get(submit(page, url, { login_hint: alice }));
    expect(picked.status).toBe(302);
    const callback = new URL(picked.location!);
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT);
    expect(callback.searchParams.get('state')).toBe('st-1');
    expect(callback.searchParams.get('code')).toMatch(/^[\w-]{43}$/);
  });

  it('answers prompt=none with login_required instead of a page', async () => {
    const { sim, adminEnv, app } = await start();
    const answer = await get(authorizeUrl(sim, adminEnv, app.id, { prompt: 'none' }));
    expect(answer.status).toBe(302);
    expect(new URL(answer.location!).searchParams.get('error')).toBe('login_required');
  });
});

describe('the device verification page (RFC 8628 §3.3)', () => {
  it('takes the code as typed, shows it to confirm, lets an admitted user approve, and the device’s next poll gets its tokens', async () => {
    // A 1 s polling interval (the default is 5 s): the device waits one interval before its next poll.
    const { sim, dataset, adminEnv, app } = await start((data) => {
      environmentNamed(data, 'Administrators').applications.find((candidate) => candidate.id === SIGN_IN_APP_ID)!.devicePollingInterval = 1;
    });
    const device = await startDevice(sim, adminEnv, app.id);
    expect(device.interval).toBe(1);
    expect(device.verification_uri).toBe(`${sim.authUrl}/${adminEnv}/device`);
    const entry = await get(device.verification_uri);
    expect(entry.status).toBe(200);
    expect(entry.html).toContain('name="user_code"');
    const typed = device.user_code.toLowerCase().replace('-', '');
    const confirm = await get(`${device.verification_uri}?user_code=${typed}`);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain(`<span class="code">${device.user_code}</span>`);
    const bruno = userNamed(dataset, 'bruno.costa').id;
    const done = await get(submit(confirm, device.verification_uri, { user: bruno, decision: 'approve' }));
    expect(done.status).toBe(200);
    expect(done.html).toContain('bruno.costa is signed in to pingone-audit sign-in');
    // The code worked once: the page no longer knows it.
    expect((await get(device.verification_uri_complete)).status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const tokens = await poll(sim, adminEnv, app.id, device.device_code);
    expect(tokens).toMatchObject({ token_type: 'Bearer' });
    expect(JSON.parse(Buffer.from(String(tokens.access_token).split('.')[1]!, 'base64url').toString())).toMatchObject({ sub: bruno });
  }, 20_000);

  it('refuses a user the app turns away (nothing decided), and a deny ends the device’s wait with access_denied', async () => {
    const { sim, dataset, adminEnv, app } = await start((data) => {
      environmentNamed(data, 'Administrators').applications.find((candidate) => candidate.id === SIGN_IN_APP_ID)!.devicePollingInterval = 1;
    });
    const device = await startDevice(sim, adminEnv, app.id);
    const confirm = await get(device.verification_uri_complete);
    const refused = await get(submit(confirm, device.verification_uri, { user: userNamed(dataset, 'dana.okafor').id, decision: 'approve' }));
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('The application admits admin users only, and the user holds none of the admin roles.');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await poll(sim, adminEnv, app.id, device.device_code)).toMatchObject({ error: 'authorization_pending' });
    const denied = await get(submit(confirm, device.verification_uri, { decision: 'deny' }));
    expect(denied.html).toContain('Request denied');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await poll(sim, adminEnv, app.id, device.device_code)).toMatchObject({ error: 'access_denied' });
  }, 20_000);

  it('says so for a code nobody is waiting for, and a code from another environment', async () => {
    const { sim, dataset, adminEnv, app } = await start();
    const unknown = await get(`${sim.authUrl}/${adminEnv}/device?user_code=BCDF-GHJK`);
    expect(unknown.status).toBe(400);
    expect(unknown.html).toContain('No sign-in is waiting for the code BCDF-GHJK');
    const device = await startDevice(sim, adminEnv, app.id);
    const production = environmentNamed(dataset, 'Production').environment.id;
    expect((await get(`${sim.authUrl}/${production}/device?user_code=${device.user_code}`)).status).toBe(400);
  });
});

describe('sign-in pages treat dataset strings and the query as hostile', () => {
  it('escapes the app name, usernames, emails and a reflected user code', async () => {
    const hostile = HOSTILE_STRINGS.map((entry) => entry.value)
      .filter((value) => value.length < 1000)
      .join(' ');
    const { sim, adminEnv, app } = await start((data) => {
      const admin = environmentNamed(data, 'Administrators');
      admin.applications.find((candidate) => candidate.id === SIGN_IN_APP_ID)!.name = `${SIGN_IN_APP} ${hostile}`;
      const alice = admin.users.find((user) => user.username === 'alice.nakamura')!;
      alice.username = `alice ${hostile}`;
      alice.email = `"><script>alert(1)</script>@acme.example`;
    });
    const pages = [
      await get(authorizeUrl(sim, adminEnv, app.id, { state: '"><script>alert(2)</script>' })),
      await get(`${sim.authUrl}/${adminEnv}/device?user_code=${encodeURIComponent('<script>alert(3)</script>')}`),
      await get((await startDevice(sim, adminEnv, app.id)).verification_uri_complete),
    ];
    for (const page of pages) {
      expect(page.html).not.toMatch(/<script|<img|<meta http-equiv|<\/details>/i);
      expect(page.html).not.toMatch(RAW_TERMINAL_CONTROL);
    }
    expect(pages[0]!.html).toContain('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(pages[1]!.html).toContain('&lt;script&gt;alert(3)&lt;/script&gt;');
  });
});
