import { describe, expect, it, vi } from 'vitest';
import type { ResolvedRule } from '../../src/engine/config.js';
import { decideGate } from '../../src/audit/gate.js';
import { fingerprintFinding } from '../../src/engine/fingerprint.js';
import { runRules } from '../../src/engine/run-rules.js';
import type { Rule, RuleIntegrations, RuleMeta, RuleReport, Severity } from '../../src/engine/types.js';
import { buildSnapshotIndex } from '../../src/snapshot/index-builder.js';
import type { Application, CollectionEntry, Snapshot } from '../../src/snapshot/model.js';
import { resourceFile } from '../../src/snapshot/layout.js';
import { assignment, buildSnapshot, group, user, webApp } from '../helpers/snapshot-builder.js';
import { fakeRule } from './engine-fixtures.js';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const ENV_A = 'env-a';
const ENV_B = 'env-b';

/** Two environments with one application each: app-a in env-a, app-b in env-b. */
function twoEnvironments(failed: CollectionEntry[] = []): Snapshot {
  return buildSnapshot({
    environments: [
      { id: ENV_A, applications: [webApp({ id: 'app-a', name: 'Alpha', environment: { id: ENV_A } })] },
      { id: ENV_B, applications: [webApp({ id: 'app-b', name: 'Beta', environment: { id: ENV_B } })] },
    ],
    failed,
  });
}

/** A rule that flags every application, with the app's name as data. */
function flagEveryApp(id: string, meta: Partial<RuleMeta> = {}, extra: Partial<RuleReport> = {}): Rule {
  return fakeRule(id, meta, (snapshot) =>
    snapshot.environments.flatMap((env) =>
      env.applications.map((app: Application) => ({
        messageId: 'found',
        data: { name: app.name },
        resource: { type: 'application' as const, id: app.id, name: app.name, environmentId: env.environment.id },
        pointer: '/enabled',
        ...extra,
      })),
    ),
  );
}

const resolve = (rule: Rule, severity: Severity = rule.meta.severity, options: Record<string, unknown> = {}): ResolvedRule => ({
  rule,
  severity,
  options,
});

function run(snapshot: Snapshot, rules: ResolvedRule[], integrations: RuleIntegrations = { profilesFor: () => [], titleOf: (id) => id, checklist: () => undefined }) {
  return runRules(snapshot, rules, { now: NOW, index: buildSnapshotIndex(snapshot), integrations, toolVersion: '9.9.9', snapshotPath: 'snap' });
}

const failedEntry = (kind: CollectionEntry['kind'], environmentId?: string): CollectionEntry => ({
  kind,
  status: 'failed',
  ...(environmentId === undefined ? {} : { environmentId }),
  path: environmentId === undefined ? `/${kind}` : `/environments/${environmentId}/${kind}`,
  httpStatus: 403,
  error: 'ACCESS_FAILED',
});

