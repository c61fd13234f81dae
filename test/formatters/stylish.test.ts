import { describe, expect, it } from 'vitest';
import type { AuditResult, Severity } from '../../src/engine/types.js';
import type { FormatContext } from '../../src/formatters/format-context.js';
import { formatStylish } from '../../src/formatters/stylish.js';
import { textWidth } from '../../src/output/terminal-layout.js';
import { RAW_TERMINAL_CONTROL } from '../helpers/hostile-strings.js';
import { cleanResult, ENV_PROD, makeFinding, sampleResult, summarize } from './fixtures.js';
import { hostileResult } from './hostile-result.js';

const SGR = /\u001b\[[0-9;]*m/g;
const failing: FormatContext['gate'] = { verdict: 'findings', failOn: 'high', failOnNew: false };

/** The sample with everything collected and evaluated: only its findings speak. */
function complete(): AuditResult {
  return summarize({ ...sampleResult(), notEvaluated: [], ruleErrors: [], collection: cleanResult().collection });
}

function lines(text: string): string[] {
  return text.replace(SGR, '').trimEnd().split('\n');
}

/** A file path standing alone on its line: the one thing allowed to run past the width, since it is never split. */
const LONE_PATH = /^ {2}\S+\.json$/;

describe('stylish formatter', () => {
  it('opens with the verdict, groups findings by environment and resource, and says where to read more (reviewed snapshot)', async () => {
    const text = formatStylish(sampleResult(), { color: false, columns: 100, snapshotDir: 'snapshots/acme', gate: failing });
    await expect(text).toMatchFileSnapshot('__snapshots__/stylish-sample-100.txt');
    const [first, second, third] = lines(text);
    // Incomplete wins: the sample has a 403 behind a rule, so it must not read as a plain FAIL or a pass.
    expect(first).toBe('INCOMPLETE  6 findings · 1 critical · 2 high · 1 medium · 1 low · 1 info · gate: --fail-on high');
    expect([second, third]).toEqual(['2 environments · 1 suppressed · 6 of 8 rules evaluated · 1 not evaluated (data missing) ·', '1 rule error · collection incomplete']);
    expect(lines(text).at(-2)).toMatch(/^More: pingone-audit explain <rule-id> · -f html -o report\.html/);
  });

  it.each([
    ['FAIL', complete(), failing],
    ['PASS', cleanResult(), { verdict: 'clean', failOn: 'high', failOnNew: false }],
    ['PASS', complete(), { verdict: 'clean', failOn: 'critical', failOnNew: false }],
    ['FINDINGS', complete(), { verdict: 'clean', failOn: 'none', failOnNew: false }],
    ['INCOMPLETE', sampleResult(), { verdict: 'clean', failOn: 'high', failOnNew: false }],
  ] satisfies Array<[string, AuditResult, FormatContext['gate']]>)('says %s first when the gate and the data say so', (word, result, gate) => {
    const text = formatStylish(result, { color: false, gate });
    expect(lines(text)[0]?.split('  ')[0]).toBe(word);
  });

  it('lists each finding on one line with its line number, severity, whole rule id and first sentence', () => {
    const sample = sampleResult();
    const named = { ...sample, snapshot: { ...sample.snapshot, environments: [{ id: ENV_PROD, name: 'Production' }] } };
    const text = formatStylish(named, { color: false, columns: 160 });
    // Each environment's heading gives its folder, and each resource its file from there.
    expect(text).toMatch(/^environments\/9b1d7e3a-5c2f-4e88-b0a4-7f6c2d1e3b55\/$/m);
    expect(text).toMatch(/^Production {2}environments\/4f2c0a6e-1b9d-4c77-9a51-0d3e8f2b6a10\/$/m);
    expect(text).toMatch(/^ {2}application Customer Portal {2}applications\/a1c3e5f7-0000-4000-8000-000000000001\.json$/m);
    expect(text).toMatch(/^Organization-wide\n {2}role Organization Admin {2}roles\/b2d4f6a8-0000-4000-8000-000000000003\.json$/m);
    expect(text).toMatch(/^ {4}:24 {2}critical {2}app-wildcard-redirect-uri {2}Customer Portal accepts the redirect URI/m);
    expect(text).toMatch(/^Organization-wide$/m);
    expect(text).toContain('[new] Legacy SPA allows the implicit grant.');
    // Environments in the order of their most severe finding; the engine's order inside each.
    const severities = [...text.matchAll(/^ {4} *:?\d* {2}(critical|high|medium|low|info) /gm)].map((match) => match[1]);
    expect(severities).toEqual(['critical', 'high', 'high', 'medium', 'low', 'info']);
  });

  it.each([60, 80, 100, 120])('fits a %i-column terminal and never splits a rule id', (columns) => {
    const result = sampleResult();
    const long = makeFinding({
      ruleId: 'client-secret-where-private-key-jwt-possible',
      severity: 'info',
      environmentId: ENV_PROD,
      id: 'a1c3e5f7-0000-4000-8000-000000000009',
      name: 'Batch',
      message: `${'Batch authenticates with a shared secret sent on every token request. '.repeat(3)}`,
    });
    const text = formatStylish(summarize({ ...result, findings: [...result.findings, long] }), { color: false, columns, includeSuppressed: true, verbose: columns === 60 });
    for (const line of lines(text)) if (!LONE_PATH.test(line)) expect(textWidth(line), line).toBeLessThanOrEqual(columns);
    for (const ruleId of [...result.findings, long].map((finding) => finding.ruleId)) expect(text).toMatch(new RegExp(`(^| )${ruleId}( |$)`, 'm'));
  });

  it('shortens a message to its first sentence and at most two lines, and shows all of it with verbose, with the remediation', () => {
    const message = `Legacy SPA allows the implicit grant, ${'so tokens travel in the URL fragment where history and referrers keep them, '.repeat(3)}end. Remove it.`;
    const result = summarize({
      ...cleanResult(),
      findings: [makeFinding({ ruleId: 'app-implicit-grant', severity: 'high', environmentId: ENV_PROD, id: 'a1', name: 'Legacy SPA', message, line: 3 })],
    });
    const brief = lines(formatStylish(result, { color: false, columns: 100 }));
    const row = brief.findIndex((line) => line.includes('app-implicit-grant'));
    expect(brief[row + 1]).toMatch(/…$/);
    expect(brief[row + 2]).not.toMatch(/^ {10,}\S/);
    expect(brief.join('\n')).not.toContain('Remove it.');
    expect(brief.join('\n')).toContain('--verbose for whole messages and how to fix');
    const verbose = formatStylish(result, { color: false, columns: 100, verbose: true });
    expect(verbose.replace(/\s+/g, ' ')).toContain('end. Remove it.');
    expect(verbose).toMatch(/^How to fix$/m);
    expect(verbose).toContain('- In the PingOne console, open the application.');
    expect(verbose).not.toContain('--verbose');
  });

  it('names the resources rules left unjudged, ten of them unless verbose', () => {
    const skipped = Array.from({ length: 12 }, (_, index) => ({
      ruleId: 'sign-on-policy-no-mfa',
      resource: { type: 'application' as const, id: `app-${index}`, name: `DaVinci App ${index}`, environmentId: ENV_PROD },
      reason: 'Signs in through a DaVinci flow policy, which this rule cannot read.',
    }));
    const result = { ...complete(), skipped };
    const brief = lines(formatStylish(result, { color: false, columns: 100 }));
    expect(brief).toContain('Not judged (12 resources): rules left these resources alone, so they neither pass nor fail');
    expect(brief).toContain(`  sign-on-policy-no-mfa  application DaVinci App 9 (${ENV_PROD})`);
    expect(brief.join('\n')).not.toContain('DaVinci App 10');
    expect(brief).toContain('  … and 2 more: --verbose, -f json, markdown or html list them all.');
    const verbose = formatStylish(result, { color: false, columns: 100, verbose: true });
    expect(verbose).toContain('DaVinci App 11');
    expect(verbose).not.toContain('… and 2 more');
  });

  it('colours only when asked, and only adds the codes', () => {
    const plain = formatStylish(sampleResult(), { color: false, gate: failing });
    const coloured = formatStylish(sampleResult(), { color: true, gate: failing });
    expect(plain).not.toMatch(SGR);
    expect(coloured).toMatch(/\u001b\[1m\u001b\[31mcritical/);
    expect(coloured.replace(SGR, '')).toBe(plain);
  });

  it('lets no control or bidi character of the tenant through', () => {
    const text = formatStylish(hostileResult(), { color: false, columns: 100, includeSuppressed: true, verbose: true });
    expect(text.replace(/\n/g, '')).not.toMatch(RAW_TERMINAL_CONTROL);
    // A severity no rule gives (from an edited baseline file) is shown as escaped text, not trusted.
    const odd = { ...sampleResult(), findings: [{ ...sampleResult().findings[0]!, severity: '\u001b[2Jhigh' as Severity }] };
    const shown = formatStylish(odd, { color: true, columns: 100 });
    expect(shown).toContain('\\x1B[2Jhigh');
    expect(shown).not.toContain('\u001b[2J');
  });

  it('reads in three lines when there is nothing to report, naming the folder its paths are in', () => {
    expect(formatStylish(cleanResult(), { color: false, snapshotFolder: 'snapshots/acme', gate: { verdict: 'clean', failOn: 'high', failOnNew: false } })).toBe(
      'PASS  no findings · gate: --fail-on high\n2 environments · 8 rules run\nsnapshot files in snapshots/acme\n',
    );
  });
});
