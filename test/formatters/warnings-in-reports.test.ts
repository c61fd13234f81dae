import { describe, expect, it } from 'vitest';
import type { AuditResult, AuditWarning } from '../../src/engine/types.js';
import { formatCsv } from '../../src/formatters/csv.js';
import { formatJunit } from '../../src/formatters/junit.js';
import { formatStylish } from '../../src/formatters/stylish.js';
import { formatTable } from '../../src/formatters/table.js';
import { RAW_TERMINAL_CONTROL } from '../helpers/hostile-strings.js';
import { sampleResult, summarize } from './fixtures.js';
import { hostileResult } from './hostile-result.js';

const context = { color: false, columns: 100 };
const shortList = (index: number): AuditWarning => ({
  code: 'list-count-mismatch',
  message: `A list read to its end did not hold as many items as its count said: /environments/e/groups/g${index}/roleAssignments returned 1 and counted 2.`,
});
const expired: AuditWarning = { code: 'suppression-expired', file: 'suppressions.json', pointer: '/suppressions/0', message: 'expired on 2026-10-31; it suppresses nothing.' };

/** The sample result with twelve short lists and one expired suppression. */
function warned(): AuditResult {
  return summarize({ ...sampleResult(), warnings: [...Array.from({ length: 12 }, (_, index) => shortList(index)), expired] });
}

describe('the terminal reports carry the warnings', () => {
  it('stylish: right under the verdict, ten of a code and how many more, each with its file and pointer', () => {
    const text = formatStylish(warned(), context);
    const [verdict, warnings] = text.split('\n\n');
    expect(verdict).toMatch(/^INCOMPLETE {2}/);
    const items = warnings!.split('\n');
    expect(items[0]).toBe('Warnings (13)');
    expect(items.filter((line) => line.startsWith('  - A list read to its end'))).toHaveLength(10);
    expect(warnings).toContain('/groups/g9/roleAssignments');
    expect(warnings).not.toContain('/groups/g10/');
    expect(warnings).toContain('  - suppressions.json /suppressions/0: expired on 2026-10-31; it suppresses nothing.');
    expect(warnings!.replace(/\n {4}/g, ' ')).toContain('  - 2 more list-count-mismatch warnings like the ones above, not shown; the JSON report (-f json) lists all 12.');
    for (const line of items) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('grid: before the summary line, the same items', () => {
    const text = formatTable(warned(), context);
    const section = text.slice(text.indexOf('Warnings (13)'));
    expect(section.split('\n').filter((line) => line.startsWith('  - A list read to its end'))).toHaveLength(10);
    expect(section).toContain('  - suppressions.json /suppressions/0: expired on 2026-10-31; it suppresses nothing.');
    expect(section.slice(section.indexOf('  - 2 more'))).toMatch(/\n\n\d+ findings \(.*rules evaluated/s);
  });

  it('neither says anything of warnings when there are none', () => {
    for (const text of [formatStylish(sampleResult(), context), formatTable(sampleResult(), context)]) expect(text).not.toContain('Warnings (');
  });

  it.each([
    ['stylish', formatStylish],
    ['grid', formatTable],
  ])('%s shows a hostile warning as inert text', (_format, format) => {
    const text = format(hostileResult(), { ...context, columns: 120 });
    expect(text).toContain('Warnings (1)');
    expect(text.replace(/\n/g, '')).not.toMatch(RAW_TERMINAL_CONTROL);
  });
});

describe('JUnit carries the warnings as skipped testcases, never as failures', () => {
  const xml = formatJunit(warned(), context);
  const suite = xml.slice(xml.indexOf('<testsuite name="pingone-audit warnings"'), xml.lastIndexOf('</testsuites>'));

  // Ten short lists, the expired suppression, and one that counts the two short lists left out.
  it('one per listed warning, named by its code and text, in a suite of their own', () => {
    expect(suite).toMatch(/^<testsuite name="pingone-audit warnings" id="\d+" tests="12" failures="0" errors="0" skipped="12"/);
    expect(suite.match(/<testcase classname="pingone-audit\.warnings" name="list-count-mismatch: \d+ more /g)).toHaveLength(1);
    expect(suite.match(/<testcase classname="pingone-audit\.warnings" name="list-count-mismatch: A list /g)).toHaveLength(10);
    expect(suite).toContain('name="suppression-expired: suppressions.json /suppressions/0: expired on 2026-10-31; it suppresses nothing."');
    expect(suite).toContain('<skipped message="Warning, not a failure: 2 more list-count-mismatch warnings like the ones above');
    expect(suite).not.toContain('<failure');
  });

  it('counts them as skipped in the totals, and the failures stay the findings', () => {
    const without = formatJunit(sampleResult(), context);
    const totals = (text: string) => /<testsuites name="pingone-audit" tests="(\d+)" failures="(\d+)" errors="(\d+)" skipped="(\d+)"/.exec(text)!.slice(1).map(Number);
    const [tests, failures, errors, skipped] = totals(xml);
    const [testsBefore, failuresBefore, errorsBefore, skippedBefore] = totals(without);
    expect([tests! - testsBefore!, failures, errors, skipped! - skippedBefore!]).toEqual([12, failuresBefore, errorsBefore, 12]);
    expect(without).not.toContain('pingone-audit warnings');
  });
});

describe('CSV holds findings only', () => {
  // A row of another shape would break the scripts that read it: the warnings stay on stderr and in the JSON report.
  it('is the same with and without warnings', () => {
    expect(formatCsv(warned(), context)).toBe(formatCsv(summarize({ ...sampleResult(), warnings: [] }), context));
  });
});