describe('runRules: findings', () => {
  it('turns a report into a finding: rendered message, resolved severity, location, fingerprint', () => {
    const result = run(twoEnvironments(), [resolve(flagEveryApp('flag-apps'), 'high')]);
    expect(result.findings[0]).toEqual({
      ruleId: 'flag-apps',
      severity: 'high',
      environmentId: ENV_A,
      resource: { type: 'application', id: 'app-a', name: 'Alpha', environmentId: ENV_A },
      pointer: '/enabled',
      messageId: 'found',
      message: 'Application Alpha is flagged.',
      data: { name: 'Alpha' },
      fingerprint: fingerprintFinding('flag-apps', ENV_A, 'application', 'app-a', '/enabled'),
      location: { file: resourceFile('application', ENV_A, 'app-a') },
    });
    expect(result.findings[0]?.location.file).toBe('environments/env-a/applications/app-a.json');
  });

  it('renders placeholders with spaces, numbers and booleans; text outside placeholders stays as written', () => {
    const rule = fakeRule('render', { messages: { counted: '{{ count }} grants on {{name}}, public: {{public}} ({{name}}).' } }, () => [
      { messageId: 'counted', data: { count: 2, name: 'Alpha', public: true }, resource: { type: 'application', id: 'app-a', name: 'Alpha', environmentId: ENV_A }, pointer: '' },
    ]);
    expect(run(twoEnvironments(), [resolve(rule)]).findings[0]?.message).toBe('2 grants on Alpha, public: true (Alpha).');
  });

  it("a report's own severity wins over the resolved one", () => {
    const result = run(twoEnvironments(), [resolve(flagEveryApp('flag-apps', {}, { severity: 'low' }), 'critical')]);
    expect(result.findings.map((finding) => finding.severity)).toEqual(['low', 'low']);
  });

  it('an organization-wide resource has environmentId null and its own rule result', () => {
    const rule = fakeRule('role-check', {}, () => [{ messageId: 'found', data: { name: 'Org Admin' }, resource: { type: 'role', id: 'role-1', name: 'Org Admin' }, pointer: '' }]);
    const result = run(twoEnvironments(), [resolve(rule)]);
    expect(result.findings[0]?.environmentId).toBeNull();
    expect(result.ruleResults).toEqual([
      { ruleId: 'role-check', environmentId: null, outcome: 'fail', findings: 1 },
      { ruleId: 'role-check', environmentId: ENV_A, outcome: 'pass', findings: 0 },
      { ruleId: 'role-check', environmentId: ENV_B, outcome: 'pass', findings: 0 },
    ]);
  });

  it('passes options, now and the integrations to the rule', () => {
    const check = vi.fn(() => []);
    const integrations: RuleIntegrations = { profilesFor: () => ['stackone'], titleOf: (id) => id, checklist: () => undefined };
    run(twoEnvironments(), [resolve(fakeRule('ctx', {}, check), 'low', { maxDays: 3 })], integrations);
    expect(check).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ options: { maxDays: 3 }, now: NOW, integrations }));
  });

  it('sorts by severity, then environment, rule, resource type, resource id and pointer', () => {
    const report = (id: string, env: string | undefined, type: 'application' | 'user' | 'role', pointer: string, severity: Severity): RuleReport => ({
      messageId: 'found',
      data: { name: id },
      resource: { type, id, name: id, ...(env === undefined ? {} : { environmentId: env }) },
      pointer,
      severity,
    });
    const first = fakeRule('b-rule', {}, () => [
      report('app-2', ENV_B, 'application', '', 'medium'),
      report('app-1', ENV_B, 'application', '/z', 'medium'),
      report('app-1', ENV_B, 'application', '/a', 'medium'),
      report('user-1', ENV_A, 'user', '', 'critical'),
    ]);
    const second = fakeRule('a-rule', {}, () => [
      report('app-9', ENV_B, 'application', '', 'medium'),
      report('app-9', ENV_A, 'user', '', 'medium'),
      report('app-9', ENV_A, 'application', '', 'medium'),
      report('role-1', undefined, 'role', '', 'medium'),
    ]);
    const order = run(twoEnvironments(), [resolve(first), resolve(second)]).findings.map((f) => `${f.severity} ${f.environmentId} ${f.ruleId} ${f.resource.type} ${f.resource.id} ${f.pointer}`);
    expect(order).toEqual([
      'critical env-a b-rule user user-1 ',
      'medium null a-rule role role-1 ',
      'medium env-a a-rule application app-9 ',
      'medium env-a a-rule user app-9 ',
      'medium env-b a-rule application app-9 ',
      'medium env-b b-rule application app-1 /a',
      'medium env-b b-rule application app-1 /z',
      'medium env-b b-rule application app-2 ',
    ]);
  });

  it('collapses duplicate reports (same fingerprint) into one, keeping the most severe', () => {
    const twice = fakeRule('twice', {}, () => {
      const base: RuleReport = { messageId: 'found', data: { name: 'Alpha' }, resource: { type: 'application', id: 'app-a', name: 'Alpha', environmentId: ENV_A }, pointer: '/x' };
      return [
        { ...base, severity: 'low' },
        { ...base, resource: { ...base.resource, name: 'Renamed' }, severity: 'high' },
      ];
    });
    const result = run(twoEnvironments(), [resolve(twice)]);
    expect(result.findings.map((finding) => finding.severity)).toEqual(['high']);
    expect(result.ruleResults.find((r) => r.environmentId === ENV_A)?.findings).toBe(1);
    expect(result.summary.findings).toBe(1);
  });
});

