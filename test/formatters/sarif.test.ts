import type { Log, Result, Run } from 'sarif';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/engine/types.js';
import { UserFacingError } from '../../src/errors.js';
import { checkSarifForGitHub } from '../helpers/github-checks.js';
import type { FormatContext } from '../../src/formatters/format-context.js';
import { formatSarif, MAX_RESULTS_PER_RUN, sarifResultsLeftOut } from '../../src/formatters/sarif.js';
import { FINGERPRINT_KEY } from '../../src/formatters/sarif-result-text.js';
import { cleanResult, ENV_DEV, ENV_PROD, makeFinding, sampleResult, summarize } from './fixtures.js';
import { sarifSchemaProblems } from './schema-validators.js';

const plain: FormatContext = { color: false };

function sarif(result: AuditResult = sampleResult(), context: FormatContext = plain): Log {
  return JSON.parse(formatSarif(result, context)) as Log;
}

function runFor(log: Log, environmentId: string | null): Run {
  const run = log.runs.find((candidate) => candidate.properties?.environmentId === environmentId);
  if (run === undefined) throw new Error(`no run for ${environmentId}`);
  return run;
}

function resultFor(log: Log, ruleId: string): Result {
  const found = log.runs.flatMap((run) => run.results ?? []).find((result) => result.ruleId === ruleId);
  if (found === undefined) throw new Error(`no result for ${ruleId}`);
  return found;
}

