import { describe, expect, it } from 'vitest';
import { resolveRules } from '../../src/engine/resolve-rules.js';
import { ruleContext } from '../../src/engine/rule-context.js';
import type { MessageValue, Rule, RuleMessages, RuleOptions, RuleReport, Severity } from '../../src/engine/types.js';
import { bundledProfiles } from '../../src/profiles/load-profiles.js';
import { ruleIntegrations } from '../../src/profiles/rule-integrations.js';
import { buildSnapshotIndex } from '../../src/snapshot/index-builder.js';
import type { ResourceRef, ResourceType, Snapshot, SnapshotKind } from '../../src/snapshot/model.js';
import { recordIndexReads } from './index-recorder.js';
import { recordKindsRead } from './kind-recorder.js';

export const TEST_NOW = new Date('2026-11-22T12:00:00.000Z');

export interface RuleTestCase<Options extends RuleOptions = RuleOptions> {
  name: string;
  snapshot: Snapshot;
  /** Set over the rule's defaults through the same resolver (and schema check) the CLI's config goes through. */
  options?: { -readonly [Name in keyof Options]?: Options[Name] };
  now?: Date;
  /** application id → integration profile ids, as the config's `integrations` (the shipped profiles bind the rest). */
  profileBindings?: Record<string, string[]>;
  /** Resources the rule must skip (not judge), each with a fragment of the reason; none when absent. */
  skipped?: Array<{ resource: { type: RuleReport['resource']['type']; id: string }; reason: string }>;
}

export interface ExpectedReport<Messages extends RuleMessages = RuleMessages> {
  messageId: keyof Messages & string;
  resource: { type: ResourceType; id: string };
  pointer: string;
  /** The report's effective severity; when left out, the rule's default severity is asserted. */
  severity?: Severity;
  data?: Record<string, MessageValue>;
}

export interface InvalidRuleTestCase<Messages extends RuleMessages = RuleMessages, Options extends RuleOptions = RuleOptions> extends RuleTestCase<Options> {
  errors: Array<ExpectedReport<Messages>>;
}

/** A rule's cases: those that keep it quiet (`valid`) and those that make it fire (`invalid`). */
interface RuleTestCases<Messages extends RuleMessages = RuleMessages, Options extends RuleOptions = RuleOptions> {
  valid: Array<RuleTestCase<Options>>;
  invalid: Array<InvalidRuleTestCase<Messages, Options>>;
}

/**
 * Runs one rule's check directly on a deep-frozen snapshot, with the case's options resolved over
 * the rule's defaults exactly as a config file's would be (so an option the schema refuses fails
 * the test). A rule that writes to the snapshot throws.
 */
export function runRule<Messages extends RuleMessages, Options extends RuleOptions>(rule: Rule<Messages, Options>, testCase: RuleTestCase<Options>): Array<RuleReport<Messages>> {
  return runRuleWithSkips(rule, testCase).reports;
}

type Skipped = Array<{ resource: ResourceRef; reason: string }>;

/**
 * {@link runRule}, with the resources the rule skipped (`context.leaveUnjudged`) and why, and the snapshot
 * kinds it read (through the snapshot, the index or the integrations).
 */
export function runRuleWithSkips<Messages extends RuleMessages, Options extends RuleOptions>(
  rule: Rule<Messages, Options>,
  testCase: RuleTestCase<Options>,
): { reports: Array<RuleReport<Messages>>; skipped: Skipped; kinds: ReadonlySet<SnapshotKind> } {
  const skipped: Skipped = [];
  const erased = rule as unknown as Rule;
  const setting = testCase.options === undefined ? {} : { options: testCase.options };
  const [resolved] = resolveRules([erased], {}, { extends: [], rules: { [rule.id]: setting } }, { config: { file: `${rule.id} test case "${testCase.name}"` } });
  const recorded = recordKindsRead(deepFreeze(testCase.snapshot));
  const { snapshot } = recorded;
  // The index reads everything up front, not for any one rule: each answer records the kinds it
  // depends on instead, and what a rule then reads of the resources it hands out is recorded as it goes.
  const built = recorded.unrecorded(() => buildSnapshotIndex(snapshot));
  const index = recordIndexReads(built, recorded);
  const integrations = ruleIntegrations(bundledProfiles(), new Map(Object.entries(testCase.profileBindings ?? {})), snapshot, index);
  const skip = (resource: ResourceRef, reason: string) => void skipped.push({ resource, reason });
  const context = ruleContext({ now: testCase.now ?? TEST_NOW, index, integrations, leaveUnjudged: skip }, resolved!.options);
  return { reports: erased.check(snapshot, context) as Array<RuleReport<Messages>>, skipped, kinds: recorded.kinds };
}

