import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textWidth } from '../../src/output/terminal-layout.js';
import { runCli } from '../../src/run-cli.js';

const SGR = /\u001b\[[0-9;]*m/g;

interface TerminalRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with stdout as a terminal of `columns` (or a pipe when undefined), and `env` as the whole environment. */
async function runAt(args: string[], columns: number | undefined, env: Record<string, string> = {}): Promise<TerminalRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text), isTTY: columns !== undefined, columns },
    stderr: { write: (text: string) => (stderr += text) },
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

let work = '';
let snapshot = '';
/** The rule ids the demo's JSON report names, to check that the terminal shows each whole. */
let ruleIds: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'terminal-report-'));
  snapshot = path.join(work, 'snapshot');
  const demo = await runAt(['demo', '--out', snapshot, '-f', 'json', '-o', path.join(work, 'report.json')], undefined);
  expect(demo.code, demo.stderr).toBe(0);
  const report = JSON.parse(await readFile(path.join(work, 'report.json'), 'utf8')) as { findings: Array<{ ruleId: string }> };
  ruleIds = report.findings.map((finding) => finding.ruleId);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("the demo's audit on a terminal", () => {
  it('reports in about three lines per finding at 100 columns, verdict first, each rule id whole, in colour', async () => {
    const run = await runAt(['audit', snapshot, '--fail-on', 'medium'], 100);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(SGR);
    const lines = run.stdout.replace(SGR, '').trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^FAIL  ${ruleIds.length} findings · `));
    expect(lines[0]).toContain('gate: --fail-on medium');
    // The snapshot is outside the working folder, so its file paths are relative to it: the header says where it is.
    expect(lines[2]).toBe(`snapshot files in ${snapshot}`);
    // At most three lines per finding, the environment and resource headings included (blank lines between environments
    // not), a header of at most four and what follows the findings short. Each heading takes one line (the file is given
    // from its environment's folder), so many one-finding resources still stay within it.
    const header = lines.indexOf('');
    const after = lines.findIndex((line) => /^(Not evaluated|Not judged|Rule errors|More:)/.test(line));
    expect(header).toBeLessThanOrEqual(4);
    expect(lines.slice(header, after).filter((line) => line !== '').length).toBeLessThanOrEqual(3 * ruleIds.length);
    expect(lines.length - after).toBeLessThanOrEqual(12);
    for (const ruleId of ruleIds) expect(run.stdout.replace(SGR, '')).toMatch(new RegExp(`(^| )${ruleId}( |$)`, 'm'));
    for (const line of lines) expect(textWidth(line), line).toBeLessThanOrEqual(100);
    // The summary is on stdout already: stderr does not repeat it.
    expect(run.stderr).not.toContain('33 findings (');
  });

  it('is the default when piped too, 80 columns wide or as COLUMNS says, without colour unless FORCE_COLOR', async () => {
    const piped = await runAt(['audit', snapshot, '--fail-on', 'none'], undefined);
    expect(piped.stdout).not.toMatch(SGR);
    expect(piped.stdout).toMatch(/^FINDINGS {2}\d+ findings · [\s\S]*gate off \(--fail-on none\)/);
    const widest = (text: string) =>
      Math.max(
        ...text
          .split('\n')
          .filter((line) => !/^ {2}\S+\.json$/.test(line))
          .map((line) => textWidth(line)),
      );
    expect(widest(piped.stdout)).toBeLessThanOrEqual(80);
    const wide = await runAt(['audit', snapshot], undefined, { COLUMNS: '140' });
    expect(widest(wide.stdout)).toBeGreaterThan(100);
    expect(widest(wide.stdout)).toBeLessThanOrEqual(140);
    expect((await runAt(['audit', snapshot], undefined, { FORCE_COLOR: '1' })).stdout).toMatch(SGR);
    expect((await runAt(['audit', snapshot], 100, { NO_COLOR: '1' })).stdout).not.toMatch(SGR);
  });

  it('keeps the bordered grid as -f grid and its old name -f table', async () => {
    const grid = await runAt(['audit', snapshot, '-f', 'grid'], 100);
    const table = await runAt(['audit', snapshot, '-f', 'table'], 100);
    expect(grid.stdout).toMatch(/^┌/);
    expect(table.stdout).toBe(grid.stdout);
  });
});
