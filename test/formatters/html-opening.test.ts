import { describe, expect, it } from 'vitest';
import type { AuditResult, Finding } from '../../src/engine/types.js';
import type { RuleFrameworks } from '../../src/frameworks/framework-ids.js';
import { formatHtml } from '../../src/formatters/html.js';
import { ENV_DEV, ENV_PROD, makeFinding, ruleMeta, sampleResult, summarize, cleanResult } from './fixtures.js';

const none = { 'iso-27001-2022': [], 'soc2-2017': [], 'cis-v8.1': [], 'pci-dss-4.0.1': [] };
const nist = (...controls: RuleFrameworks['nist-800-53-r5']): RuleFrameworks => ({ 'nist-800-53-r5': controls, ...none });
const highGate = { verdict: 'findings' as const, failOn: 'high' as const, failOnNew: false };

/** The text of the element with this id: tags dropped, entities left as they are. */
function textOf(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `element #${id}`).toBeGreaterThan(0);
  const end = html.indexOf(id === 'verdict' ? '</div>' : '</section>', start);
  return html
    .slice(start, end)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

/** A complete run (every rule evaluated) holding exactly these findings. */
function completeRun(findings: Finding[], extra: Partial<AuditResult> = {}): AuditResult {
  return summarize({ ...cleanResult(), findings, ...extra }, 8);
}

function high(id: string, environmentId: string, name: string): Finding {
  return makeFinding({ ruleId: 'app-implicit-grant', severity: 'high', environmentId, id, name, message: `${name} allows the implicit grant.` });
}

describe('HTML report: the verdict', () => {
  it('says not compliant against the gate in force, with why and the counts, and names what the incomplete run missed', () => {
    const verdict = textOf(formatHtml(sampleResult(), { color: false, gate: highGate }), 'verdict');
    expect(verdict).toContain('Not compliant');
    expect(verdict).toContain('3 findings of high severity or above');
    expect(verdict).toContain('gate: --fail-on high');
    expect(verdict).toContain('6 of 8 rules evaluated; 1 not evaluated because groupRoleAssignments could not be read');
    expect(verdict).toContain('1 rule failed with an error');
  });

  it('says not determined when the run is incomplete and nothing fails the gate: a partial result is never a pass', () => {
    const sample = sampleResult();
    const result = summarize({ ...sample, findings: sample.findings.filter((finding) => finding.severity === 'low' || finding.severity === 'info') }, 7);
    expect(textOf(formatHtml(result, { color: false, gate: { ...highGate, verdict: 'incomplete' } }), 'verdict')).toMatch(/^ ?id="verdict".*Not determined: incomplete/);
  });

  it('says compliant when every rule was evaluated and nothing reaches the gate', () => {
    const verdict = textOf(formatHtml(completeRun([]), { color: false, gate: { ...highGate, verdict: 'clean' } }), 'verdict');
    expect(verdict).toContain('Compliant');
    expect(verdict).not.toContain('Not compliant');
  });

  it('without a gate, judges as controls are: low and above fails, info alone does not', () => {
    const info = makeFinding({ ruleId: 'app-missing-description', severity: 'info', environmentId: ENV_DEV, id: 'a-1', name: 'Kiosk', message: 'Kiosk has no description.' });
    const low = makeFinding({ ruleId: 'app-stale-secret', severity: 'low', environmentId: ENV_DEV, id: 'a-2', name: 'Batch', message: 'Batch has an old secret.' });
    expect(textOf(formatHtml(completeRun([info]), { color: false }), 'verdict')).toContain('Compliant');
    expect(textOf(formatHtml(completeRun([low, info]), { color: false }), 'verdict')).toContain('Not compliant 1 finding of low severity or above (judged by the controls');
  });

  it('with --fail-on none, says that the run exits 0 although its controls fail, so a green CI job is not read as compliance', () => {
    const low = makeFinding({ ruleId: 'app-stale-secret', severity: 'low', environmentId: ENV_DEV, id: 'a-2', name: 'Batch', message: 'Batch has an old secret.' });
    const noGate = { verdict: 'clean' as const, failOn: 'none' as const, failOnNew: false, failOnOverdue: false };
    const failing = textOf(formatHtml(completeRun([low]), { color: false, gate: noGate }), 'verdict');
    expect(failing).toContain('Not compliant');
    expect(failing).toContain('no --fail-on gate is set, so the run still exits 0');
    const passing = textOf(formatHtml(completeRun([]), { color: false, gate: noGate }), 'verdict');
    expect(passing).toContain('Compliant');
    expect(passing).not.toContain('exits 0');
  });

  it('with --fail-on-overdue, fails on a planned fix past due and not on one still in time', () => {
    const planned = (overdue: boolean): Finding => ({
      ...high('a-3', ENV_PROD, 'Legacy SPA'),
      disposition: { kind: 'planned-fix', owner: 'iam-team', reason: 'Migrating to PKCE', due: overdue ? '2026-11-01' : '2027-01-31', overdue },
    });
    const overdueGate = { verdict: 'findings' as const, failOn: 'none' as const, failOnNew: false, failOnOverdue: true };
    expect(textOf(formatHtml(completeRun([planned(true)]), { color: false, gate: overdueGate }), 'verdict')).toContain('Not compliant 1 planned fix past its due date (gate: --fail-on-overdue ');
    expect(textOf(formatHtml(completeRun([planned(false)]), { color: false, gate: { ...overdueGate, verdict: 'clean' } }), 'verdict')).toContain('Compliant');
  });
});

