import { describe, expect, it } from 'vitest';
import type { Rule, RuleReport, Severity } from '../../src/engine/types.js';
import type { Snapshot } from '../../src/snapshot/model.js';
import { buildSnapshotIndex } from '../../src/snapshot/index-builder.js';

export const TEST_NOW = new Date('2026-11-22T12:00:00.000Z');

export interface RuleTestCase {
  name: string;
  snapshot: Snapshot;
  options?: Record<string, unknown>;
  now?: Date;
  /** application id → integration profile ids. */
  profileBindings?: Record<string, string[]>;
}

export interface ExpectedReport {
  messageId: string;
  resource: { type: RuleReport['resource']['type']; id: string };
  pointer: string;
  severity?: Severity;
  data?: Record<string, string | number | boolean>;
}

export interface InvalidRuleTestCase extends RuleTestCase {
  errors: ExpectedReport[];
}

/** Runs one rule's check directly, with its default options merged under the case's. */
export function runRule(rule: Rule, testCase: RuleTestCase): RuleReport[] {
  return rule.check(testCase.snapshot, {
    options: { ...(rule.meta.options?.defaults ?? {}), ...(testCase.options ?? {}) },
    now: testCase.now ?? TEST_NOW,
    index: buildSnapshotIndex(testCase.snapshot),
    profileBindings: new Map(Object.entries(testCase.profileBindings ?? {})),
  });
}

/**
 * The rule tester: at least one case that keeps the rule quiet and one that makes it fire are
 * required, and every report must name an existing messageId whose placeholders its data fills.
 */
export function testRule(rule: Rule, cases: { valid: RuleTestCase[]; invalid: InvalidRuleTestCase[] }): void {
  describe(rule.id, () => {
    it('has at least one valid and one invalid case', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });

    for (const testCase of cases.valid) {
      it(`valid: ${testCase.name}`, () => {
        expect(runRule(rule, testCase)).toEqual([]);
      });
    }

    for (const testCase of cases.invalid) {
      it(`invalid: ${testCase.name}`, () => {
        const reports = runRule(rule, testCase);
        for (const report of reports) assertRenderable(rule, report);
        const actual = reports.map((report) => ({
          messageId: report.messageId,
          resource: { type: report.resource.type, id: report.resource.id },
          pointer: report.pointer,
        }));
        const expected = testCase.errors.map(({ messageId, resource, pointer }) => ({ messageId, resource, pointer }));
        expect(actual).toEqual(expected);
        testCase.errors.forEach((error, i) => {
          if (error.severity) expect(reports[i]?.severity).toBe(error.severity);
          if (error.data) expect(reports[i]?.data).toMatchObject(error.data);
        });
      });
    }
  });
}

function assertRenderable(rule: Rule, report: RuleReport): void {
  const template = rule.meta.messages[report.messageId];
  expect(template, `messageId "${report.messageId}" is not in meta.messages`).toBeTypeOf('string');
  for (const [, name] of (template ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
    expect(report.data ?? {}, `placeholder {{${name}}} of "${report.messageId}"`).toHaveProperty(name as string);
  }
  expect(report.resource.name, 'resource name').toBeTruthy();
}
