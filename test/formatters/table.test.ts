import { describe, expect, it } from 'vitest';
import { environmentLabeller } from '../../src/formatters/environment-label.js';
import type { FormatContext } from '../../src/formatters/format-context.js';
import { formatTable, MAX_FINDINGS_LISTED } from '../../src/formatters/table.js';
import { cleanResult, sampleResult } from './fixtures.js';

const ANSI = /\u001b\[[0-9;]*m/;

function lines(text: string): string[] {
  return text.split('\n');
}

describe('table formatter', () => {
  it('renders findings, not-evaluated rules, rule errors and the summary (reviewed snapshot)', async () => {
    const text = formatTable(sampleResult(), { color: false, columns: 100, snapshotDir: 'snapshots/acme' });
    await expect(text).toMatchFileSnapshot('__snapshots__/table-sample-100.txt');
  });

  it('lists suppressed findings with their reason when asked (reviewed snapshot, 80 columns)', async () => {
    const text = formatTable(sampleResult(), { color: false, columns: 80, includeSuppressed: true });
    await expect(text).toMatchFileSnapshot('__snapshots__/table-sample-80-suppressed.txt');
    const wide = formatTable(sampleResult(), { color: false, columns: 160, includeSuppressed: true });
    expect(wide).toContain('Suppressed: Test-only app, no real users; replaced in Q3.');
    expect(formatTable(sampleResult(), { color: false, columns: 160 })).not.toContain('Test Harness');
  });

  it('reads well when there is nothing to report', async () => {
    const text = formatTable(cleanResult(), { color: false });
    await expect(text).toMatchFileSnapshot('__snapshots__/table-clean.txt');
    expect(text).toBe('No findings · 8 rules run\n');
  });

  it.each([80, 100, 120, 160])('fits a %i-column terminal', (columns) => {
    const text = formatTable(sampleResult(), { color: false, columns, includeSuppressed: true });
    const widest = Math.max(...lines(text).map((line) => [...line].length));
    expect(widest).toBeLessThanOrEqual(columns);
  });

  it('lists findings most severe first, each followed by its whole rule id, environment, file and line', () => {
    const text = formatTable(sampleResult(), { color: false, columns: 160 });
    const severities = [...text.matchAll(/^│ (CRITICAL|HIGH|MEDIUM|LOW|INFO) /gm)].map((match) => match[1]);
    expect(severities).toEqual(['CRITICAL', 'HIGH', 'HIGH', 'MEDIUM', 'LOW', 'INFO']);
    expect(text).toMatch(/│ role-org-admin-sprawl {2}organization {2}roles\/b2d4f6a8-0000-4000-8000-000000000003\.json /);
    expect(text).toMatch(/applications\/a1c3e5f7-0000-4000-8000-000000000001\.json:24 /);
  });

  it('ends with a summary line that counts what matters, broken between parts on a narrow terminal', () => {
    const wide = lines(formatTable(sampleResult(), { color: false, columns: 160 })).slice(-3, -1);
    expect(wide).toEqual([
      '6 findings (1 critical, 2 high, 1 medium, 1 low, 1 info) · 1 suppressed · 6 of 8 rules evaluated · 1 not evaluated (data missing) · 1 rule error ·',
      'collection incomplete',
    ]);
    expect(lines(formatTable(sampleResult(), { color: false, columns: 80 })).slice(-4)).toEqual([
      '6 findings (1 critical, 2 high, 1 medium, 1 low, 1 info) · 1 suppressed ·',
      '6 of 8 rules evaluated · 1 not evaluated (data missing) · 1 rule error ·',
      'collection incomplete',
      '',
    ]);
  });

  it('uses ANSI colour only when asked', () => {
    const coloured: FormatContext = { color: true, includeSuppressed: true };
    expect(formatTable(sampleResult(), coloured)).toMatch(ANSI);
    expect(formatTable(sampleResult(), coloured)).toMatch(/\u001b\[1m\u001b\[31mCRITICAL\u001b\[/);
    expect(formatTable(cleanResult(), { color: true })).toMatch(ANSI);
    expect(formatTable(sampleResult(), { color: false, includeSuppressed: true })).not.toMatch(ANSI);
    expect(formatTable(cleanResult(), { color: false })).not.toMatch(ANSI);
  });

  it('keeps the same layout with colour on, only adding the codes', () => {
    const stripped = formatTable(sampleResult(), { color: true }).replace(new RegExp(ANSI.source, 'g'), '');
    expect(stripped).toBe(formatTable(sampleResult(), { color: false }));
  });
});

describe('environment names', () => {
  it('names an environment the snapshot recorded, and falls back to its id otherwise', () => {
    const label = environmentLabeller({ snapshot: { createdAt: '', environmentIds: ['e1', 'e2'], environments: [{ id: 'e1', name: 'Production' }] } });
    expect([label('e1'), label('e2'), label(null)]).toEqual(['Production', 'e2', 'organization']);
  });
});

describe('a long list of findings', () => {
  it('shows the most severe ones up to the cap and says how many more there are and where to read them', () => {
    const sample = sampleResult();
    const many = Array.from({ length: MAX_FINDINGS_LISTED + 7 }, (_, i) => ({ ...sample.findings[0]!, fingerprint: `f${i}`, resource: { ...sample.findings[0]!.resource, name: `App ${i}` } }));
    const text = formatTable({ ...sample, findings: many }, { color: false, columns: 120 });
    expect(text).toContain(`App ${MAX_FINDINGS_LISTED - 1}`);
    expect(text).not.toMatch(new RegExp(`App ${MAX_FINDINGS_LISTED}\\b`));
    expect(text).toContain('… and 7 more, less severe');
  });
});
