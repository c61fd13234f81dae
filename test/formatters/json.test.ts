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