function expectSkips(actual: Skipped, expected: RuleTestCase['skipped']): void {
  expect(actual.map(({ resource }) => ({ type: resource.type, id: resource.id }))).toEqual((expected ?? []).map(({ resource }) => resource));
  (expected ?? []).forEach(({ reason }, i) => expect(actual[i]?.reason).toContain(reason));
}

/**
 * The rule tester: at least one case that keeps the rule quiet and one that makes it fire are
 * required, case names and case contents must be unique, and every report must name an existing
 * messageId whose placeholders its data fills. Each expected report is compared on messageId,
 * resource, pointer and effective severity (the rule's default unless the case names another), and
 * every snapshot kind the cases read must be listed in `meta.requires`.
 */
export function testRule<Messages extends RuleMessages, Options extends RuleOptions>(
  rule: Rule<Messages, Options>,
  cases: RuleTestCases<Messages, Options>,
  /** Kinds the rule reads but rightly does not require, each with the reason (it copes with their absence itself). */
  readsWithoutRequiring: Partial<Record<SnapshotKind, string>> = {},
): void {
  describe(rule.id, () => {
    const run = (testCase: RuleTestCase<Options>) => runRuleWithSkips(rule, testCase);

    it('has a case that keeps the rule quiet and one that makes it fire, none twice', () => {
      expect(caseProblems(cases)).toEqual([]);
    });

    for (const testCase of cases.valid) {
      it(`valid: ${testCase.name}`, () => {
        const { reports, skipped } = run(testCase);
        expect(reports).toEqual([]);
        expectSkips(skipped, testCase.skipped);
      });
    }

    for (const testCase of cases.invalid) {
      it(`invalid: ${testCase.name}`, () => {
        const { reports, skipped } = run(testCase);
        expectSkips(skipped, testCase.skipped);
        for (const report of reports) assertRenderable(rule, report);
        const actual = reports.map((report) => ({
          messageId: report.messageId,
          resource: { type: report.resource.type, id: report.resource.id },
          pointer: report.pointer,
          severity: report.severity ?? rule.meta.severity,
        }));
        const expected = testCase.errors.map(({ messageId, resource, pointer, severity }) => ({ messageId, resource, pointer, severity: severity ?? rule.meta.severity }));
        expect(actual).toEqual(expected);
        testCase.errors.forEach((error, i) => {
          if (error.data) expect(reports[i]?.data).toMatchObject(error.data);
        });
      });
    }

    // A kind read but not required would let the rule run on data that failed to collect and report its
    // absence as a pass. The cases run again here, so that the check holds alone (-t) or shuffled.
    it('requires every snapshot kind its cases read', () => {
      const kindsRead = new Set([...cases.valid, ...cases.invalid].flatMap((testCase) => [...run(testCase).kinds]));
      const unlisted = [...kindsRead].filter((kind) => !rule.meta.requires.includes(kind) && readsWithoutRequiring[kind] === undefined).sort();
      expect(unlisted, 'kinds read but missing from meta.requires').toEqual([]);
    });
  });
}

function assertRenderable(rule: Rule<RuleMessages, RuleOptions>, report: RuleReport): void {
  const template = rule.meta.messages[report.messageId];
  expect(template, `messageId "${report.messageId}" is not in meta.messages`).toBeTypeOf('string');
  for (const [, name] of (template ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
    expect(report.data ?? {}, `placeholder {{${name}}} of "${report.messageId}"`).toHaveProperty(name as string);
  }
  expect(report.resource.name, 'resource name').toBeTruthy();
}

/**
 * What is wrong with a rule's cases as a whole, one line each (empty when nothing is): no valid case, no
 * invalid case, an invalid case that expects no report (it would pass on a rule that never fires), and
 * two cases with the same name or the same content (snapshot, options, now and bindings).
 */
export function caseProblems<Messages extends RuleMessages, Options extends RuleOptions>(cases: RuleTestCases<Messages, Options>): string[] {
  const all = [...cases.valid, ...cases.invalid];
  return [
    ...(cases.valid.length === 0 ? ['no valid case: none shows the rule staying quiet'] : []),
    ...(cases.invalid.length === 0 ? ['no invalid case: none makes the rule fire'] : []),
    ...cases.invalid.filter((testCase) => testCase.errors.length === 0).map((testCase) => `invalid case "${testCase.name}" expects no report: make it a valid case`),
    ...duplicates(all.map((testCase) => testCase.name)).map((name) => `case name used twice: ${name}`),
    ...duplicates(all.map(caseContent)).map(
      (content) =>
        `two cases with the same content: ${all
          .filter((testCase) => caseContent(testCase) === content)
          .map((testCase) => testCase.name)
          .join(', ')}`,
    ),
  ];
}

function caseContent({ snapshot, options, now, profileBindings }: RuleTestCase): string {
  return JSON.stringify({ snapshot, options, now: now ?? TEST_NOW, profileBindings });
}

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((value, i) => values.indexOf(value) !== i))];
}

/** Freezes every object reachable from `value` (the snapshot a rule must only read). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