describe('runRules: not evaluated', () => {
  it('a failed kind in one environment: not evaluated there (reports dropped), evaluated elsewhere', () => {
    const snapshot = twoEnvironments([failedEntry('applications', ENV_B)]);
    const needsApps = flagEveryApp('needs-apps', { requires: ['applications'] });
    const needsPolicies = flagEveryApp('needs-policies', { requires: ['signOnPolicies'] });
    const result = run(snapshot, [resolve(needsApps), resolve(needsPolicies)]);

    expect(result.findings.filter((f) => f.ruleId === 'needs-apps').map((f) => f.environmentId)).toEqual([ENV_A]);
    expect(result.findings.filter((f) => f.ruleId === 'needs-policies').map((f) => f.environmentId)).toEqual([ENV_A, ENV_B]);
    expect(result.notEvaluated).toEqual([
      {
        ruleId: 'needs-apps',
        environmentId: ENV_B,
        reasons: [{ kind: 'applications', path: '/environments/env-b/applications', httpStatus: 403, error: 'ACCESS_FAILED' }],
      },
    ]);
    expect(result.ruleResults.filter((r) => r.ruleId === 'needs-apps')).toEqual([
      { ruleId: 'needs-apps', environmentId: ENV_A, outcome: 'fail', findings: 1 },
      { ruleId: 'needs-apps', environmentId: ENV_B, outcome: 'not-evaluated', findings: 0 },
    ]);
  });

  it.each(['users', 'userRoleAssignments', 'groups', 'groupRoleAssignments', 'groupMembers', 'roles', 'customRoles', 'applicationRoleAssignments', 'gatewayRoleAssignments'] as const)(
    'a failed %s (an actor kind) blinds the rule in every environment, and it is not run',
    (kind) => {
      const check = vi.fn(() => []);
      const result = run(twoEnvironments([failedEntry(kind, ENV_A)]), [resolve(fakeRule('actors', { requires: ['applications', kind] }, check))]);
      expect(check).not.toHaveBeenCalled();
      expect(result.notEvaluated.map((entry) => [entry.environmentId, entry.reasons.map((r) => r.kind)])).toEqual([
        [ENV_A, [kind]],
        [ENV_B, [kind]],
      ]);
      expect(result.ruleResults.map((r) => r.outcome)).toEqual(['not-evaluated', 'not-evaluated']);
      expect(result.summary.rulesRun).toBe(0);
    },
  );

  it('a failed entry without an environment blinds the rule everywhere', () => {
    const result = run(twoEnvironments([failedEntry('environments')]), [resolve(flagEveryApp('env-rule', { requires: ['environments'] }))]);
    expect(result.findings).toEqual([]);
    expect(result.notEvaluated.map((entry) => entry.environmentId)).toEqual([ENV_A, ENV_B]);
  });

  it('lists every reason that applies to an environment, global ones included', () => {
    const snapshot = twoEnvironments([failedEntry('applications', ENV_B), failedEntry('users', ENV_A), failedEntry('gateways', ENV_B)]);
    const result = run(snapshot, [resolve(fakeRule('many', { requires: ['applications', 'users'] }))]);
    expect(result.notEvaluated.map((entry) => [entry.environmentId, entry.reasons.map((r) => r.kind)])).toEqual([
      [ENV_A, ['users']],
      [ENV_B, ['applications', 'users']],
    ]);
  });

  it("one application's failed sub-read: only that app is not evaluated, the others are judged", () => {
    const snapshot = buildSnapshot({
      environments: [
        { id: ENV_A, applications: [webApp({ id: 'app-a', name: 'Alpha' }), webApp({ id: 'app-c', name: 'Gamma' })] },
        { id: ENV_B, applications: [webApp({ id: 'app-b', name: 'Beta' })] },
      ],
      failed: [{ ...failedEntry('applicationSignOnPolicyAssignments', ENV_A), failedResources: [{ type: 'application', id: 'app-a' }] }],
    });
    const result = run(snapshot, [resolve(flagEveryApp('needs-assignments', { requires: ['applicationSignOnPolicyAssignments'] }))]);
    expect(result.findings.map((finding) => finding.resource.id)).toEqual(['app-c', 'app-b']);
    expect(result.notEvaluated).toEqual([
      {
        ruleId: 'needs-assignments',
        environmentId: ENV_A,
        reasons: [expect.objectContaining({ kind: 'applicationSignOnPolicyAssignments', httpStatus: 403 })],
        resources: [{ type: 'application', id: 'app-a' }],
      },
    ]);
    expect(result.summary.collectionComplete).toBe(false);
  });

  it('one user or group left out (wrong-typed answer) is a gap for that resource alone: the rule still judges every environment', () => {
    const leftOut = [
      { ...failedEntry('users', ENV_A), failedResources: [{ type: 'user' as const, id: 'user-x' }] },
      { ...failedEntry('groups', ENV_A), failedResources: [{ type: 'group' as const, id: 'group-y' }] },
    ];
    const result = run(twoEnvironments(leftOut), [resolve(flagEveryApp('needs-actors', { requires: ['applications', 'users', 'groups'] }))]);
    expect(result.summary.rulesRun).toBe(1);
    expect(result.findings.map((finding) => finding.resource.id).sort()).toEqual(['app-a', 'app-b']);
    expect(result.notEvaluated).toEqual([
      {
        ruleId: 'needs-actors',
        environmentId: ENV_A,
        reasons: [expect.objectContaining({ kind: 'users' }), expect.objectContaining({ kind: 'groups' })],
        resources: [
          { type: 'user', id: 'user-x' },
          { type: 'group', id: 'group-y' },
        ],
      },
    ]);
    expect(result.summary.collectionComplete).toBe(false);
  });

  it('a users list that failed as a whole still blinds the rule everywhere (admins of one environment live in another)', () => {
    const result = run(twoEnvironments([failedEntry('users', ENV_A)]), [resolve(flagEveryApp('needs-users', { requires: ['applications', 'users'] }))]);
    expect(result.summary.rulesRun).toBe(0);
    expect(result.findings).toEqual([]);
  });

  it('a per-resource gap with no finding left is not a pass', () => {
    const snapshot = twoEnvironments([{ ...failedEntry('applicationGrants', ENV_A), failedResources: [{ type: 'application', id: 'app-a' }] }]);
    const result = run(snapshot, [resolve(flagEveryApp('needs-grants', { requires: ['applicationGrants'] }))]);
    expect(result.ruleResults).toEqual([
      { ruleId: 'needs-grants', environmentId: ENV_A, outcome: 'not-evaluated', findings: 0 },
      { ruleId: 'needs-grants', environmentId: ENV_B, outcome: 'fail', findings: 1 },
    ]);
  });

  it('lists the resources a rule skipped, with why, apart from data gaps', () => {
    const skipping = fakeRule('skipper', {}, (snapshot, context) => {
      const app = snapshot.environments[0]!.applications[0]!;
      context.leaveUnjudged({ type: 'application', id: app.id, name: app.name, environmentId: ENV_A }, 'signs in through DaVinci flow policy fp-1');
      return [];
    });
    const result = run(twoEnvironments(), [resolve(skipping)]);
    expect(result.skipped).toEqual([{ ruleId: 'skipper', resource: { type: 'application', id: 'app-a', name: 'Alpha', environmentId: ENV_A }, reason: 'signs in through DaVinci flow policy fp-1' }]);
    expect(result.notEvaluated).toEqual([]);
  });

  it('warns once per enum value this version does not know', () => {
    const snapshot = buildSnapshot({
      environments: [
        {
          id: ENV_A,
          applications: [webApp({ id: 'app-a', grantTypes: ['AUTHORIZATION_CODE', 'PASSKEY_GRANT'] }), webApp({ id: 'app-b', type: 'AGENT_APP', grantTypes: ['PASSKEY_GRANT'] })],
        },
      ],
    });
    const warnings = run(snapshot, []).warnings ?? [];
    expect(warnings.map((warning) => warning.code)).toEqual(['unknown-value', 'unknown-value']);
    expect(warnings[0]?.message).toContain('application type "AGENT_APP"');
    expect(warnings[1]?.message).toMatch(/grant type "PASSKEY_GRANT" .*\(2 resources, first environments\/env-a\/applications\/app-a\.json\)/);
    expect(run(twoEnvironments(), []).warnings).toBeUndefined();
  });

  it('warns about a role assignment scope type this version does not know on a user or a group, naming the first one’s file', () => {
    const futureScope = () => assignment('Environment Admin', { type: 'TENANT_SLICE' as 'ENVIRONMENT', id: 'slice-1' });
    const snapshot = buildSnapshot({
      environments: [
        {
          id: ENV_A,
          users: [user({ id: 'user-plain' }), user({ id: 'user-future', memberOfGroupIDs: ['group-future'], _embedded: { roleAssignments: [futureScope()] } })],
          groups: [group({ id: 'group-future', _embedded: { roleAssignments: [futureScope()] } })],
        },
      ],
    });
    const warnings = (run(snapshot, []).warnings ?? []).map((warning) => warning.message);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/role assignment scope type "TENANT_SLICE" .*\(2 resources, first environments\/env-a\/users\/user-future\.json\)/);
  });

  it('a failure of a kind the rule does not require changes nothing for it', () => {
    const result = run(twoEnvironments([failedEntry('users', ENV_A)]), [resolve(flagEveryApp('apps-only', { requires: ['applications'] }))]);
    expect(result.notEvaluated).toEqual([]);
    expect(result.findings).toHaveLength(2);
    expect(result.summary.collectionComplete).toBe(false);
  });
});

