import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { explainRule } from '../../src/catalogue/explain-rule.js';
import { formatCatalogue } from '../../src/catalogue/format-catalogue.js';
import { toReportingDescriptor } from '../../src/formatters/sarif-rules.js';

const rule = rules.find((candidate) => candidate.id === 'actor-organization-admin')!;

describe('a rule’s framework controls', () => {
  it('are SARIF tags written framework/control', () => {
    const descriptor = toReportingDescriptor({ id: rule.id, severity: rule.meta.severity, meta: rule.meta }, 'https://example.test');
    expect(descriptor.properties?.tags).toEqual(expect.arrayContaining(['nist-800-53-r5/AC-6(5)', 'iso-27001-2022/A.8.2', 'soc2-2017/CC6.3', 'cis-v8.1/5.4', 'pci-dss-4.0.1/7.2.5']));
  });

  it('are explained with the reason they apply, and an empty framework with why', () => {
    expect(explainRule(rule, [])).toMatch(/Compliance controls\n {2}Organization Admin on a worker[^\n]*\n {2}NIST SP 800-53 Rev\. 5: AC-6, AC-6\(5\)\n/);
    const unmapped = rules.find((candidate) => candidate.id === 'redirect-uri-duplicate')!;
    expect(explainRule(unmapped, [])).toContain('PCI DSS v4.0.1: none (A duplicate URI weakens no requirement 8 control.)');
  });

  it('are in `rules -f json`', () => {
    const entries = JSON.parse(formatCatalogue([{ rule, packs: [] }], 'json')) as Array<{ frameworks: Record<string, string[]> }>;
    expect(entries[0]?.frameworks['nist-800-53-r5']).toEqual(['AC-6', 'AC-6(5)']);
  });
});
