import { describe, expect, it } from 'vitest';
import { clientSecret, fakeJwt, ids, startStub, tokenReply, type StubReply } from '../fetch/stub-server.js';
import { runCli } from '../helpers/run-cli.js';

const USER_ID = '55555555-5555-4555-8555-555555555555';
const appAssignments = `/environments/${ids.adminEnv}/applications/${ids.client}/roleAssignments`;
const userAssignments = `/environments/${ids.adminEnv}/users/${USER_ID}/roleAssignments`;
const list = (key: string, items: unknown[], extra: Record<string, unknown> = {}): StubReply => ({ body: { _embedded: { [key]: items }, size: items.length, ...extra } });
const readOnly = { id: 'assignment-1', role: { id: 'role-read-only' }, scope: { type: 'ENVIRONMENT', id: ids.adminEnv } };
const noteFor = (path: string) =>
  `A list read to its end did not hold as many items as its count said: ${path} returned 1 and counted 2 (changed while read, or cut short by the server); collect again to check.`;
const userToken = fakeJwt({ sub: USER_ID, client_id: ids.client, env: ids.adminEnv, org: ids.org, exp: 4_000_000_000 });

/**
 * Runs `args` against a stub PingOne whose role assignment lists (the worker app's and the user's) hold one item and
 * count `count`; the token endpoint issues `token`, to client credentials or a device sign-in alike.
 */
async function runWithCount(count: number, args: string[], token?: string): Promise<Awaited<ReturnType<typeof runCli>>> {
  const server = await startStub((request) => {
    if (request.url === `/${ids.adminEnv}/as/device_authorization`) {
      return { body: { device_code: 'device-code', user_code: 'BCDF-GHJK', verification_uri: 'https://auth.example/activate', expires_in: 600, interval: 1 } };
    }
    const issued = tokenReply(request, token);
    if (issued !== undefined) return issued;
    const where = new URL(request.url, 'http://stub').pathname.replace(/^\/v1/, '');
    if (where === appAssignments || where === userAssignments) return list('roleAssignments', [readOnly], { count });
    if (where === `/environments/${ids.adminEnv}/applications/${ids.client}`) return { body: { id: ids.client, name: 'pingone-audit' } };
    if (where === `/environments/${ids.adminEnv}/users/${USER_ID}`) return { body: { id: USER_ID, username: 'reviewer', memberOfGroupIDs: [] } };
    if (where === '/environments') return list('environments', [{ id: ids.adminEnv, name: 'Administrators' }], { count: 1 });
    return list(where.split('/').at(-1) ?? '', []);
  });
  try {
    const env = { PINGONE_CLIENT_ID: ids.client, PINGONE_ENVIRONMENT_ID: ids.adminEnv, PINGONE_API_URL: `${server.origin}/v1`, PINGONE_AUTH_URL: server.origin };
    return await runCli([...args, '--max-rps', '500'], { env: token === undefined ? { ...env, PINGONE_CLIENT_SECRET: clientSecret } : env });
  } finally {
    await server.close();
  }
}

const whoamiWithCount = (count: number, format: 'table' | 'json') => runWithCount(count, ['whoami', '-f', format]);
const occurrences = (text: string, part: string): number => text.split(part).length - 1;

describe('whoami reading a list that ends short of its own count', () => {
  // The roles shown may lack one: said as scan says it, never silent, and the verdict is what it would be otherwise.
  it.each(['table', 'json'] as const)('warns once on stderr in the collector’s words (-f %s), and keeps its exit code', async (format) => {
    const [short, whole] = [await whoamiWithCount(2, format), await whoamiWithCount(1, format)];
    expect(occurrences(short.stderr, `warning: ${noteFor(appAssignments)}\n`)).toBe(1);
    expect(whole.stderr).not.toContain('warning:');
    expect(short.code).toBe(whole.code);
    expect(`${short.stdout}${short.stderr}`).not.toContain(clientSecret);
  });

  it('lists it among the JSON report’s warnings', async () => {
    const run = await whoamiWithCount(2, 'json');
    expect((JSON.parse(run.stdout) as { warnings: string[] }).warnings).toEqual([noteFor(appAssignments)]);
    expect((JSON.parse((await whoamiWithCount(1, 'json')).stdout) as { warnings: string[] }).warnings).toEqual([]);
  });
});

describe('login reading its user’s role assignments short of their count', () => {
  it('warns once on stderr, as whoami does', async () => {
    const [short, whole] = [await runWithCount(2, ['login', '--auth', 'device-code'], userToken), await runWithCount(1, ['login', '--auth', 'device-code'], userToken)];
    expect(short.code, short.stderr).toBe(0);
    expect(short.stdout).toContain('Signed in.');
    expect(occurrences(short.stderr, `warning: ${noteFor(userAssignments)}\n`)).toBe(1);
    expect(whole.stderr).not.toContain('warning:');
  });
});
