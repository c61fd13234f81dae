import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline } from '../../src/baseline/apply-baseline.js';
import { gatingFindings } from '../../src/baseline/gate-findings.js';
import { loadBaseline, readBaselineReport, type BaselineReport } from '../../src/baseline/read-baseline.js';
import type { AuditResult, Finding } from '../../src/engine/types.js';
import { formatJson } from '../../src/formatters/json.js';
import { catchUserFacingError } from '../engine/engine-fixtures.js';
import { ENV_DEV, ENV_PROD, makeFinding, sampleResult } from '../formatters/fixtures.js';
import { reportSchemaProblems } from '../formatters/schema-validators.js';
import { temporaryFolder } from '../helpers/temporary-folder.js';

/** The sample run without baseline marks, as a fresh run would produce it. */
function currentRun(): AuditResult {
  const result = sampleResult();
  return { ...result, findings: result.findings.map(({ baselineState: _, ...finding }) => finding) };
}

function byRule(findings: readonly Finding[], ruleId: string): Finding {
  const found = findings.find((finding) => finding.ruleId === ruleId);
  if (found === undefined) throw new Error(`no finding of ${ruleId}`);
  return found;
}

const FIXED_SINCE = makeFinding({ ruleId: 'app-implicit-grant', severity: 'high', environmentId: ENV_DEV, id: 'app-deleted', name: 'Old App', message: 'Old App allows the implicit grant.' });
const NOT_RECHECKED = makeFinding({ ruleId: 'group-admin-roles', severity: 'high', environmentId: ENV_DEV, type: 'group', id: 'g-1', name: 'Admins', message: 'Admins holds Environment Admin.' });

/** Last week's run: everything but the implicit grant on Legacy SPA; the MFA finding was only low then; one since fixed, one whose rule could not run this time. */
function lastWeek(): BaselineReport {
  const current = currentRun();
  const findings = current.findings
    .filter((finding) => finding.ruleId !== 'app-implicit-grant')
    .map((finding) => (finding.ruleId === 'policy-mfa-missing' ? { ...finding, severity: 'low' as const } : finding))
    .map((finding) => (finding.ruleId === 'app-wildcard-redirect-uri' ? { ...finding, severity: 'high' as const, resource: { ...finding.resource, name: 'Renamed since' } } : finding));
  return { file: 'baseline.json', generatedAt: '2026-11-13T10:00:00.000Z', findings: [...findings, FIXED_SINCE, NOT_RECHECKED] };
}

describe('applyBaseline', () => {
  it('marks findings new, unchanged or updated (more severe now) by fingerprint, whatever their names', () => {
    const result = applyBaseline(currentRun(), lastWeek());
    const states = Object.fromEntries(result.findings.map((finding) => [finding.ruleId, finding.baselineState]));
    expect(states).toEqual({
      'app-wildcard-redirect-uri': 'updated',
      'app-implicit-grant': 'new',
      'role-org-admin-sprawl': 'unchanged',
      'policy-mfa-missing': 'updated',
      'app-stale-secret': 'unchanged',
      'app-missing-description': 'unchanged',
    });
    expect(result.baseline).toMatchObject({ file: 'baseline.json', generatedAt: '2026-11-13T10:00:00.000Z', new: 1, unchanged: 3, updated: 2 });
  });

  it('counts a less severe finding as unchanged', () => {
    const previous = lastWeek();
    previous.findings = previous.findings.map((finding) => (finding.ruleId === 'app-stale-secret' ? { ...finding, severity: 'critical' } : finding));
    expect(byRule(applyBaseline(currentRun(), previous).findings, 'app-stale-secret').baselineState).toBe('unchanged');
  });

  it('lists as fixed only what the rule checked again, and warns about the rest', () => {
    const result = applyBaseline(currentRun(), lastWeek());
    expect(result.baseline?.fixed.map((finding) => finding.resource.id)).toEqual(['app-deleted']);
    expect(result.warnings?.find((warning) => warning.code === 'baseline-unverified')?.message).toMatch(/^1 finding\(s\) of the baseline were not checked again/);
  });

  it('treats a finding suppressed in the baseline and open now as new, so an expired suppression trips --fail-on-new', () => {
    const previousRun = sampleResult();
    const current = currentRun();
    const reopened = { ...previousRun.suppressed[0]! };
    delete reopened.suppression;
    const result = applyBaseline({ ...current, findings: [...current.findings, reopened], suppressed: [] }, { generatedAt: previousRun.generatedAt, findings: current.findings });
    expect(
      byRule(
        result.findings.filter((finding) => finding.environmentId === ENV_DEV),
        'app-implicit-grant',
      ).baselineState,
    ).toBe('new');
  });

  it('marks suppressed findings too, and a suppressed finding is not fixed', () => {
    const current = currentRun();
    const result = applyBaseline(current, { generatedAt: '2026-11-13T10:00:00.000Z', findings: [...current.suppressed] });
    expect(result.suppressed[0]?.baselineState).toBe('unchanged');
    expect(result.baseline?.fixed).toEqual([]);
  });

  it('keeps the JSON report valid against its schema', () => {
    const result = applyBaseline(currentRun(), lastWeek());
    expect(reportSchemaProblems(JSON.parse(formatJson(result, { color: false })))).toEqual([]);
  });
});

