import { describe, expect, it } from 'vitest';
import { defineRule } from '../../src/engine/define-rule.js';
import type { RuleMeta } from '../../src/engine/types.js';
import type { SnapshotIndex } from '../../src/snapshot/lookup.js';
import type { Snapshot } from '../../src/snapshot/model.js';
import { caseProblems, runRuleWithSkips } from '../helpers/rule-tester.js';
import { assignment, buildSnapshot, group, PROD_ENV_ID, roleId, user, webApp, workerApp } from '../helpers/snapshot-builder.js';

const meta = {
  title: 'Reader',
  description: 'Disallow nothing; reads what the test asks.',
  severity: 'low',
  category: 'applications',
  tags: [],
  requires: [],
  docs: { rationale: 'A test rule.', remediation: [], references: [] },
  messages: {},
} satisfies RuleMeta;

/** A rule whose check only runs `read` on what it is given. */
const reader = (read: (snapshot: Snapshot, index: SnapshotIndex) => unknown) =>
  defineRule({
    id: 'reader',
    meta,
    check: (snapshot, { index }) => {
      read(snapshot, index);
      return [];
    },
  });

const snapshot = () => buildSnapshot({ environments: [{ applications: [webApp()], users: [{ id: 'u', username: 'u', _embedded: { roleAssignments: [] } }] }] });

describe('the rule tester', () => {
  it('records the kinds a rule reads, through the snapshot and through the index', () => {
    const direct = runRuleWithSkips(
      reader((s) => s.environments.map((env) => env.applications.map((app) => app._embedded?.roleAssignments))),
      { name: 'apps', snapshot: snapshot() },
    );
    expect([...direct.kinds].sort()).toEqual(['applicationRoleAssignments', 'applications']);
    const viaIndex = runRuleWithSkips(
      reader((s, index) => s.environments.flatMap((env) => env.users.map((user) => index.userRoles(env.environment.id, user)))),
      { name: 'users', snapshot: snapshot() },
    );
    expect([...viaIndex.kinds]).toContain('userRoleAssignments');
  });

  it('records what an index answer depends on, a miss included', () => {
    const kindsOf = (read: (index: SnapshotIndex) => unknown) =>
      [
        ...runRuleWithSkips(
          reader((_, index) => read(index)),
          { name: 'index', snapshot: snapshot() },
        ).kinds,
      ].sort();
    expect(kindsOf((index) => index.group(PROD_ENV_ID, 'no-such-group'))).toEqual(['groups']);
    expect(kindsOf((index) => index.groupMembers(PROD_ENV_ID, 'no-such-group'))).toEqual(['groupMembers', 'users']);
    expect(kindsOf((index) => index.populationEnvironment('no-such-population'))).toEqual(['populations']);
    expect(kindsOf((index) => index.applicationEnvironment('app-web'))).toEqual(['applications']);
    expect(kindsOf((index) => index.role(roleId('Environment Admin')))).toEqual(['roles']);
    expect(kindsOf((index) => index.role('no-such-role'))).toEqual(['customRoles', 'roles']);
  });

  it('records admin actors by the kind of actor read, not by the list', () => {
    const actors = buildSnapshot({
      environments: [{ applications: [workerApp()], users: [user({ memberOfGroupIDs: ['group-1'] })], groups: [group({ _embedded: { roleAssignments: [assignment('Environment Admin')] } })] }],
    });
    const kindsOf = (wanted: string) =>
      [
        ...runRuleWithSkips(
          reader((_, index) =>
            index
              .adminActors()
              .filter((actor) => actor.kind === wanted)
              .map((actor) => actor.roles),
          ),
          { name: wanted, snapshot: actors },
        ).kinds,
      ].sort();
    expect(kindsOf('application')).toEqual(['applicationRoleAssignments', 'applications', 'roles']);
    expect(kindsOf('user')).toEqual(['groupMembers', 'groupRoleAssignments', 'groups', 'roles', 'userRoleAssignments', 'users']);
    expect(kindsOf('gateway')).toEqual([]);
  });

  it('counts an environment read only beyond its id and name, which label findings', () => {
    expect([
      ...runRuleWithSkips(
        reader((s) => s.environments.map((env) => [env.environment.id, env.environment.name])),
        { name: 'labels', snapshot: snapshot() },
      ).kinds,
    ]).toEqual([]);
    expect([
      ...runRuleWithSkips(
        reader((s) => s.environments.map((env) => env.environment.type)),
        { name: 'type', snapshot: snapshot() },
      ).kinds,
    ]).toEqual(['environments']);
  });

  it('refuses cases that could pass on a rule that never fires, and cases given twice', () => {
    const quiet = { name: 'quiet', snapshot: snapshot() };
    const fires = {
      name: 'fires',
      snapshot: buildSnapshot({ environments: [{ applications: [workerApp()] }] }),
      errors: [{ messageId: 'm', resource: { type: 'application' as const, id: 'app-worker' }, pointer: '' }],
    };
    expect(caseProblems({ valid: [quiet], invalid: [fires] })).toEqual([]);
    expect(caseProblems({ valid: [], invalid: [] })).toEqual(['no valid case: none shows the rule staying quiet', 'no invalid case: none makes the rule fire']);
    expect(caseProblems({ valid: [quiet], invalid: [fires, { name: 'fires nothing', snapshot: snapshot(), errors: [] }] })).toEqual([
      'invalid case "fires nothing" expects no report: make it a valid case',
      'two cases with the same content: quiet, fires nothing',
    ]);
    expect(caseProblems({ valid: [quiet, { ...quiet, snapshot: buildSnapshot({}) }], invalid: [fires] })).toEqual(['case name used twice: quiet']);
  });

  it('refuses a rule that writes to the snapshot', () => {
    const writer = reader((s) => {
      s.environments[0]!.applications[0]!.name = 'renamed';
    });
    expect(() => runRuleWithSkips(writer, { name: 'write', snapshot: snapshot() })).toThrow(TypeError);
  });
});