describe('HTML report: fix first', () => {
  it('comes after the verdict and before the full list, most severe first, then admin actors, production, integrations, with owner and due date', () => {
    const findings = [
      high('a-sandbox', ENV_DEV, 'Sandbox App'),
      high('a-prod', ENV_PROD, 'Prod App'),
      high('a-admin', ENV_DEV, 'Admin Worker'),
      makeFinding({ ruleId: 'app-wildcard-redirect-uri', severity: 'critical', environmentId: ENV_DEV, id: 'a-crit', name: 'Wildcard App', message: 'Wildcard App accepts any subdomain.' }),
      makeFinding({ ruleId: 'app-missing-description', severity: 'info', environmentId: ENV_PROD, id: 'a-info', name: 'Quiet App', message: 'Quiet App has no description.' }),
    ];
    findings[0] = { ...findings[0]!, disposition: { kind: 'planned-fix', owner: 'team <b>x</b>', reason: 'r', due: '2027-02-01', overdue: false } };
    const sample = cleanResult();
    const environments = [
      { id: ENV_PROD, name: 'Production', type: 'PRODUCTION' },
      { id: ENV_DEV, name: 'Development', type: 'SANDBOX' },
    ];
    const result = completeRun(findings, { snapshot: { ...sample.snapshot, environments, exposure: { administrative: ['a-admin'], integrations: [] } } });
    const html = formatHtml(result, { color: false });
    expect(html.indexOf('id="verdict"')).toBeLessThan(html.indexOf('id="fix-first"'));
    expect(html.indexOf('id="fix-first"')).toBeLessThan(html.indexOf('id="findings"'));
    const fixFirst = textOf(html, 'fix-first');
    const order = ['Wildcard App', 'Admin Worker', 'Prod App', 'Sandbox App'].map((name) => fixFirst.indexOf(`${name} `));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(fixFirst).not.toContain('Quiet App');
    expect(fixFirst).toContain('1 info finding: advice');
    expect(fixFirst).toContain('planned fix, owner team &lt;b&gt;x&lt;/b&gt;, due 2027-02-01');
  });

  it('is capped at ten, saying how many more', () => {
    const findings = Array.from({ length: 13 }, (_, index) => high(`a-${index}`, ENV_PROD, `App ${index}`));
    const fixFirst = textOf(formatHtml(completeRun(findings), { color: false }), 'fix-first');
    expect(fixFirst).toContain('App 9 ');
    expect(fixFirst).not.toContain('App 10 ');
    expect(fixFirst).toContain('And 3 more');
  });
});