describe('gatingFindings', () => {
  it('counts findings at or above --fail-on, and with --fail-on-new only new and updated ones', () => {
    const result = applyBaseline(currentRun(), lastWeek());
    expect(gatingFindings(result, 'high', false).map((finding) => finding.ruleId)).toEqual(['app-wildcard-redirect-uri', 'app-implicit-grant', 'role-org-admin-sprawl']);
    expect(gatingFindings(result, 'high', true).map((finding) => finding.ruleId)).toEqual(['app-wildcard-redirect-uri', 'app-implicit-grant']);
    expect(gatingFindings(result, 'medium', true).map((finding) => finding.ruleId)).toEqual(['app-wildcard-redirect-uri', 'app-implicit-grant', 'policy-mfa-missing']);
    expect(gatingFindings(result, 'none', false)).toEqual([]);
  });
});

describe('loadBaseline', () => {
  function write(name: string, value: unknown): string {
    const file = path.join(temporaryFolder('baseline-'), name);
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  }

  it('reads a JSON report an earlier run wrote', () => {
    const report = JSON.parse(formatJson(sampleResult(), { color: false })) as unknown;
    const file = write('baseline.json', report);
    const baseline = loadBaseline(file);
    expect(baseline.findings).toHaveLength(6);
    expect(baseline.generatedAt).toBe('2026-11-20T10:00:00.000Z');
    expect(baseline.file).toBe(file);
  });

  // A newer report may mean something else under the same members: read as today, it would gate on a misreading.
  it('refuses a report in a format version it does not read, naming the file and the version, and reads one without a version', () => {
    const report = JSON.parse(formatJson(sampleResult(), { color: false })) as Record<string, unknown>;
    const newer = catchUserFacingError(() => readBaselineReport({ ...report, schemaVersion: 99 }, 'b.json'));
    expect(newer.errorCode).toBe('json-invalid');
    expect(newer.message).toBe('b.json: $.schemaVersion: format version 99 is newer than this pingone-audit reads version 1');
    expect(newer.hint).toContain('newer pingone-audit');
    expect(catchUserFacingError(() => readBaselineReport({ ...report, schemaVersion: 0 }, 'b.json')).message).toBe(
      'b.json: $.schemaVersion: unknown format version 0: this pingone-audit reads version 1',
    );
    const { schemaVersion: _version, ...unversioned } = report;
    expect(readBaselineReport(unversioned, 'b.json').findings).toHaveLength(6);
  });

  // The baseline schema does not list schemaVersion: a version that is no number must not pass unchecked.
  it.each([
    ['"1"', '"1" (a string)'],
    ['"2"', '"2" (a string)'],
    ['null', 'null'],
    ['true', 'true'],
    ['[1]', 'an array'],
    ['"\\u001b[31m\\u202e"', 'a string'],
  ])('refuses a schemaVersion of %s, naming it without its text when that could be hostile', (json, shown) => {
    const report = JSON.parse(formatJson(sampleResult(), { color: false })) as Record<string, unknown>;
    const error = catchUserFacingError(() => readBaselineReport({ ...report, schemaVersion: JSON.parse(json) as unknown }, 'b.json'));
    expect(error.errorCode).toBe('json-invalid');
    expect(error.message).toBe(`b.json: $.schemaVersion: unknown format version ${shown}: this pingone-audit reads version 1`);
    expect(error.hint).not.toContain('newer');
  });

  it('says what to pass instead of a SARIF log, a missing file or a report without fingerprints', () => {
    expect(catchUserFacingError(() => readBaselineReport({ version: '2.1.0', runs: [] }, 'results.sarif')).message).toBe('results.sarif: $: is a SARIF log; baselines are read from the JSON report');
    expect(catchUserFacingError(() => loadBaseline(path.join(tmpdir(), 'no-such-baseline.json'))).message).toMatch(/^Baseline file .* does not exist\.$/);
    const broken = { generatedAt: ENV_PROD, findings: [{ ruleId: 'x', fingerprint: 'abc' }] };
    expect(catchUserFacingError(() => readBaselineReport(broken, 'b.json')).message).toMatch(/^b\.json: \$\.findings\[0\]/);
  });

  it('refuses, naming the file and the path, a finding a report could not show or an HTML attribute could be left by', () => {
    const report = JSON.parse(formatJson(sampleResult(), { color: false })) as { findings: Array<Record<string, unknown>> };
    const withFinding = (finding: Record<string, unknown>) => ({ ...report, findings: [finding] });
    const first = report.findings[0]!;
    expect(catchUserFacingError(() => readBaselineReport(withFinding({ fingerprint: first.fingerprint }), 'b.json')).message).toMatch(
      // Every member missing, not only the first.
      /^b\.json: \$\.findings\[0\]: must have required properties 'ruleId', 'severity', .* and 'location'$/,
    );
    const severity = catchUserFacingError(() => readBaselineReport(withFinding({ ...first, severity: '"><meta http-equiv=refresh content="0;url=https://evil.example/">' }), 'b.json'));
    expect(severity.message).toMatch(/^b\.json: \$\.findings\[0\]\.severity: .* is not allowed$/);
    expect(catchUserFacingError(() => readBaselineReport(withFinding({ ...first, location: { file: 'x.json', line: 0 } }), 'b.json')).message).toBe(
      'b.json: $.findings[0].location.line: must be >= 1',
    );
    expect(catchUserFacingError(() => readBaselineReport({ ...report, generatedAt: 'yesterday' }, 'b.json')).message).toBe(
      'b.json: $.generatedAt: "yesterday" is not a date-time (YYYY-MM-DDThh:mm:ssZ)',
    );
  });

  it('names the line of the one bad field or format version of a baseline file, as an editor shows it', () => {
    const report = JSON.parse(formatJson(sampleResult(), { color: false })) as Record<string, unknown>;
    const file = path.join(temporaryFolder('baseline-'), 'b.json');
    const text = JSON.stringify({ ...report, generatedAt: 'yesterday' }, null, 2);
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((row) => row.includes('"yesterday"')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(catchUserFacingError(() => loadBaseline(file)).message).toBe(`${file}:${line}: $.generatedAt: "yesterday" is not a date-time (YYYY-MM-DDThh:mm:ssZ)`);
    const newer = JSON.stringify({ ...report, schemaVersion: 99 }, null, 2);
    writeFileSync(file, newer);
    const versionLine = newer.split('\n').findIndex((row) => row.includes('"schemaVersion"')) + 1;
    expect(catchUserFacingError(() => loadBaseline(file)).message).toContain(`${file}:${versionLine}: $.schemaVersion: format version 99 is newer`);
  });

  it('keeps only the fields it checked, so nothing else in the file reaches a report', () => {
    const report = JSON.parse(formatJson(sampleResult(), { color: false })) as { findings: Array<Record<string, unknown>> };
    const first = report.findings[0]!;
    const baseline = readBaselineReport({ ...report, findings: [{ ...first, suppression: { reason: 'x' }, extra: '<script>' }] }, 'b.json');
    expect(Object.keys(baseline.findings[0]!).sort()).toEqual(['data', 'environmentId', 'fingerprint', 'location', 'message', 'messageId', 'pointer', 'resource', 'ruleId', 'severity']);
  });
});
