import { describe, expect, it } from 'vitest';
import { defineRule } from '../../src/engine/define-rule.js';
import type { RuleMeta } from '../../src/engine/types.js';
import type { SnapshotIndex } from '../../src/snapshot/lookup.js';
import type { Snapshot } from '../../src/snapshot/model.js';
import { runRuleWithSkips } from '../helpers/rule-tester.js';
import { buildSnapshot, webApp } from '../helpers/snapshot-builder.js';

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
    const direct = runRuleWithSkips(reader((s) => s.environments.map((env) => env.applications.map((app) => app._embedded?.roleAssignments))), { name: 'apps', snapshot: snapshot() });
    expect([...direct.kinds].sort()).toEqual(['applicationRoleAssignments', 'applications']);
    const viaIndex = runRuleWithSkips(reader((s, index) => s.environments.flatMap((env) => env.users.map((user) => index.userRoles(env.environment.id, user)))), { name: 'users', snapshot: snapshot() });
    expect([...viaIndex.kinds]).toContain('userRoleAssignments');
  });

  it('counts an environment read only beyond its id and name, which label findings', () => {
    expect([...runRuleWithSkips(reader((s) => s.environments.map((env) => [env.environment.id, env.environment.name])), { name: 'labels', snapshot: snapshot() }).kinds]).toEqual([]);
    expect([...runRuleWithSkips(reader((s) => s.environments.map((env) => env.environment.type)), { name: 'type', snapshot: snapshot() }).kinds]).toEqual(['environments']);
  });

  it('refuses a rule that writes to the snapshot', () => {
    const writer = reader((s) => {
      s.environments[0]!.applications[0]!.name = 'renamed';
    });
    expect(() => runRuleWithSkips(writer, { name: 'write', snapshot: snapshot() })).toThrow(TypeError);
  });
});
