import { describe, expect, it } from 'vitest';
import { clientSecret, ids, startStub, tokenReply, type StubReply } from '../fetch/stub-server.js';
import { runCli } from '../helpers/run-cli.js';

const assignmentsPath = `/environments/${ids.adminEnv}/applications/${ids.client}/roleAssignments`;
const list = (key: string, items: unknown[], extra: Record<string, unknown> = {}): StubReply => ({ body: { _embedded: { [key]: items }, size: items.length, ...extra } });
const readOnly = { id: 'assignment-1', role: { id: 'role-read-only' }, scope: { type: 'ENVIRONMENT', id: ids.adminEnv } };
const note = `A list read to its end did not hold as many items as its count said: ${assignmentsPath} returned 1 and counted 2 (changed while read, or cut short by the server); collect again to check.`;

/** whoami as the stub's worker app, whose role assignments list holds one item and counts `count`. */
async function whoamiWithCount(count: number, format: 'table' | 'json'): Promise<Awaited<ReturnType<typeof runCli>>> {
  const server = await startStub((request) => {
    const token = tokenReply(request);
    if (token !== undefined) return token;
    const where = new URL(request.url, 'http://stub').pathname.replace(/^\/v1/, '');
    if (where === assignmentsPath) return list('roleAssignments', [readOnly], { count });
    if (where === `/environments/${ids.adminEnv}/applications/${ids.client}`) return { body: { id: ids.client, name: 'pingone-audit' } };
    if (where === '/environments') return list('environments', [{ id: ids.adminEnv, name: 'Administrators' }], { count: 1 });
    return list(where.split('/').at(-1) ?? '', []);
  });
  try {
    const env = { PINGONE_CLIENT_ID: ids.client, PINGONE_CLIENT_SECRET: clientSecret, PINGONE_ENVIRONMENT_ID: ids.adminEnv, PINGONE_API_URL: `${server.origin}/v1`, PINGONE_AUTH_URL: server.origin };
    return await runCli(['whoami', '-f', format, '--max-rps', '500'], { env });
  } finally {
    await server.close();
  }
}

describe('whoami reading a list that ends short of its own count', () => {
  // The roles shown may lack one: said as scan says it, never silent, and the verdict is what it would be otherwise.
  it.each(['table', 'json'] as const)('warns once on stderr in the collector’s words (-f %s), and keeps its exit code', async (format) => {
    const [short, whole] = [await whoamiWithCount(2, format), await whoamiWithCount(1, format)];
    expect(short.stderr.split(`warning: ${note}\n`).length - 1).toBe(1);
    expect(whole.stderr).not.toContain('warning:');
    expect(short.code).toBe(whole.code);
    expect(`${short.stdout}${short.stderr}`).not.toContain(clientSecret);
  });

  it('lists it among the JSON report’s warnings', async () => {
    const run = await whoamiWithCount(2, 'json');
    expect((JSON.parse(run.stdout) as { warnings: string[] }).warnings).toEqual([note]);
    expect((JSON.parse((await whoamiWithCount(1, 'json')).stdout) as { warnings: string[] }).warnings).toEqual([]);
  });
});
