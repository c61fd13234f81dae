import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/engine/types.js';
import type { RuleFrameworks } from '../../src/frameworks/framework-ids.js';
import { frameworkPosture } from '../../src/frameworks/posture.js';
import { formatHtml } from '../../src/formatters/html.js';
import { formatStylish } from '../../src/formatters/stylish.js';
import { ENV_DEV, ENV_PROD, makeFinding, ruleMeta, sampleResult, summarize } from '../formatters/fixtures.js';

const none = { 'iso-27001-2022': [], 'soc2-2017': [], 'cis-v8.1': [], 'pci-dss-4.0.1': [] };
const nist = (...controls: RuleFrameworks['nist-800-53-r5']): RuleFrameworks => ({ 'nist-800-53-r5': controls, ...none });

/** Rules of the sample result mapped to NIST controls: an info rule alone behind CM-6, a low one behind IA-5, a gap behind AC-6. */
function mappedResult(): AuditResult {
  const sample = sampleResult();
  const mapping: Record<string, RuleFrameworks> = {
    'app-missing-description': nist('CM-6'),
    'app-stale-secret': nist('IA-5'),
    'group-admin-roles': nist('AC-6'),
    'app-wildcard-redirect-uri': nist('AC-3', 'AC-6(5)'),
  };
  return { ...sample, rules: sample.rules.map((rule) => ({ ...rule, meta: { ...rule.meta, ...(mapping[rule.id] ? { frameworks: mapping[rule.id] } : {}) } })) };
}

describe('a framework posture', () => {
  const posture = frameworkPosture(mappedResult(), 'nist-800-53-r5');
  const control = (id: string) => posture.controls.find((item) => item.id === id);

  it('never fails a control on info findings: they are advice', () => {
    expect(control('CM-6')).toMatchObject({ status: 'pass', rules: [{ ruleId: 'app-missing-description', standing: 'advisory', openFindings: 1 }] });
  });

  it('fails a control on a finding of low severity or above', () => {
    expect(control('IA-5')).toMatchObject({ status: 'fail', rules: [{ ruleId: 'app-stale-secret', standing: 'fail' }] });
    expect(control('AC-6(5)')?.status).toBe('fail');
  });

  it('says not evaluated when its only rule could not judge, and not covered when no rule maps to it', () => {
    expect(control('AC-6')).toMatchObject({ status: 'not-evaluated', rules: [{ ruleId: 'group-admin-roles', standing: 'not-evaluated' }] });
    expect(control('SC-13')).toMatchObject({ status: 'not-covered', rules: [] });
  });

  it('takes the standard’s status from its controls', () => {
    expect(posture.status).toBe('fail');
    expect(posture.counts.fail).toBe(3);
    const advisoryOnly = frameworkPosture(
      { ...mappedResult(), findings: mappedResult().findings.filter((finding) => finding.severity === 'info'), notEvaluated: [], ruleResults: [] },
      'nist-800-53-r5',
    );
    expect(advisoryOnly.status).toBe('pass');
    expect(advisoryOnly.counts['not-covered']).toBeGreaterThan(0);
  });

  it('is partial when one of a control’s rules could not judge and the others passed', () => {
    const result = mappedResult();
    result.rules = result.rules.map((rule) => (rule.id === 'app-wildcard-redirect-uri' ? { ...rule, meta: { ...rule.meta, frameworks: nist('AC-6') } } : rule));
    result.findings = [];
    expect(frameworkPosture(result, 'nist-800-53-r5').controls.find((item) => item.id === 'AC-6')?.status).toBe('partial');
  });
});

describe('the HTML report’s references', () => {
  it('do not show a standard failed because of an info finding', () => {
    const meta = ruleMeta('Client assertion audience', 'info', { docs: { rationale: 'Advice.', remediation: ['Check it.'], references: [{ title: 'RFC 7523 §2.2' }] } });
    const result = summarize({
      ...sampleResult(),
      rules: [{ id: 'assertion-audience', severity: 'info', meta }],
      findings: [makeFinding({ ruleId: 'assertion-audience', severity: 'info', environmentId: ENV_PROD, id: 'a-1', name: 'Auditor app', message: 'Auditor app: advice.' })],
      suppressed: [],
      notEvaluated: [],
      ruleErrors: [],
      ruleResults: [
        { ruleId: 'assertion-audience', environmentId: ENV_PROD, outcome: 'fail', findings: 1 },
        { ruleId: 'assertion-audience', environmentId: ENV_DEV, outcome: 'pass', findings: 0 },
      ],
    });
    const html = formatHtml(result, { color: false });
    const referenceRow = html.split('\n').find((line) => line.includes('RFC 7523 §2.2</td><td><code>assertion-audience'));
    expect(referenceRow).toContain('<span class="status pass">Pass</span>');
    expect(html).toContain('<span class="status pass">Pass (advisory)</span> <span class="muted">(1 open)</span>');
    const controls = html.slice(html.indexOf('<section id="controls"'), html.indexOf('</section>', html.indexOf('<section id="controls"')));
    expect(controls).not.toContain('status fail');
  });
});

describe('the terminal report with --framework', () => {
  it('lists each control with its status and rules, and the controls no rule covers', () => {
    const text = formatStylish(mappedResult(), { color: false, framework: 'nist-800-53-r5' });
    expect(text).toContain('NIST SP 800-53 Rev. 5: FAIL');
    expect(text).toMatch(/ {2}CM-6 +pass +Configuration Settings\n +rules: app-missing-description advisory \(1 open\)/);
    expect(text).toMatch(/ {2}SC-13 +not-covered +Cryptographic Protection\n +no rule covers this control/);
    expect(formatStylish(mappedResult(), { color: false })).not.toContain('NIST SP 800-53');
  });
});

describe('a framework none of whose controls a rule of the run covers', () => {
  it('is not evaluated, never a pass', () => {
    const unmapped = { ...mappedResult(), rules: mappedResult().rules.map((rule) => ({ ...rule, meta: { ...rule.meta, frameworks: nist() } })), findings: [] };
    const posture = frameworkPosture(unmapped, 'nist-800-53-r5');
    expect(posture.counts.pass + posture.counts.fail + posture.counts.partial + posture.counts['not-evaluated']).toBe(0);
    expect(posture.status).toBe('not-evaluated');
  });
});