describe('runRules: rule errors', () => {
  it('a rule that throws becomes a rule error; the other rules still run', () => {
    const broken = fakeRule('broken', {}, () => {
      throw new TypeError('cannot read properties of undefined');
    });
    const result = run(twoEnvironments(), [resolve(broken), resolve(flagEveryApp('works'))]);
    expect(result.ruleErrors).toEqual([{ ruleId: 'broken', message: 'cannot read properties of undefined', stack: expect.stringContaining('TypeError') }]);
    expect(result.ruleResults.filter((r) => r.ruleId === 'broken').map((r) => r.outcome)).toEqual(['error', 'error']);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['works', 'works']);
    expect(result.summary).toMatchObject({ ruleErrors: 1, rulesRun: 2 });
  });

  it("an unknown messageId is a rule error, not a crash, and the rule's other reports are not kept", () => {
    const rule = flagEveryApp('typo', {}, {});
    const withTypo = fakeRule('typo', {}, (snapshot, context) => [
      ...rule.check(snapshot, context),
      { messageId: 'fuond', data: { name: 'x' }, resource: { type: 'application', id: 'app-a', name: 'Alpha', environmentId: ENV_A }, pointer: '' },
    ]);
    const result = run(twoEnvironments(), [resolve(withTypo)]);
    expect(result.ruleErrors).toEqual([expect.objectContaining({ ruleId: 'typo', message: expect.stringContaining('"fuond"') })]);
    expect(result.findings).toEqual([]);
  });

  it('a placeholder without data is a rule error', () => {
    const result = run(twoEnvironments(), [resolve(flagEveryApp('no-data', {}, { data: {} }))]);
    expect(result.ruleErrors[0]?.message).toContain('{{name}}');
  });

  it('a pointer that is not a JSON pointer is a rule error', () => {
    const result = run(twoEnvironments(), [resolve(flagEveryApp('bad-pointer', {}, { pointer: 'enabled' }))]);
    expect(result.ruleErrors[0]?.message).toContain('JSON pointer');
  });
});

