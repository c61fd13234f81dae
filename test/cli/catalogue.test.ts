import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { textWidth } from '../../src/output/terminal-layout.js';
import { runCli } from '../helpers/run-cli.js';

describe('pingone-audit rules and explain', () => {
  it('lists every registered rule as JSON, with its packs', async () => {
    const run = await runCli(['rules', '-f', 'json']);
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as Array<{ id: string; packs: string[] }>;
    expect(listed.map((entry) => entry.id).sort()).toEqual(rules.map((rule) => rule.id).sort());
    expect(listed.find((entry) => entry.id === 'admin-role-missing')?.packs).toEqual(['all', 'recommended']);
  });

  it.each([80, 120])('lists every rule whole within a %i-column terminal, by category', async (columns) => {
    const run = await runCli(['rules'], { env: { COLUMNS: String(columns) } });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    for (const line of lines) expect(textWidth(line), line).toBeLessThanOrEqual(columns);
    for (const rule of rules) {
      const row = lines.findIndex((line) => new RegExp(`^ {2}${rule.id} +${rule.meta.severity} +all`).test(line));
      expect(row, rule.id).toBeGreaterThan(0);
      // The title beside its rule when there is room, on the lines under it when not.
      const block = lines
        .slice(row, row + 4)
        .join(' ')
        .replace(/\s+/g, ' ');
      expect(block).toContain(rule.meta.title);
    }
    expect(lines).toContain('applications');
    expect(lines[0]).toMatch(columns === 80 ? /^rule +severity +packs$/ : /^rule +severity +packs +title$/);
  });

  it('explains a rule with its rationale, remediation and references', async () => {
    const run = await runCli(['explain', 'admin-role-missing']);
    expect(run.code).toBe(0);
    const rule = rules.find((candidate) => candidate.id === 'admin-role-missing')!;
    expect(run.stdout).toContain(rule.meta.title);
    expect(run.stdout).toContain(rule.meta.docs.references[0]!.title);
  });

  it('suggests the closest rule id for a typo and exits 2', async () => {
    const run = await runCli(['explain', 'admin-role-mising']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Did you mean "admin-role-missing"?');
  });

  it('prints help with the exit codes', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/3 +collection incomplete/);
  });

  it('lists each --fail-on choice once in the demo help, with the demo default none', async () => {
    const run = await runCli(['demo', '--help']);
    expect(run.code).toBe(0);
    const failOn = run.stdout.slice(run.stdout.indexOf('--fail-on '), run.stdout.indexOf('--allow-incomplete'));
    expect(failOn.match(/"critical"/g)).toHaveLength(1);
    expect(failOn).toContain('[default: "none"]');
  });
});
