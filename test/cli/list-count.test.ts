import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientSecret, ids, startStub, tokenReply, type StubReply } from '../fetch/stub-server.js';
import { HOSTILE_STRINGS, RAW_TERMINAL_CONTROL, WORKFLOW_COMMAND_LINE } from '../helpers/hostile-strings.js';
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
const note = `A list read to its end did not hold as many items as its count said: ${environment}/applications returned 1 and counted 3 (changed while read, or cut short by the server); collect again to check.`;

interface JsonReport {
  collection: { complete: boolean; notes?: string[] };
  warnings?: Array<{ code: string; message: string }>;
}

/** Scans one environment whose application list says it counts `count` items and holds one, into `out`. */
async function scanWithCount(count: number, out: string): Promise<Awaited<ReturnType<typeof runCli>>> {
  const server = await startStub((request) => {
    const token = tokenReply(request);
    if (token !== undefined) return token;
    const where = new URL(request.url, 'http://stub').pathname.replace(/^\/v1/, '');
    if (where === environment) return { body: { id: ids.env, name: 'Production', organization: { id: ids.org } } };
    if (where === `${environment}/applications`) return list('applications', [{ id: 'app-web', name: 'Portal', type: 'WEB_APP', protocol: 'OPENID_CONNECT', enabled: true }], { count });
    return list(where.split('/').at(-1) ?? '', []);
  });
  try {
    const env = { PINGONE_CLIENT_ID: ids.client, PINGONE_CLIENT_SECRET: clientSecret, PINGONE_ENVIRONMENT_ID: ids.adminEnv, PINGONE_API_URL: `${server.origin}/v1`, PINGONE_AUTH_URL: server.origin };
    return await runCli(['scan', '-e', ids.env, '--out', out, '-f', 'json', '--fail-on', 'none', '--max-rps', '500'], { env });
  } finally {
    await server.close();
  }
}

const occurrences = (text: string, part: string): number => text.split(part).length - 1;
/** A terminal report's wrapped list items joined back into one line each. */
const unwrapped = (text: string): string => text.replace(/\n {4}(?=\S)/g, ' ');