describe('runRules: result', () => {
  it('summarizes counts, rules, collection health and the run', () => {
    const snapshot = twoEnvironments([failedEntry('applications', ENV_B)]);
    const broken = fakeRule('broken', { requires: [] }, () => {
      throw new Error('boom');
    });
    const rules = [resolve(flagEveryApp('apps', { requires: ['applications'] }), 'high'), resolve(flagEveryApp('any', { requires: [] }), 'low'), resolve(broken)];
    const result = run(snapshot, rules);
    expect(result.summary).toEqual({
      findings: 3,
      bySeverity: { critical: 0, high: 1, medium: 0, low: 2, info: 0 },
      suppressed: 0,
      notEvaluated: 1,
      ruleErrors: 1,
      rulesRun: 3,
      collectionComplete: false,
    });
    expect(result.tool).toEqual({ name: 'pingone-audit', version: '9.9.9' });
    expect(result.generatedAt).toBe('2026-11-22T12:00:00.000Z');
    expect(result.snapshot).toEqual({
      createdAt: snapshot.manifest.createdAt,
      organizationId: 'org-acme',
      environmentIds: [ENV_A, ENV_B],
      environments: [ENV_A, ENV_B].map((id) => ({ id, name: 'Production', type: 'PRODUCTION' })),
      applications: { total: 2, signingInThroughDaVinci: 0 },
      path: 'snap',
    });
    expect(result.rules.map((rule) => [rule.id, rule.severity])).toEqual([
      ['apps', 'high'],
      ['any', 'low'],
      ['broken', 'medium'],
    ]);
    expect(result.suppressed).toEqual([]);
    expect(result.collection).toBe(snapshot.manifest.collection);
  });

  it('is the same for the same input (deterministic)', () => {
    const rules = [resolve(flagEveryApp('one')), resolve(flagEveryApp('two', {}, { severity: 'critical' }))];
    expect(run(twoEnvironments(), rules)).toEqual(run(twoEnvironments(), rules));
  });
});

