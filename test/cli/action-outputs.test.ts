import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/formatters/index.js';
import { runAuditStep } from '../helpers/action-step.js';

const REPORTS = { 'sarif-file': 'pingone-audit-results/pingone-audit.sarif', 'json-file': 'pingone-audit-results/pingone-audit.json', 'markdown-file': 'pingone-audit-results/pingone-audit.md' };

describe("the GitHub Action's outputs", () => {
  it('name the reports the run wrote, with its exit code', async () => {
    const { outputs, code } = await runAuditStep({ snapshot: 'pingone-snapshot' }, { writesReports: true, exitCode: 1 });
    expect(code).toBe(1);
    expect(outputs).toMatchObject({ ...REPORTS, 'exit-code': '1' });
  });

  // A later `upload-sarif` or `cp "$json-file" baseline.json` guarded by `!= ''` would fail on a missing file, or carry
  // a report of an earlier step (the same output-dir) as this run's.
  it('are empty for reports the run did not write (refused credentials: exit 2), even when an earlier step left files there', async () => {
    const { outputs, code } = await runAuditStep({ snapshot: 'pingone-snapshot' }, { exitCode: 2, earlierFiles: Object.values(REPORTS) });
    expect(code).toBe(2);
    expect(outputs).toMatchObject({ 'sarif-file': '', 'json-file': '', 'markdown-file': '', 'report-files': '{}', 'exit-code': '2' });
  });

  it('accept every format the CLI has, each in its own file, and list the files written', async () => {
    const formats = 'sarif,json,html,junit,csv,oscal-ar,oscal-poam,stylish,grid';
    const { outputs, recorded } = await runAuditStep({ snapshot: 'pingone-snapshot', formats }, { writesReports: true });
    const written = JSON.parse(outputs['report-files'] ?? '') as Record<string, string>;
    expect(Object.keys(written).sort()).toEqual([...FORMAT_NAMES].sort());
    expect(new Set(Object.values(written)).size).toBe(FORMAT_NAMES.length);
    for (const [format, file] of Object.entries(written)) expect(recorded.args.join(' ')).toContain(`-f ${format} -o ${file}`);
    expect(written).toMatchObject({ 'oscal-ar': 'pingone-audit-results/pingone-audit.oscal-ar.json', markdown: REPORTS['markdown-file'] });
  });

  // A workflow author (or an expression over a branch name) chooses output-dir: the JSON output must show every character of it.
  it('list the files written with bidi, zero-width and line-separator characters of output-dir escaped, parsing back the same', async () => {
    const outputDir = 'reports\u202ecod.exe\u200b\u2028';
    const { outputs } = await runAuditStep({ snapshot: 'pingone-snapshot', formats: 'json', 'output-dir': outputDir }, { writesReports: true });
    const text = outputs['report-files'] ?? '';
    expect(text).not.toMatch(/[\u200b\u202e\u2028]/);
    expect(text).toContain('reports\\u202ecod.exe\\u200b\\u2028/pingone-audit.json');
    expect(JSON.parse(text)).toMatchObject({ json: `${outputDir}/pingone-audit.json` });
  });

  it('refuse an unknown format before running the CLI (exit 2), naming it and the formats there are', async () => {
    const { code, stderr, recorded } = await runAuditStep({ snapshot: 'pingone-snapshot', formats: 'sarif,pdf' }, { exitCode: 2 });
    expect(code).toBe(2);
    expect(stderr).toContain("::error title=pingone-audit::Unknown format 'pdf' in formats (one of stylish, grid, json, sarif, markdown, html, junit, csv, oscal-ar, oscal-poam, table)");
    expect(recorded.args).toEqual([]);
  });

  // A later step reading `exit-code` or `fromJSON(report-files)` (after `continue-on-error`) needs them set on every exit.
  it.each([
    ['an unknown format', { formats: 'sarif,pdf' }],
    ['an unknown mode', { mode: 'scna' }],
  ])('are set on the exit 2 for %s, with no report', async (_, inputs) => {
    const { code, outputs } = await runAuditStep({ snapshot: 'pingone-snapshot', ...inputs }, { exitCode: 2, earlierFiles: Object.values(REPORTS) });
    expect(code).toBe(2);
    expect(outputs).toMatchObject({ 'sarif-file': '', 'json-file': '', 'markdown-file': '', 'report-files': '{}', 'exit-code': '2' });
  });

  // An id such as `*` must reach the CLI as written (and be refused there), never as the names of the files around it.
  it('pass each environment as written, split on spaces, commas and new lines, never expanded as a glob', async () => {
    const { recorded } = await runAuditStep({ environments: 'env-a,* env-b\nd?st' });
    const given = recorded.args.flatMap((arg, index) => (recorded.args[index - 1] === '-e' ? [arg] : []));
    expect(given).toEqual(['env-a', '*', 'env-b', 'd?st']);
  });

  it('keep an unknown mode to one workflow command, whatever it holds', async () => {
    const { stdout } = await runAuditStep({ mode: 'x\n::warning::injected%' }, { exitCode: 2 });
    expect(stdout).toContain("::error title=pingone-audit::Unknown mode 'x%0A::warning::injected%25' (scan, audit or terraform)");
    expect(stdout).not.toMatch(/^::warning::/m);
  });
});