describe('scan of a list that ends short of its own count', () => {
  const out = () => path.join(work, 'short');
  let run: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    run = await scanWithCount(3, out());
  });

  // Deletions while paging make it legitimate, so the read stands; a snapshot that may miss items is never silent.
  it('keeps the list, notes it in the snapshot, warns once on stderr and in the report, and the run stays complete', () => {
    // Said once: the report's warning line, not also the collection's.
    expect(occurrences(run.stderr, `warning: ${note}\n`)).toBe(1);
    expect(run.stderr).not.toContain('collection incomplete');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.collection.complete).toBe(true);
    expect(report.collection.notes).toContain(note);
    expect(report.warnings).toContainEqual({ code: 'list-count-mismatch', message: note });
  });

  // Read again later, every report says so: one handed to an auditor must not claim a complete collection silently.
  it.each([
    ['stylish', (stdout: string) => expect(unwrapped(stdout)).toContain(`Warnings (1)\n  - ${note}`)],
    // CSV holds findings only: its rows stay one shape for scripts, and the warning is on stderr.
    ['csv', (stdout: string) => expect(stdout).not.toContain('count said')],
    ['junit', (stdout: string) => expect(stdout).toContain(`<testcase classname="pingone-audit.warnings" name="list-count-mismatch: ${note}">`)],
    ['markdown', (stdout: string) => expect(stdout).toMatch(/### Warnings\n\n- A list read to its end did not hold as many items as its count said: .*applications returned 1 and counted 3/)],
    ['html', (stdout: string) => expect(stdout).toContain(note)],
    [
      'sarif',
      (stdout: string) => {
        const sarif = JSON.parse(stdout) as { runs: Array<{ invocations: Array<{ toolConfigurationNotifications: Array<{ descriptor?: { id: string }; message: { text: string } }> }> }> };
        const notifications = sarif.runs.flatMap((run) => run.invocations.flatMap((invocation) => invocation.toolConfigurationNotifications));
        expect(notifications).toContainEqual(expect.objectContaining({ descriptor: { id: 'list-count-mismatch' }, message: expect.objectContaining({ text: note }) }));
      },
    ],
    ['json', (stdout: string) => expect((JSON.parse(stdout) as JsonReport).warnings).toContainEqual({ code: 'list-count-mismatch', message: note })],
  ])('audit -f %s of that snapshot carries the warning', async (format, inReport) => {
    const audit = await runCli(['audit', out(), '-f', format, '--fail-on', 'none'], { env: {} });
    expect(audit.code).toBe(0);
    // Once: in the terminal report on stdout, else on stderr.
    expect(occurrences(audit.stderr, `warning: ${note}\n`)).toBe(format === 'stylish' ? 0 : 1);
    expect(audit.stderr).not.toContain(`warning: snapshot ${out()}`);
    inReport(audit.stdout);
  });
  // A note names a list by its path, and a committed snapshot is written by whoever can push to it: the warning is
  // tenant text, so each format's own sanitiser takes it as it takes every warning.
  it.each(['stylish', 'csv', 'markdown', 'html', 'sarif'])('audit -f %s keeps a hostile note inert', async (format) => {
    const hostile = path.join(work, `hostile-${format}`);
    await cp(out(), hostile, { recursive: true });
    const manifestFile = path.join(hostile, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { collection: { notes: string[] } };
    const attack = HOSTILE_STRINGS.map((hostile) => hostile.value).join(' ');
    manifest.collection.notes = manifest.collection.notes.map((text) => (text === note ? `${note} ${attack}` : text));
    await writeFile(manifestFile, JSON.stringify(manifest, null, 2));
    const audit = await runCli(['audit', hostile, '-f', format, '--fail-on', 'none'], { env: {} });
    expect(audit.code).toBe(0);
    // The terminal report on stdout carries it instead of stderr, each in its own sanitiser's escapes.
    const said = format === 'stylish' ? unwrapped(audit.stdout) : audit.stderr;
    const warningLine = said.split('\n').find((line) => line.startsWith(format === 'stylish' ? `  - ${note}` : `warning: ${note}`)) ?? '';
    expect(warningLine).toContain('Harmless app\\rEVIL');
    expect(audit.stderr.replace(/\n/g, '')).not.toMatch(RAW_TERMINAL_CONTROL);
    expect(audit.stderr).not.toMatch(WORKFLOW_COMMAND_LINE);
    if (format === 'markdown') expect(audit.stdout).not.toMatch(/(?<!\\)<(img|meta|script)\b|@octocat/i);
    if (format === 'html') {
      expect(audit.stdout).not.toMatch(/<(img|meta http-equiv=refresh|script)\b/i);
      expect(audit.stdout).not.toContain('content="0;url=');
    }
    // SARIF is JSON, not a terminal: it keeps the note whole, its controls JSON-escaped, as it keeps every warning.
    if (format === 'sarif') {
      const sarif = JSON.parse(audit.stdout) as { runs: Array<{ invocations: Array<{ toolConfigurationNotifications: Array<{ descriptor?: { id: string }; message: { text: string } }> }> }> };
      const texts = sarif.runs.flatMap((run) => run.invocations.flatMap((invocation) => invocation.toolConfigurationNotifications)).filter((item) => item.descriptor?.id === 'list-count-mismatch');
      expect(texts.length).toBeGreaterThan(0);
      for (const item of texts) expect(item.message.text).toContain(`${note} app`);
    }
    // What people read shows no raw control (CSV's CRLF record ends, RFC 4180 §2, are its own); SARIF, a data format, keeps the text whole.
    if (format !== 'sarif') expect(audit.stdout.replace(/\r?\n/g, '')).not.toMatch(RAW_TERMINAL_CONTROL);
  });
});

describe('scan of a list that holds as many items as its count', () => {
  it('notes nothing and warns of nothing', async () => {
    const out = path.join(work, 'whole');
    const run = await scanWithCount(1, out);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('count said');
    const report = JSON.parse(run.stdout) as JsonReport;
    expect((report.collection.notes ?? []).filter((text) => text.includes('count said'))).toEqual([]);
    expect((report.warnings ?? []).map((warning) => warning.code)).not.toContain('list-count-mismatch');
    const audit = await runCli(['audit', out, '-f', 'markdown', '--fail-on', 'none'], { env: {} });
    expect(audit.stderr).not.toContain('count said');
    expect(audit.stdout).not.toContain('count said');
  });
});
