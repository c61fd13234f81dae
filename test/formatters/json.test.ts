import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/engine/types.js';
import { formatJson, REPORT_SCHEMA_ID } from '../../src/formatters/json.js';
import { cleanResult, sampleResult } from './fixtures.js';
import { reportSchemaProblems } from './schema-validators.js';

const plain = { color: false };

describe('JSON formatter', () => {
  it('writes a report that validates against schemas/report.schema.json', () => {
    for (const result of [sampleResult(), cleanResult()]) {
      expect(reportSchemaProblems(JSON.parse(formatJson(result, plain)))).toEqual([]);
    }
  });

  it('with --framework, adds the run seen through that framework, described by the schema', () => {
    const result = sampleResult();
    result.rules = result.rules.map((rule) =>
      rule.id === 'app-missing-description'
        ? { ...rule, meta: { ...rule.meta, frameworks: { 'nist-800-53-r5': ['CM-6'], 'iso-27001-2022': [], 'soc2-2017': [], 'cis-v8.1': [], 'pci-dss-4.0.1': [] } } }
        : rule,
    );
    const report = JSON.parse(formatJson(result, { ...plain, framework: 'nist-800-53-r5' })) as {
      framework: { framework: { id: string }; status: string; controls: Array<{ id: string; status: string }> };
    };
    expect(reportSchemaProblems(report)).toEqual([]);
    expect(report.framework.framework.id).toBe('nist-800-53-r5');
    // The sample's only finding of that rule is info: advice, so its control passes.
    expect(report.framework.controls.find((control) => control.id === 'CM-6')?.status).toBe('pass');
    expect(JSON.parse(formatJson(result, plain))).not.toHaveProperty('framework');
  });

  it('is the whole result plus the schema id and version, suppressed findings included', () => {
    const result = sampleResult();
    const { $schema, schemaVersion, ...rest } = JSON.parse(formatJson(result, plain)) as AuditResult & { $schema: string; schemaVersion: number };
    expect($schema).toBe(REPORT_SCHEMA_ID);
    expect(schemaVersion).toBe(1);
    expect(rest).toEqual(result);
    expect(rest.suppressed).toHaveLength(1);
  });

  it('prints sorted keys with two-space indent and a trailing newline, whatever order the fields were set in', () => {
    const result = sampleResult();
    const reordered = Object.fromEntries(Object.entries(result).reverse()) as unknown as AuditResult;
    reordered.findings = result.findings.map((finding) => Object.fromEntries(Object.entries(finding).reverse()) as unknown as typeof finding);
    const text = formatJson(result, plain);
    expect(formatJson(reordered, plain)).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe(`  "$schema": "${REPORT_SCHEMA_ID}",`);
    const topKeys = [...text.matchAll(/^ {2}"([^"]+)":/gm)].map((match) => match[1]);
    expect(topKeys).toEqual([...topKeys].sort());
  });

  it('is described strictly enough by the schema to catch a malformed finding', () => {
    const report = JSON.parse(formatJson(sampleResult(), plain)) as { findings: Array<Record<string, unknown>> };
    delete report.findings[0]!.fingerprint;
    report.findings[1]!.severity = 'severe';
    const problems = reportSchemaProblems(report);
    expect(problems).toContain("/findings/0 must have required property 'fingerprint'");
    expect(problems).toContain('/findings/1/severity must be equal to one of the allowed values');
  });
});
