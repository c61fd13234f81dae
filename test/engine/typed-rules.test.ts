import { describe, expect, it } from 'vitest';
import { defineRule } from '../../src/engine/define-rule.js';
import type { MessageData, Placeholders, RuleMeta } from '../../src/engine/types.js';
import { applicationRef, applicationsOf } from '../../src/pingone/applications.js';
import { buildSnapshot, webApp } from '../helpers/snapshot-builder.js';
import { runRule } from '../helpers/rule-tester.js';

// The `@ts-expect-error` lines below are the type test: `tsc -p test/tsconfig.json` (part of
// `npm test`) fails if any of them stops being an error, i.e. if a misspelt message id, missing
// placeholder data or a wrongly typed option ever compiles again.

const meta = {
  title: 'Typed rule',
  description: 'Disallow nothing; exists to be type-checked.',
  severity: 'low',
  category: 'applications',
  tags: [],
  requires: ['applications'],
  docs: { rationale: 'A test rule.', remediation: [], references: [] },
} satisfies Omit<RuleMeta, 'messages'>;

const typed = defineRule({
  id: 'typed-rule',
  meta: {
    ...meta,
    messages: {
      tooLong: 'Application {{app}} lives {{ actual }}, above {{max}}.',
      plain: 'Application without placeholders.',
    },
    options: { schema: { type: 'object', properties: { maxDays: { type: 'integer' } }, additionalProperties: false }, defaults: { maxDays: 90 } },
  },
  check(snapshot, { options, report }) {
    const days: number = options.maxDays;
    // @ts-expect-error an option that is not declared in the defaults
    void options.maxDay;
    return applicationsOf(snapshot).flatMap((located) => {
      const target = { resource: applicationRef(located), pointer: '' };
      if (located.app.name === 'never') {
        // @ts-expect-error a misspelt message id
        report('tooLnog', { app: 'a', actual: 1, max: days }, target);
        // @ts-expect-error placeholder data missing ({{max}})
        report('tooLong', { app: 'a', actual: 1 }, target);
        // @ts-expect-error placeholder misspelt ({{actual}} given as "actaul")
        report('tooLong', { app: 'a', actaul: 1, max: days }, target);
      }
      return [report('tooLong', { app: located.app.name, actual: 100, max: days }, target), report('plain', {}, target)];
    });
  },
});

defineRule({
  id: 'hand-written-report',
  meta: { ...meta, messages: { plain: 'Nothing to fill.' } },
  check: () => [
    // @ts-expect-error a report written by hand, without `report`, is checked too
    { messageId: 'unknown', data: {}, resource: { type: 'application', id: 'a', name: 'a' }, pointer: '' },
  ],
});

describe('typed rules', () => {
  it('extracts placeholder names, spaces inside the braces ignored', () => {
    const names: Array<Placeholders<'{{app}} lives {{ actual }}, above {{max}}.'>> = ['app', 'actual', 'max'];
    // @ts-expect-error not a placeholder of the template
    const wrong: Placeholders<'{{app}}'> = 'max';
    const data: MessageData<'{{app}} and {{max}}'> = { app: 'a', max: 1, extra: true };
    expect([names, wrong, data]).toBeDefined();
  });

  it('runs a typed rule with its default options, resolved as the CLI resolves them', () => {
    const reports = runRule(typed, { name: 'one app', snapshot: buildSnapshot({ environments: [{ applications: [webApp()] }] }) });
    expect(reports.map((report) => [report.messageId, report.data])).toEqual([
      ['tooLong', { app: 'Web', actual: 100, max: 90 }],
      ['plain', {}],
    ]);
  });

  it('refuses options the schema refuses, as a config file would be refused', () => {
    const snapshot = buildSnapshot({});
    // @ts-expect-error the option's type comes from its default (a number)
    expect(() => runRule(typed, { name: 'bad option', snapshot, options: { maxDays: 'ninety' } })).toThrow(/maxDays/);
  });
});
