import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/engine/types.js';
import { checkSarifForGitHub } from '../helpers/github-checks.js';
import { formatSarif } from '../../src/formatters/sarif.js';
import { makeFinding, summarize } from './fixtures.js';
import { reviewedResult } from './report-fixtures.js';
import { sarifSchemaProblems } from './schema-validators.js';

const ENVIRONMENTS = Array.from({ length: 12 }, (_, index) => `0000000${index.toString(16)}-aaaa-4bbb-8ccc-dddddddddddd`);

/** An --all-environments scan: the reviewed sample plus twelve more environments, each with findings. */
function organizationResult(): AuditResult {
  const base = reviewedResult();
  const extra = ENVIRONMENTS.flatMap((environmentId, index) => [
    makeFinding({
      ruleId: 'app-implicit-grant',
      severity: 'high',
      environmentId,
      id: `app-${index}`,
      name: `Portal ${index}`,
      pointer: '/grantTypes/0',
      message: `Portal ${index} allows the implicit grant.`,
      line: 7,
    }),
    makeFinding({
      ruleId: 'app-wildcard-redirect-uri',
      severity: 'critical',
      environmentId,
      id: `app-${index}`,
      name: `Portal ${index}`,
      pointer: '/redirectUris/0',
      message: `Portal ${index} accepts a wildcard.`,
      line: 3,
    }),
  ]);
  return summarize(
    {
      ...base,
      snapshot: {
        ...base.snapshot,
        environmentIds: [...base.snapshot.environmentIds, ...ENVIRONMENTS],
        environments: [...(base.snapshot.environments ?? []), ...ENVIRONMENTS.map((id, index) => ({ id, name: `Region ${index}`, type: 'PRODUCTION' }))],
      },
      findings: [...base.findings, ...extra],
    },
    7,
  );
}

function sarif(result: AuditResult, context = {}): Log {
  return JSON.parse(formatSarif(result, { color: false, snapshotDir: 'snapshots/acme', ...context })) as Log;
}

describe('SARIF of an organization-wide scan', () => {
  it('has one run per environment plus the organization, each with a unique category, and passes the schema and the GitHub checks', () => {
    for (const context of [{}, { includeSuppressed: true, includeFixed: true }]) {
      const log = sarif(organizationResult(), context);
      expect(log.runs).toHaveLength(2 + ENVIRONMENTS.length + 1);
      const categories = log.runs.map((run) => run.automationDetails?.id);
      expect(new Set(categories).size).toBe(log.runs.length);
      expect(categories.at(-1)).toBe('pingone-audit/organization/');
      for (const run of log.runs) {
        const environmentId = run.properties?.environmentId as string | null;
        expect(run.automationDetails?.id).toBe(`pingone-audit/${environmentId ?? 'organization'}/`);
        expect((run.results ?? []).every((result) => result.properties?.environmentId === environmentId)).toBe(true);
      }
      expect(sarifSchemaProblems(log)).toEqual([]);
      expect(checkSarifForGitHub(log)).toEqual([]);
    }
  });

  it('would be caught by the GitHub checks if two runs shared a category', () => {
    const log = sarif(organizationResult());
    log.runs[3]!.automationDetails = { id: log.runs[2]!.automationDetails!.id! };
    expect(checkSarifForGitHub(log)).toEqual([expect.stringMatching(/^runs\[3\]\.automationDetails\.id: .* repeats runs\[2\]/)]);
  });

  it('leaves suppressed findings out by default and keeps them with suppressions[] when asked', () => {
    const results = (log: Log) => log.runs.flatMap((run) => run.results ?? []);
    expect(results(sarif(organizationResult())).some((result) => result.suppressions !== undefined)).toBe(false);
    const kept = results(sarif(organizationResult(), { includeSuppressed: true })).filter((result) => result.suppressions !== undefined);
    expect(kept.map((result) => result.suppressions)).toEqual([[{ kind: 'external', justification: 'Test-only app, no real users; replaced in Q3.' }]]);
  });

  it('marks baseline states, counts them per run, and emits fixed findings as absent only when asked', () => {
    const states = (log: Log) => log.runs.flatMap((run) => run.results ?? []).map((result) => result.baselineState);
    const plain = sarif(reviewedResult());
    expect(states(plain).sort()).toEqual(['new', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'updated']);
    const dev = plain.runs[1]!;
    expect(dev.properties?.baseline).toEqual({ generatedAt: '2026-11-13T10:00:00.000Z', new: 0, updated: 1, unchanged: 2, fixed: 1 });
    const withFixed = sarif(reviewedResult(), { includeFixed: true });
    expect(withFixed.runs[1]!.results?.filter((result) => result.baselineState === 'absent').map((result) => result.message.text)).toEqual(['Retired Kiosk allows the implicit grant.']);
    expect(checkSarifForGitHub(withFixed)).toEqual([]);
  });

  it('reports expired and malformed suppressions as configuration notifications in every run', () => {
    const log = sarif(reviewedResult());
    for (const run of log.runs) {
      expect(run.invocations?.[0]?.toolConfigurationNotifications).toContainEqual({
        level: 'warning',
        message: { text: expect.stringMatching(/^pingone-audit\.suppressions\.json \/suppressions\/2: expired on 2026-10-31/) },
        descriptor: { id: 'suppression-expired' },
      });
    }
  });
});
