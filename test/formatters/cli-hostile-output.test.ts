import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatters } from '../../src/formatters/index.js';
import { writeSnapshot } from '../../src/snapshot/write-snapshot.js';
import { RAW_TERMINAL_CONTROL, WORKFLOW_COMMAND_LINE } from '../helpers/hostile-strings.js';
import { runCli } from '../helpers/run-cli.js';
import { buildSnapshot, PROD_ENV_ID, webApp } from '../helpers/snapshot-builder.js';
import { EVERY_HOSTILE } from './hostile-result.js';

/** The lines the GitHub runner reads from a step's output: it ends a line at LF, CR or CRLF. */
const runnerLines = (text: string) => text.split(/\r\n|\r|\n/);

let work: string;
let snapshot: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-hostile-output-'));
  snapshot = path.join(work, 'snapshot');
  const app = webApp({ id: 'app-hostile', name: `\n::error title=pwned::x ${EVERY_HOSTILE}\tend`, grantTypes: ['IMPLICIT'], responseTypes: ['TOKEN'], tokenEndpointAuthMethod: 'NONE' });
  await writeSnapshot(buildSnapshot({ environments: [{ applications: [app] }] }), snapshot);
  const expired = { ruleId: 'implicit-grant', environmentId: PROD_ENV_ID, resourceId: 'app-hostile', reason: EVERY_HOSTILE, owner: EVERY_HOSTILE, expires: '2020-01-31' };
  await writeFile(path.join(work, 'suppressions.json'), JSON.stringify({ suppressions: [expired] }));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('audit with a hostile application name, every format', () => {
  it('prints the table and stderr without control characters or workflow commands, and writes every report', async () => {
    const files = ['markdown', 'csv', 'html', 'junit', 'sarif', 'json'].flatMap((format) => ['-f', format, '-o', path.join(work, `report.${format}`)]);
    const run = await runCli(['audit', snapshot, '--suppressions', 'suppressions.json', '--fail-on', 'info', '-f', 'table', ...files], { cwd: work });
    expect(run.code).toBe(1);
    // The expired suppression's hostile reason and owner: in the table on stdout, which carries the warnings.
    expect(run.stdout).toContain('expired on 2020-01-31');
    for (const output of [run.stdout, run.stderr]) {
      expect(output.replace(/\n/g, '')).not.toMatch(RAW_TERMINAL_CONTROL);
      for (const line of runnerLines(output)) expect(line).not.toMatch(WORKFLOW_COMMAND_LINE);
    }
    expect(run.stdout).toContain('\\x1B]52;c;');
    const json = JSON.parse(await readFile(path.join(work, 'report.json'), 'utf8')) as { findings: Array<{ resource: { name: string } }> };
    expect(json.findings.some((finding) => finding.resource.name.includes(EVERY_HOSTILE))).toBe(true);
  });
});

describe('a formatter that throws', () => {
  it('costs only its own report: the others are written, stderr names it, and the run exits 70', async () => {
    // Markdown is still made as one string (the growing reports are written piece by piece).
    const broken = vi.spyOn(formatters, 'markdown').mockImplementation(() => {
      throw new TypeError('markdown formatter broke');
    });
    try {
      const [markdown, json] = [path.join(work, 'broken.md'), path.join(work, 'after.json')];
      const run = await runCli(['audit', snapshot, '--fail-on', 'none', '-f', 'table', '-f', 'markdown', '-o', markdown, '-f', 'json', '-o', json], { cwd: work });
      expect(run.code).toBe(70);
      expect(run.stdout).toContain('implicit-grant');
      expect(existsSync(json)).toBe(true);
      expect(existsSync(markdown)).toBe(false);
      expect(run.stderr).toContain(`error: the markdown report (${markdown}) was not written: markdown formatter broke`);
      expect(run.stderr).toContain('pingone-audit: internal error.');
    } finally {
      broken.mockRestore();
    }
  });
});