describe('runRules: out of scope (data outside what was audited, not a failed read)', () => {
  const outOfScope = (kind: CollectionEntry['kind'], mode: 'rule' | 'subjects'): CollectionEntry => ({ kind, environmentId: ENV_B, status: 'failed', outOfScope: mode, error: 'not declared' });
  const complete = (snapshot: Snapshot): Snapshot => ({ ...snapshot, manifest: { ...snapshot.manifest, collection: { ...snapshot.manifest.collection, complete: true } } });

  it("'rule': the rule is not evaluated there (reports dropped), marked outOfScope and counted, never a pass, and the gate stays clean", () => {
    const result = run(complete(twoEnvironments([outOfScope('signOnPolicies', 'rule')])), [resolve(flagEveryApp('needs-policies', { requires: ['signOnPolicies'] }), 'low')]);
    expect(result.findings.map((finding) => finding.environmentId)).toEqual([ENV_A]);
    expect(result.notEvaluated).toEqual([{ ruleId: 'needs-policies', environmentId: ENV_B, reasons: [{ kind: 'signOnPolicies', error: 'not declared', outOfScope: 'rule' }], outOfScope: true }]);
    expect(result.summary.outOfScope).toBe(1);
    expect(result.ruleResults.find((item) => item.environmentId === ENV_B)?.outcome).toBe('not-evaluated');
    expect(decideGate(result, { failOn: 'high', allowIncomplete: false }).verdict).toBe('clean');
  });

  it("'subjects': the rule's reports stand, but a clean environment is not evaluated rather than passed", () => {
    const flagA = fakeRule('keys-and-apps', { requires: ['applications', 'keys'] }, (snapshot) =>
      snapshot.environments
        .filter((env) => env.environment.id === ENV_B)
        .flatMap((env) =>
          env.applications.map((app) => ({ messageId: 'found', data: { name: app.name }, resource: { type: 'application' as const, id: app.id, name: app.name, environmentId: ENV_B }, pointer: '' })),
        ),
    );
    const result = run(complete(twoEnvironments([outOfScope('keys', 'subjects')])), [resolve(flagA)]);
    expect(result.findings.map((finding) => finding.environmentId)).toEqual([ENV_B]);
    expect(result.notEvaluated).toMatchObject([{ ruleId: 'keys-and-apps', environmentId: ENV_B, outOfScope: true }]);
    expect(result.ruleResults.map((item) => item.outcome)).toEqual(['pass', 'fail']);
    const quiet = run(complete(twoEnvironments([outOfScope('keys', 'subjects')])), [resolve(fakeRule('keys-only', { requires: ['keys'] }))]);
    expect(quiet.ruleResults.map((item) => item.outcome)).toEqual(['pass', 'not-evaluated']);
  });

  it('a real gap beside an out-of-scope kind keeps the pair a gap: incomplete', () => {
    const snapshot = twoEnvironments([outOfScope('signOnPolicies', 'rule'), failedEntry('applications', ENV_B)]);
    const result = run(snapshot, [resolve(flagEveryApp('both', { requires: ['applications', 'signOnPolicies'] }))]);
    expect(result.notEvaluated).toHaveLength(1);
    expect(result.notEvaluated[0]?.outOfScope).toBeUndefined();
    expect(result.summary.outOfScope).toBeUndefined();
    expect(decideGate(result, { failOn: 'high', allowIncomplete: false }).verdict).toBe('incomplete');
  });
});
