import { describe, expect, it } from 'vitest';
import type { AuditResult, Finding } from '../../src/engine/types.js';
import { formatJson } from '../../src/formatters/json.js';
import { applySuppressions } from '../../src/suppressions/apply-suppressions.js';
import { parseSuppressions, type Suppression } from '../../src/suppressions/parse-suppressions.js';
import { ENV_DEV, ENV_PROD, sampleResult } from '../formatters/fixtures.js';
import { reportSchemaProblems } from '../formatters/schema-validators.js';
import type { Overrides } from '../helpers/snapshot-builder.js';

const FILE = 'pingone-audit.suppressions.json';
const NOW = new Date('2026-11-20T10:00:00.000Z');
const LEGACY_SPA = 'a1c3e5f7-0000-4000-8000-000000000002';

function entry(overrides: Overrides<Suppression> & Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ruleId: 'app-implicit-grant',
    environmentId: ENV_PROD,
    resourceId: LEGACY_SPA,
    reason: 'Vendor SPA; migration to code flow tracked in SEC-412.',
    owner: 'iam-team',
    expires: '2027-03-31',
    ...overrides,
  };
}

function apply(entries: unknown[], result: AuditResult = sampleResult(), now = NOW): AuditResult {
  return applySuppressions(result, parseSuppressions({ suppressions: entries }, FILE), now);
}

function open(result: AuditResult, ruleId: string): Finding | undefined {
  return result.findings.find((finding) => finding.ruleId === ruleId);
}

describe('applySuppressions', () => {
  it('moves an exactly matched finding to suppressed with its reason, owner and expiry, and recounts', () => {
    const before = sampleResult();
    const after = apply([entry()], before);
    expect(open(after, 'app-implicit-grant')).toBeUndefined();
    const moved = after.suppressed.find((finding) => finding.resource.id === LEGACY_SPA);
    expect(moved?.suppression).toEqual({ reason: 'Vendor SPA; migration to code flow tracked in SEC-412.', owner: 'iam-team', expires: '2027-03-31' });
    expect(after.summary.findings).toBe(before.summary.findings - 1);
    expect(after.summary.bySeverity.high).toBe(before.summary.bySeverity.high - 1);
    expect(after.summary.suppressed).toBe(2);
    expect(after.warnings).toBeUndefined();
    expect(before.findings).toHaveLength(6);
  });

  it.each([
    ['another environment', { environmentId: ENV_DEV }],
    ['a resource id prefix', { resourceId: LEGACY_SPA.slice(0, 20) }],
    ['a pattern', { resourceId: 'a1c3e5f7-*' }],
    ['another rule', { ruleId: 'app-implicit' }],
    ['another pointer', { pointer: '/grantTypes/1' }],
  ])('does not match %s', (_, overrides) => {
    const after = apply([entry(overrides)]);
    expect(open(after, 'app-implicit-grant')?.resource.id).toBe(LEGACY_SPA);
    expect(after.summary.suppressed).toBe(1);
  });

  it('matches only the named pointer when the entry has one', () => {
    const after = apply([entry({ pointer: '/grantTypes/0' })]);
    expect(open(after, 'app-implicit-grant')).toBeUndefined();
  });

  it('matches an organization-wide finding with a null environment id', () => {
    const after = apply([entry({ ruleId: 'role-org-admin-sprawl', environmentId: null, resourceId: 'b2d4f6a8-0000-4000-8000-000000000003' })]);
    expect(open(after, 'role-org-admin-sprawl')).toBeUndefined();
    expect(apply([entry({ ruleId: 'role-org-admin-sprawl', environmentId: ENV_PROD, resourceId: 'b2d4f6a8-0000-4000-8000-000000000003' })]).summary.suppressed).toBe(1);
  });

  it('still applies on its last day (UTC) and fails closed the day after, naming the finding that came back', () => {
    const lastDay = apply([entry({ expires: '2026-11-20' })], sampleResult(), new Date('2026-11-20T23:59:59.000Z'));
    expect(open(lastDay, 'app-implicit-grant')).toBeUndefined();
    expect(lastDay.warnings?.map((warning) => warning.code)).toEqual(['suppression-expiring']);

    const dayAfter = apply([entry({ expires: '2026-11-20' })], sampleResult(), new Date('2026-11-21T00:00:00.000Z'));
    expect(open(dayAfter, 'app-implicit-grant')?.suppression).toBeUndefined();
    expect(dayAfter.warnings).toEqual([
      {
        code: 'suppression-expired',
        file: FILE,
        pointer: '/suppressions/0',
        message: expect.stringMatching(
          /^expired on 2026-11-20 \(owner: iam-team\); it suppresses nothing, so this finding is reported: app-implicit-grant on application "Legacy SPA" at \/grantTypes\/0\./,
        ),
      },
    ]);
  });

  it.each([
    ['no reason', { reason: undefined }, 'missing "reason"'],
    ['a blank reason', { reason: '   ' }, 'reason: must not be empty'],
    ['no owner', { owner: undefined }, 'missing "owner"'],
    ['no expiry', { expires: undefined }, 'missing "expires"'],
    ['an impossible date', { expires: '2027-02-30' }, 'expires: "2027-02-30" is not a date (YYYY-MM-DD)'],
    ['a date in another format', { expires: '31/03/2027' }, 'expires: "31/03/2027" is not a date (YYYY-MM-DD)'],
    ['an unknown property', { resourceName: 'Legacy SPA' }, 'unknown property "resourceName"'],
  ])('fails closed on an entry with %s, and the other entries still apply', (_, overrides, problem) => {
    const malformed = Object.fromEntries(Object.entries(entry(overrides)).filter(([, value]) => value !== undefined));
    const wildcardOwner = entry({ ruleId: 'app-wildcard-redirect-uri', resourceId: 'a1c3e5f7-0000-4000-8000-000000000001' });
    const after = apply([wildcardOwner, malformed]);
    expect(open(after, 'app-implicit-grant')?.resource.id).toBe(LEGACY_SPA);
    expect(open(after, 'app-wildcard-redirect-uri')).toBeUndefined();
    expect(after.warnings).toHaveLength(1);
    expect(after.warnings?.[0]).toMatchObject({ code: 'suppression-invalid', file: FILE, pointer: '/suppressions/1' });
    expect(after.warnings?.[0]?.message).toContain(problem);
    expect(after.warnings?.[0]?.message).toContain('so this finding is reported: app-implicit-grant on application "Legacy SPA"');
  });

  it('warns about an entry that matches nothing it audited, but not about environments it did not audit', () => {
    const stale = apply([entry({ resourceId: 'deleted-app' })]);
    expect(stale.warnings?.map((warning) => warning.code)).toEqual(['suppression-unmatched']);
    const elsewhere = apply([entry({ environmentId: 'env-not-scanned' })]);
    expect(elsewhere.warnings).toBeUndefined();
  });

  it('announces entries that expire within two weeks', () => {
    expect(apply([entry({ expires: '2026-12-04' })]).warnings?.map((warning) => warning.code)).toEqual(['suppression-expiring']);
    expect(apply([entry({ expires: '2026-12-05' })]).warnings).toBeUndefined();
  });

  it('keeps the JSON report valid against its schema, suppressed findings and warnings included', () => {
    const after = apply([entry(), entry({ ruleId: 'policy-mfa-missing', expires: '2020-01-01' }), { ruleId: 'x' }]);
    expect(after.warnings).toHaveLength(2);
    expect(reportSchemaProblems(JSON.parse(formatJson(after, { color: false })))).toEqual([]);
  });
});