describe('HTML report: posture by framework', () => {
  /** The info rule alone behind NIST CM-6, the low one behind IA-5. */
  function mapped(findings: Finding[]): AuditResult {
    const result = completeRun(findings);
    const mapping: Record<string, RuleFrameworks> = { 'app-missing-description': nist('CM-6'), 'app-stale-secret': nist('IA-5') };
    return {
      ...result,
      rules: result.rules.map((rule) => {
        const frameworks = mapping[rule.id];
        return frameworks === undefined ? rule : { ...rule, meta: { ...rule.meta, frameworks } };
      }),
    };
  }
  const info = makeFinding({ ruleId: 'app-missing-description', severity: 'info', environmentId: ENV_DEV, id: 'a-1', name: 'Kiosk', message: 'Kiosk has no description.' });
  const controlRow = (html: string, id: string) => html.split('\n').find((line) => line.startsWith(`<tr><td><code>${id}</code>`)) ?? '';

  it('never fails a control, nor the framework, on an info finding', () => {
    const html = formatHtml(mapped([info]), { color: false, framework: 'nist-800-53-r5' });
    expect(controlRow(html, 'CM-6')).toContain('<span class="status pass">Pass</span>');
    expect(controlRow(html, 'CM-6')).toContain('pass (advisory) (1 open)');
    const summary = textOf(html, 'posture');
    expect(summary).toMatch(/NIST SP 800-53 Rev\. 5 Pass \d+ 0 0 0 \d+/);
  });

  it('fails a control on a low finding, and shows only the framework --framework names', () => {
    const low = makeFinding({ ruleId: 'app-stale-secret', severity: 'low', environmentId: ENV_DEV, id: 'a-2', name: 'Batch', message: 'Batch has an old secret.' });
    const html = formatHtml(mapped([low, info]), { color: false, framework: 'nist-800-53-r5' });
    expect(controlRow(html, 'IA-5')).toContain('<span class="status fail">Fail</span>');
    expect(textOf(html, 'posture')).toMatch(/NIST SP 800-53 Rev\. 5 Fail \d+ 1 0 0 \d+/);
    expect(textOf(html, 'posture')).not.toContain('ISO/IEC 27001');
    expect(textOf(formatHtml(mapped([low]), { color: false }), 'posture')).toContain('ISO/IEC 27001');
  });
});

describe('HTML report: rule text', () => {
  it('renders our own Markdown (code, strong, links) and never a tenant string as Markdown', () => {
    const result = completeRun([
      makeFinding({ ruleId: 'app-implicit-grant', severity: 'high', environmentId: ENV_PROD, id: 'a-1', name: '`evil` **bold** [x](https://evil.example)', message: 'See `this`.' }),
    ]);
    const remediation = ['Set `pkceEnforcement` to **S256_REQUIRED** (see [RFC 7636](https://www.rfc-editor.org/rfc/rfc7636)); a * alone stays.', 'Never [this](javascript:alert(1)) <b>.'];
    result.rules = result.rules.map((rule) =>
      rule.id === 'app-implicit-grant' ? { ...rule, meta: ruleMeta('Implicit grant', 'high', { docs: { rationale: 'Tokens in the `#fragment` leak.', remediation, references: [] } }) } : rule,
    );
    const html = formatHtml(result, { color: false });
    expect(html).toContain(
      '<li>Set <code>pkceEnforcement</code> to <strong>S256_REQUIRED</strong> (see <a href="https://www.rfc-editor.org/rfc/rfc7636" rel="noreferrer">RFC 7636</a>); a * alone stays.</li>',
    );
    expect(html).toContain('<li>Never [this](javascript:alert(1)) &lt;b&gt;.</li>');
    expect(html).toContain('<p>Tokens in the <code>#fragment</code> leak.</p>');
    expect(html).not.toMatch(/`pkceEnforcement`|<code>evil<\/code>|<strong>bold|href="https:\/\/evil/);
    expect(html).toContain('`evil` **bold** [x](https://evil.example)');
    expect(html).toContain('See `this`.');
  });
});
