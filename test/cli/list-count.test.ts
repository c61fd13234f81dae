import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientSecret, ids, startStub, tokenReply, type StubReply } from '../fetch/stub-server.js';
import { runCli } from '../helpers/run-cli.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-list-count-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const environment = `/environments/${ids.env}`;
const list = (key: string, items: unknown[], extra: Record<string, unknown> = {}): StubReply => ({ body: { _embedded: { [key]: items }, size: items.length, ...extra } });

describe('scan of a list that ends short of its own count', () => {
  // Deletions while paging make it legitimate, so the read stands; a snapshot that may miss items is never silent.
  it('keeps the list, warns on stderr and notes it in the snapshot, and the run stays complete', async () => {
    const server = await startStub((request) => {
      const token = tokenReply(request);
      if (token !== undefined) return token;
      const url = new URL(request.url, 'http://stub');
      const where = url.pathname.replace(/^\/v1/, '');
      if (where === environment) return { body: { id: ids.env, name: 'Production', organization: { id: ids.org } } };
      if (where === `${environment}/applications`) return list('applications', [{ id: 'app-web', name: 'Portal', type: 'WEB_APP', protocol: 'OPENID_CONNECT', enabled: true }], { count: 3 });
      return list(where.split('/').at(-1) ?? '', []);
    });
    try {
      const env = { PINGONE_CLIENT_ID: ids.client, PINGONE_CLIENT_SECRET: clientSecret, PINGONE_ENVIRONMENT_ID: ids.adminEnv, PINGONE_API_URL: `${server.origin}/v1`, PINGONE_AUTH_URL: server.origin };
      const out = path.join(work, 'snapshot');
      const run = await runCli(['scan', '-e', ids.env, '--out', out, '-f', 'json', '--fail-on', 'none', '--max-rps', '500'], { env });
      const warning = `warning: A list read to its end did not hold as many items as its count said: ${environment}/applications returned 1 and counted 3 (changed while read, or cut short by the server); collect again to check.`;
      expect(run.stderr).toContain(`${warning}\n`);
      expect(run.stderr).not.toContain('collection incomplete');
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as { collection: { complete: boolean; notes?: string[] } };
      expect(report.collection.complete).toBe(true);
      expect(report.collection.notes).toContain(warning.slice('warning: '.length));
      // Read again later, the snapshot still says so: a report that passes it would otherwise show no sign of it.
      const audit = await runCli(['audit', out, '--fail-on', 'none'], { env: {} });
      expect(audit.code).toBe(0);
      expect(audit.stderr).toContain(`warning: snapshot ${out}: ${warning.slice('warning: '.length)}\n`);
    } finally {
      await server.close();
    }
  });
});
