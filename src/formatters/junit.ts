import type { AuditResult, Finding, RuleEnvironmentResult } from '../engine/types.js';
import { dispositionLabel } from './disposition-label.js';
import { environmentLabeller } from './environment-label.js';
import type { FormatContext } from './format-context.js';
import { reportScopes, ruleLookup } from './report-scopes.js';
import { describeNotEvaluated } from './not-evaluated-text.js';
import { snapshotFileLine } from './snapshot-file-path.js';
import { visibleText } from '../output/visible-text.js';
import { listWarnings, type ListedWarning } from './warning-list.js';

type Outcome = RuleEnvironmentResult['outcome'];

/** A suite's or the whole report's counts attributes. */
interface Tally {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

interface TestCase {
  ruleId: string;
  outcome: Outcome;
  findings: Finding[];
  why?: string;
  /** The one resource a rule left unjudged, for its own skipped testcase. */
  resource?: string;
}

/**
 * JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure DevOps): one testsuite
 * per environment (and one for organization-wide findings), one testcase per rule that passed, was
 * not evaluated (`<skipped>`) or threw (`<error>`), one skipped testcase per resource a rule left
 * unjudged (a DaVinci-bound app, a value this version does not know), and one testcase with one `<failure>` per open
 * finding of a rule that fired. Every reader (Jenkins' JUnit plugin, GitLab, the GitHub test
 * report actions) counts testcases, and its schema counts `failures` as failed testcases: one
 * finding per testcase keeps the counts attributes equal to the elements a reader finds.
 * Suppressed findings are not failures. The result's warnings come last, in a suite of skipped testcases (at most
 * ten of each code, as on stderr).
 */
export function formatJunit(result: AuditResult, context: FormatContext): string {
  return [...formatJunitChunks(result, context)].join('');
}

/** {@link formatJunit} one line at a time, for writing to a file as it is produced. */
export function* formatJunitChunks(result: AuditResult, context: FormatContext): Generator<string> {
  for (const line of junitLines(result, context)) yield `${line}\n`;
}

function* junitLines(result: AuditResult, context: FormatContext): Generator<string> {
  const environmentName = environmentLabeller(result);
  const rule = ruleLookup(result);
  const suites = reportScopes(result).map((environmentId) => ({ environmentId, cases: testCases(result, environmentId) }));
  const warnings = listWarnings(result.warnings ?? []);
  const warningTotals: Tally = { tests: warnings.length, failures: 0, errors: 0, skipped: warnings.length };
  const caseTotals = tally(suites.flatMap((suite) => suite.cases));
  const totals = { ...caseTotals, tests: caseTotals.tests + warningTotals.tests, skipped: caseTotals.skipped + warningTotals.skipped };
  yield '<?xml version="1.0" encoding="UTF-8"?>';
  yield `<testsuites name="pingone-audit" ${counts(totals)} timestamp="${attr(result.generatedAt)}">`;
  for (const [index, { environmentId, cases }] of suites.entries()) {
    const label = environmentId === null ? 'organization' : `${environmentName(environmentId)} (${environmentId})`;
    yield `  <testsuite name="${attr(label)}" id="${index}" ${counts(tally(cases))} timestamp="${suiteTimestamp(result.generatedAt)}">`;
    yield* [
      '    <properties>',
      `      <property name="environmentId" value="${attr(environmentId ?? '')}"/>`,
      `      <property name="snapshotCreatedAt" value="${attr(result.snapshot.createdAt)}"/>`,
      '    </properties>',
    ];
    for (const testCase of cases) {
      const name = `${testCase.ruleId}: ${rule(testCase.ruleId).title}`;
      const open = (suffix: string): string => `    <testcase classname="pingone-audit.${attr(environmentId ?? 'organization')}" name="${attr(`${name}${suffix}`)}"`;
      if (testCase.outcome === 'fail') {
        for (const finding of testCase.findings) yield* [`${open(` (${finding.resource.type} ${finding.resource.name || finding.resource.id})`)}>`, failure(finding, context), '    </testcase>'];
        continue;
      }
      const body = caseBody(testCase);
      const suffix = testCase.resource === undefined ? '' : ` (${testCase.resource})`;
      if (body === undefined) yield `${open(suffix)}/>`;
      else yield* [`${open(suffix)}>`, body, '    </testcase>'];
    }
    yield '  </testsuite>';
  }
  if (warnings.length > 0) yield* warningSuite(warnings, warningTotals, suites.length, result.generatedAt);
  yield '</testsuites>';
}

/**
 * The run's warnings as a suite of their own, one skipped testcase each: GitLab, Jenkins and the GitHub test report
 * actions list skipped testcases with their name and message, whereas GitLab ignores suite properties and shows
 * `system-err` only under a failed testcase; skipped, never failed, so no reader counts a warning as a failure.
 */
function* warningSuite(warnings: readonly ListedWarning[], total: Tally, id: number, generatedAt: string): Generator<string> {
  yield `  <testsuite name="pingone-audit warnings" id="${id}" ${counts(total)} timestamp="${suiteTimestamp(generatedAt)}">`;
  for (const { code, text: said } of warnings) {
    yield* [`    <testcase classname="pingone-audit.warnings" name="${attr(`${code}: ${said}`)}">`, `      <skipped message="${attr(`Warning, not a failure: ${said}`)}"/>`, '    </testcase>'];
  }
  yield '  </testsuite>';
}

function testCases(result: AuditResult, environmentId: string | null): TestCase[] {
  const outcomes = new Map(result.ruleResults.filter((item) => item.environmentId === environmentId).map((item) => [item.ruleId, item.outcome]));
  const findings = result.findings.filter((finding) => finding.environmentId === environmentId);
  const ruleIds = environmentId === null ? [...new Set([...outcomes.keys(), ...findings.map((finding) => finding.ruleId)])].sort() : result.rules.map((rule) => rule.id);
  const unjudged = (result.skipped ?? [])
    .filter((item) => (item.resource.environmentId ?? null) === environmentId)
    .map(
      ({ ruleId, resource, reason }): TestCase => ({
        ruleId,
        outcome: 'not-evaluated',
        findings: [],
        why: `Not judged: it ${reason}`,
        resource: `${resource.type} ${resource.name || resource.id}`,
      }),
    );
  const byRule = ruleIds.map((ruleId): TestCase => {
    const own = findings.filter((finding) => finding.ruleId === ruleId);
    // A rule whose every finding is suppressed (or fixed by a baseline) has no open failure: it passes here.
    const recorded = outcomes.get(ruleId) ?? 'pass';
    const outcome: Outcome = own.length > 0 ? 'fail' : recorded === 'fail' ? 'pass' : recorded;
    const notEvaluated = result.notEvaluated.find((item) => item.ruleId === ruleId && item.environmentId === environmentId);
    const error = result.ruleErrors.find((item) => item.ruleId === ruleId);
    const why =
      outcome === 'not-evaluated'
        ? `Not evaluated: data it needs ${notEvaluated?.outOfScope === true ? 'lies outside what was audited' : 'could not be collected'} (${notEvaluated === undefined ? 'unknown' : describeNotEvaluated(notEvaluated)})`
        : outcome === 'error'
          ? `The rule failed and reported nothing: ${error?.message ?? 'unknown error'}`
          : undefined;
    return { ruleId, outcome, findings: own, ...(why === undefined ? {} : { why }) };
  });
  return [...byRule, ...unjudged];
}

/** The element inside a passing, skipped or erring rule's testcase; undefined for a pass. */
function caseBody(testCase: TestCase): string | undefined {
  if (testCase.outcome === 'not-evaluated') return `      <skipped message="${attr(testCase.why ?? '')}"/>`;
  if (testCase.outcome === 'error') return `      <error type="rule-error" message="${attr(testCase.why ?? '')}"/>`;
  return undefined;
}

function failure(finding: Finding, context: FormatContext): string {
  const where = snapshotFileLine(finding.location, context.snapshotDir);
  const state = finding.baselineState === 'new' ? '[new] ' : finding.baselineState === 'updated' ? '[more severe] ' : '';
  const detail = [
    `${finding.resource.type} ${finding.resource.name || finding.resource.id} (${finding.resource.id})`,
    `at ${where}${finding.pointer === '' ? '' : ` ${finding.pointer}`}`,
    `fingerprint ${finding.fingerprint}`,
  ]
    .map(text)
    .join('\n');
  const disposition = finding.disposition === undefined ? '' : `[${dispositionLabel(finding.disposition)}] `;
  return `      <failure type="${attr(finding.severity)}" message="${attr(`${state}${disposition}${finding.message}`)}">${detail}</failure>`;
}

/** A suite's `timestamp`: the JUnit schema's xs:dateTime without fractional seconds or a zone. */
function suiteTimestamp(generatedAt: string): string {
  return attr(generatedAt.replace(/\.\d+Z$/, ''));
}

/** Counts as a reader counts them: a rule that fired is one failed testcase per finding. */
function tally(cases: TestCase[]): Tally {
  const failed = cases.filter((item) => item.outcome === 'fail');
  return {
    tests: cases.length - failed.length + failed.reduce((sum, item) => sum + item.findings.length, 0),
    failures: failed.reduce((sum, item) => sum + item.findings.length, 0),
    errors: cases.filter((item) => item.outcome === 'error').length,
    skipped: cases.filter((item) => item.outcome === 'not-evaluated').length,
  };
}

function counts(total: Tally): string {
  return `tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}"`;
}

/** XML text: controls (which XML 1.0 forbids even as references) and bidi characters shown as escapes. */
function text(value: string): string {
  return visibleText(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}