describe('SARIF formatter', () => {
  it('validates against the pinned SARIF 2.1.0 schema and passes the GitHub checks', () => {
    for (const [result, context] of [
      [sampleResult(), plain],
      [sampleResult(), { color: false, includeSuppressed: true, snapshotDir: 'snapshots/acme prod' }],
      [cleanResult(), plain],
    ] as const) {
      const log = sarif(result, context);
      expect(sarifSchemaProblems(log)).toEqual([]);
      expect(checkSarifForGitHub(log)).toEqual([]);
    }
  });

  it('emits one run per environment, in snapshot order, then the organization, each with its own category', () => {
    const log = sarif();
    expect(log.runs.map((run) => run.automationDetails?.id)).toEqual([`pingone-audit/${ENV_PROD}/`, `pingone-audit/${ENV_DEV}/`, 'pingone-audit/organization/']);
    expect(runFor(log, null).results?.map((result) => result.ruleId)).toEqual(['role-org-admin-sprawl']);
    expect(runFor(log, ENV_PROD).results?.map((result) => result.ruleId)).toEqual(['app-wildcard-redirect-uri', 'app-implicit-grant']);
  });

  it('keeps an empty run for every environment and the organization, so GitHub closes fixed alerts', () => {
    const log = sarif(cleanResult());
    expect(log.runs).toHaveLength(3);
    expect(log.runs.every((run) => Array.isArray(run.results) && run.results.length === 0)).toBe(true);
  });

  it('maps severities to levels and points each result at its rule', () => {
    const log = sarif();
    const levels = Object.fromEntries(log.runs.flatMap((run) => run.results ?? []).map((result) => [result.ruleId, result.level]));
    expect(levels).toEqual({
      'app-wildcard-redirect-uri': 'error',
      'app-implicit-grant': 'error',
      'role-org-admin-sprawl': 'error',
      'policy-mfa-missing': 'warning',
      'app-stale-secret': 'note',
      'app-missing-description': 'note',
    });
    for (const run of log.runs) {
      for (const result of run.results ?? []) expect(run.tool.driver.rules?.[result.ruleIndex!]?.id).toBe(result.ruleId);
    }
  });

  it('locates results in the snapshot file at the offending line, and at line 1 when the line is unknown', () => {
    const log = sarif(sampleResult(), { color: false, snapshotDir: '.\\snapshots\\acme' });
    const wildcard = resultFor(log, 'app-wildcard-redirect-uri').locations?.[0];
    expect(wildcard?.physicalLocation).toEqual({
      artifactLocation: { uri: `snapshots/acme/environments/${ENV_PROD}/applications/a1c3e5f7-0000-4000-8000-000000000001.json`, uriBaseId: '%SRCROOT%' },
      region: { startLine: 24 },
    });
    expect(wildcard?.logicalLocations?.[0]).toMatchObject({
      fullyQualifiedName: `environments/${ENV_PROD}/applications/a1c3e5f7-0000-4000-8000-000000000001`,
      name: 'Customer Portal',
      properties: { pointer: '/redirectUris/1' },
    });
    const orgWide = resultFor(log, 'role-org-admin-sprawl').locations?.[0];
    expect(orgWide?.physicalLocation?.region?.startLine).toBe(1);
    expect(orgWide?.logicalLocations?.[0]?.fullyQualifiedName).toBe('organization/roles/b2d4f6a8-0000-4000-8000-000000000003');
    expect(resultFor(sarif(), 'policy-mfa-missing').locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName).toBe(`environments/${ENV_DEV}/signOnPolicies/c3e5a7b9-0000-4000-8000-000000000004`);
  });

  it('never writes line 0, ignores an absolute snapshot folder and escapes spaces', () => {
    const result = sampleResult();
    result.findings[0] = { ...result.findings[0]!, location: { file: 'environments/prod env/app 1.json', line: 0 } };
    const log = sarif(result, { color: false, snapshotDir: '/home/ci/snapshots' });
    const location = resultFor(log, 'app-wildcard-redirect-uri').locations?.[0]?.physicalLocation;
    expect(location?.region?.startLine).toBe(1);
    expect(location?.artifactLocation?.uri).toBe('environments/prod%20env/app%201.json');
    expect(checkSarifForGitHub(log)).toEqual([]);
  });

  it('carries fingerprints, baseline state and the finding properties', () => {
    const implicit = resultFor(sarif(), 'app-implicit-grant');
    expect(implicit.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: sampleResult().findings[1]!.fingerprint });
    expect(implicit.baselineState).toBe('new');
    expect(implicit.properties).toMatchObject({ severity: 'high', pointer: '/grantTypes/0', resource: { type: 'application', name: 'Legacy SPA' } });
    expect(resultFor(sarif(), 'app-wildcard-redirect-uri').baselineState).toBeUndefined();
  });

  it('describes only the rules that ran, with string security-severity, tags and remediation help', () => {
    const rules = sarif().runs[0]!.tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id)).toEqual(
      sampleResult()
        .rules.map((rule) => rule.id)
        .sort(),
    );
    const severities = Object.fromEntries(rules.map((rule) => [rule.id, rule.properties?.['security-severity']]));
    expect(severities).toMatchObject({
      'app-wildcard-redirect-uri': '9.5',
      'app-implicit-grant': '8.0',
      'policy-mfa-missing': '5.5',
      'app-stale-secret': '2.0',
      'app-missing-description': '0.0',
    });
    const wildcard = rules.find((rule) => rule.id === 'app-wildcard-redirect-uri')!;
    expect(wildcard).toMatchObject({
      name: 'AppWildcardRedirectUri',
      shortDescription: { text: 'Wildcard redirect URI' },
      fullDescription: { text: 'Require that wildcard redirect uri is fixed.' },
      helpUri: 'https://github.com/pingone-audit/pingone-audit#app-wildcard-redirect-uri',
      defaultConfiguration: { level: 'error' },
      properties: { precision: 'very-high' },
    });
    expect(wildcard.properties?.tags).toEqual(['security', 'applications', 'oauth']);
    expect(wildcard.help?.text).toContain('1. In the PingOne console, open the application.\n2. With the Management API');
    expect(wildcard.help?.markdown).toContain('[RFC 9700 §2.1.2](https://www.rfc-editor.org/rfc/rfc9700#section-2.1.2)');
    expect(wildcard.help?.markdown).toContain('- Internal runbook');
  });

  it('uses the configured severity of a rule, not its default', () => {
    const result = sampleResult();
    result.rules = result.rules.map((rule) => (rule.id === 'app-stale-secret' ? { ...rule, severity: 'high' } : rule));
    const rule = sarif(result).runs[0]!.tool.driver.rules!.find((candidate) => candidate.id === 'app-stale-secret')!;
    expect(rule.properties?.['security-severity']).toBe('8.0');
    expect(rule.defaultConfiguration?.level).toBe('error');
  });

  it('reports run health: failed collection, rule errors, and rules not evaluated in their environment', () => {
    const log = sarif();
    const dev = runFor(log, ENV_DEV).invocations![0]!;
    expect(dev.executionSuccessful).toBe(false);
    const execution = dev.toolExecutionNotifications!.map((notification) => notification.message.text);
    expect(execution).toEqual([
      `Could not collect groupRoleAssignments in environment ${ENV_DEV}: GET /environments/${ENV_DEV}/groups/g-1/roleAssignments → 403 (ACCESS_FAILED: insufficient role)`,
      "Rule gateway-broken-check failed and reported nothing: Cannot read properties of undefined (reading 'type')",
    ]);
    expect(dev.toolExecutionNotifications![0]!.properties).toMatchObject({ httpStatus: 403, path: `/environments/${ENV_DEV}/groups/g-1/roleAssignments` });
    expect(dev.toolConfigurationNotifications).toHaveLength(1);
    expect(dev.toolConfigurationNotifications![0]).toMatchObject({ level: 'warning', associatedRule: { id: 'group-admin-roles', index: 5 } });
    expect(dev.toolConfigurationNotifications![0]!.message.text).toBe(
      `Rule group-admin-roles was not evaluated in environment ${ENV_DEV}: data it needs could not be collected (GET /environments/${ENV_DEV}/groups/g-1/roleAssignments → 403 (ACCESS_FAILED: insufficient role)).`,
    );
    expect(runFor(log, ENV_PROD).invocations![0]!.toolConfigurationNotifications).toEqual([]);
    expect(sarif(cleanResult()).runs.every((run) => run.invocations![0]!.executionSuccessful)).toBe(true);
  });

  it('is unsuccessful when a rule threw even if collection was complete', () => {
    const result = cleanResult();
    result.ruleErrors = [{ ruleId: 'app-implicit-grant', message: 'boom' }];
    expect(sarif(result).runs[0]!.invocations![0]!.executionSuccessful).toBe(false);
  });

  it('leaves suppressed findings out by default and marks them when asked to include them', () => {
    const ruleIds = (log: Log) => log.runs.flatMap((run) => run.results ?? []).map((result) => `${result.ruleId}@${result.properties?.environmentId}`);
    expect(ruleIds(sarif())).not.toContain(`app-implicit-grant@${ENV_DEV}`);
    const included = sarif(sampleResult(), { color: false, includeSuppressed: true });
    const suppressed = runFor(included, ENV_DEV).results!.find((result) => result.ruleId === 'app-implicit-grant');
    expect(suppressed?.suppressions).toEqual([{ kind: 'external', justification: 'Test-only app, no real users; replaced in Q3.' }]);
    expect(runFor(included, ENV_DEV).results!.filter((result) => result.suppressions !== undefined)).toHaveLength(1);
  });

  it('keeps the most severe 25,000 results of a run and says how many were cut', () => {
    const lows = Array.from({ length: MAX_RESULTS_PER_RUN }, (_, index) =>
      makeFinding({ ruleId: 'app-stale-secret', severity: 'low', environmentId: ENV_PROD, id: `app-${index}`, name: `App ${index}`, message: 'old secret', line: 3 }),
    );
    const criticals = Array.from({ length: 3 }, (_, index) =>
      makeFinding({ ruleId: 'app-wildcard-redirect-uri', severity: 'critical', environmentId: ENV_PROD, id: `crit-${index}`, name: `Crit ${index}`, message: 'wildcard', line: 3 }),
    );
    const result = summarize({ ...sampleResult(), findings: [...lows, ...criticals] });
    const run = sarif(result).runs[0]!;
    expect(run.results).toHaveLength(MAX_RESULTS_PER_RUN);
    expect(run.results!.filter((item) => item.level === 'error')).toHaveLength(3);
    const notice = run.invocations![0]!.toolExecutionNotifications!.find((notification) => notification.descriptor?.id === 'results-truncated');
    expect(notice?.message.text).toMatch(/^3 of 25003 results were left out/);
  });

  it('counts the results left out over every run, for the CLI to say on stderr', () => {
    const many = (environmentId: string, count: number) =>
      Array.from({ length: count }, (_, index) =>
        makeFinding({ ruleId: 'app-stale-secret', severity: 'low', environmentId, id: `${environmentId}-${index}`, name: `App ${index}`, message: 'old secret', line: 3 }),
      );
    expect(sarifResultsLeftOut(summarize({ ...sampleResult(), findings: many(ENV_PROD, MAX_RESULTS_PER_RUN) }), plain)).toBe(0);
    const result = summarize({ ...sampleResult(), findings: [...many(ENV_PROD, MAX_RESULTS_PER_RUN + 2), ...many(ENV_DEV, MAX_RESULTS_PER_RUN + 5)] });
    expect(sarifResultsLeftOut(result, plain)).toBe(7);
  });

  it('refuses more runs than GitHub accepts, saying what to do', () => {
    const result = cleanResult();
    result.snapshot.environmentIds = Array.from({ length: 20 }, (_, index) => `env-${index}`);
    expect(() => sarif(result)).toThrow(UserFacingError);
    expect(() => sarif(result)).toThrow(/21 runs .* at most 20/);
    result.snapshot.environmentIds.pop();
    expect(sarif(result).runs).toHaveLength(20);
  });

  it('prints deterministic JSON with a trailing newline', () => {
    const text = formatSarif(sampleResult(), plain);
    expect(text.endsWith('}\n')).toBe(true);
    expect(formatSarif(sampleResult(), plain)).toBe(text);
  });

  it('lays the log out as JSON.stringify(log, null, 2) does, but for each result compact on a line of its own', () => {
    const text = formatSarif(sampleResult(), { color: false, includeSuppressed: true });
    const log = JSON.parse(text) as Log;
    expect(log.runs.length).toBeGreaterThan(1);
    expect(log.runs.every((run) => (run.tool.driver.rules?.length ?? 0) > 0)).toBe(true);
    const resultLines = text.split('\n').filter((line) => line.startsWith('        {"ruleId"'));
    expect(resultLines).toEqual(log.runs.flatMap((run) => (run.results ?? []).map((result, index, all) => `        ${JSON.stringify(result)}${index < all.length - 1 ? ',' : ''}`)));
    const withoutResults = text.replace(/"results": \[\n(?: {8}\{.*\n)+ {6}\]/g, '"results": []');
    expect(withoutResults).toBe(`${JSON.stringify({ ...log, runs: log.runs.map((run) => ({ ...run, results: [] })) }, null, 2)}\n`);
  });
});
