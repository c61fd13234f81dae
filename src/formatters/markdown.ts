import { SEVERITIES, type AuditResult, type AuditWarning, type Finding } from '../engine/types.js';
import { dispositionLabel, hiddenByLabel } from './disposition-label.js';
import { ageLabel } from './history-label.js';
import { environmentLabeller } from './environment-label.js';
import type { FormatContext } from './format-context.js';
import { findingsByScope, ruleLookup } from './report-scopes.js';
import { describeNotEvaluated } from './not-evaluated-text.js';
import { snapshotFileLine } from './snapshot-file-path.js';
import { applicationCoverageText, summaryParts, unjudgedResourceCount } from './summary-line.js';
import { plural } from '../wording.js';
import { fitMarkdownLines } from '../output/markdown-limit.js';
import { htmlText } from '../output/html-text.js';
import { markdownCode, markdownText as text } from '../output/markdown-text.js';
import type { FrameworkPosture } from '../frameworks/posture.js';
import { fixFirst } from './fix-first.js';
import { CONTROL_STATUS_TITLES, reportPostures, statusTitle } from './html-posture.js';
import { reportVerdict } from './report-verdict.js';
import { firstSentence } from './first-sentence.js';

/** Rows of the full list; beyond it the JSON report has them (a PR comment holds at most 65,536 characters). */
export const MAX_LISTED_FINDINGS = 250;

const BASELINE_MARK: Record<NonNullable<Finding['baselineState']>, string> = { new: 'new', unchanged: '', updated: 'more severe' };

/**
 * GitHub-flavoured Markdown for a pull-request comment or a job summary (`$GITHUB_STEP_SUMMARY`),
 * opening as the HTML report does: the verdict against the gate in force and why, the counts, the
 * findings to fix first, what changed since the last run (with a history), the posture per framework
 * (`context.framework` alone, with its controls); then counts by severity and environment, the
 * baseline comparison, in collapsed sections every finding per environment, suppressed and fixed
 * findings; the rules not evaluated, the coverage (collapsed), rule errors and warnings. Every value
 * from the result, ids included, goes through
 * {@link markdownText} (or {@link markdownCode} when it is plain), and the whole stays within
 * GitHub's job-summary limit ({@link fitMarkdownLines} says what it cut).
 */
export function formatMarkdown(result: AuditResult, context: FormatContext): string {
  const environmentName = environmentLabeller(result);
  const verdict = reportVerdict(result, context.gate);
  const lines: string[] = [
    `## pingone-audit: ${verdict.headline}`,
    '',
    // Our words, but a data kind in them comes from the result: escaped like any value.
    `**${text(verdict.reasons.length === 0 ? 'Nothing fails it' : capitalise(verdict.reasons.join('; ')))}** (${text(verdict.criterion)})`,
    '',
    summaryParts(result)
      .map((part) => part.text)
      .join(' · '),
    '',
  ];
  lines.push(scopeLine(result), '');
  if (!result.summary.collectionComplete) {
    lines.push('> [!WARNING]', '> Collection was incomplete: some data could not be read, so a clean result cannot be trusted. See "Not evaluated" below.', '');
  }
  lines.push(...fixFirstLines(result, environmentName));
  lines.push(...sinceLastRun(result, environmentName));
  lines.push(...postureLines(reportPostures(result, context.framework), context.framework !== undefined));
  lines.push('### Counts', '', ...severityTable(result), '');
  const scopes = findingsByScope(result, result.findings);
  lines.push(...environmentCountLines(scopes, environmentName));
  if (result.baseline !== undefined) {
    const { new: added, unchanged, updated, fixed, generatedAt } = result.baseline;
    lines.push(`**Against the baseline of ${text(generatedAt)}:** ${added} new · ${updated} more severe · ${unchanged} unchanged · ${fixed.length} fixed`, '');
  }
  if (result.findings.length > 0) lines.push(...collapsible(`All findings by environment (${result.findings.length})`, findingsByEnvironment(scopes, environmentName, context)));
  if (result.suppressed.length > 0) lines.push(...collapsible(`Suppressed (${result.suppressed.length})`, suppressedTable(result.suppressed, environmentName)));
  const fixed = result.baseline?.fixed ?? [];
  if (fixed.length > 0) lines.push(...collapsible(`Fixed since the baseline (${fixed.length})`, shortTable(fixed, environmentName)));
  lines.push(...notEvaluatedLines(result, environmentName));
  lines.push(...coverageLines(result, environmentName));
  if (result.ruleErrors.length > 0) {
    lines.push('### Rule errors', '', ...result.ruleErrors.map((error) => `- ${markdownCode(error.ruleId)} failed and reported nothing: ${text(error.message)}`), '');
  }
  if ((result.warnings ?? []).length > 0) {
    lines.push('### Warnings', '', ...(result.warnings ?? []).map((warning) => `- ${warningPlace(warning)}${text(warning.message)}`), '');
  }
  return `${fitMarkdownLines(lines).join('\n').trimEnd()}\n`;
}

type EnvironmentName = (id: string | null) => string;
type Scopes = ReturnType<typeof findingsByScope>;

/** Open findings by severity per environment: a table when the run has more than one environment. */
function environmentCountLines(scopes: Scopes, environmentName: EnvironmentName): string[] {
  if (scopes.length <= 1) return [];
  return [
    `| Environment | ${SEVERITIES.join(' | ')} | Total |`,
    `| --- |${' ---: |'.repeat(SEVERITIES.length + 1)}`,
    ...scopes.map((scope) =>
      row([
        text(environmentName(scope.environmentId)),
        ...SEVERITIES.map((severity) => String(scope.findings.filter((finding) => finding.severity === severity).length)),
        `**${scope.findings.length}**`,
      ]),
    ),
    '',
  ];
}

/** Every open finding, a section per environment, {@link MAX_LISTED_FINDINGS} rows in all (the JSON report has the rest). */
function findingsByEnvironment(scopes: Scopes, environmentName: EnvironmentName, context: FormatContext): string[] {
  const findingRow = (finding: Finding) =>
    row([
      `**${text(finding.severity)}**${mark(finding)}`,
      markdownCode(finding.ruleId),
      text(`${finding.resource.type} ${finding.resource.name || finding.resource.id}`),
      text(finding.message),
      markdownCode(location(finding, context)),
    ]);
  const lines: string[] = [];
  let listed = 0;
  for (const scope of scopes) {
    const shown = scope.findings.slice(0, Math.max(0, MAX_LISTED_FINDINGS - listed));
    listed += shown.length;
    const label = environmentName(scope.environmentId);
    const id = scope.environmentId === null || scope.environmentId === label ? '' : ` (${markdownCode(scope.environmentId)})`;
    lines.push(`#### ${text(label)}${id}: ${plural(scope.findings.length, 'finding')}`, '');
    if (shown.length > 0) lines.push('| Severity | Rule | Resource | Message | Location |', '| --- | --- | --- | --- | --- |', ...shown.map(findingRow));
    if (shown.length < scope.findings.length) lines.push('', `…and ${scope.findings.length - shown.length} more in this environment: the JSON report lists them all.`);
    lines.push('');
  }
  return lines;
}

/** The suppressed findings with the decision (accepted risk, false positive, compensating control), reason, owner and expiry of what hid each. */
function suppressedTable(suppressed: readonly Finding[], environmentName: EnvironmentName): string[] {
  return [
    '| Severity | Rule | Environment | Resource | Decision | Reason | Owner | Expires |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...suppressed.map((finding) =>
      row([
        text(finding.severity),
        markdownCode(finding.ruleId),
        text(environmentName(finding.environmentId)),
        text(finding.resource.name || finding.resource.id),
        text(hiddenByLabel(finding)),
        text(finding.suppression?.reason ?? ''),
        text(finding.suppression?.owner ?? ''),
        text(finding.suppression?.expires ?? ''),
      ]),
    ),
  ];
}

/** The rules not evaluated for want of data, with why; nothing when every rule was. */
function notEvaluatedLines(result: AuditResult, environmentName: EnvironmentName): string[] {
  if (result.notEvaluated.length === 0) return [];
  const rule = ruleLookup(result);
  return [
    '### Not evaluated',
    '',
    'Data these rules need could not be collected; they are not counted as passing.',
    '',
    '| Rule | Environment | Why |',
    '| --- | --- | --- |',
    ...result.notEvaluated.map((item) => row([`${markdownCode(item.ruleId)} ${text(rule(item.ruleId).title)}`, text(environmentName(item.environmentId)), text(describeNotEvaluated(item))])),
    '',
  ];
}

/** How many applications were audited and which resources a rule left unjudged, collapsed; nothing when there is neither. */
function coverageLines(result: AuditResult, environmentName: EnvironmentName): string[] {
  const skipped = result.skipped ?? [];
  const applications = applicationCoverageText(result);
  if (skipped.length === 0 && applications === undefined) return [];
  const table = [
    '| Rule | Environment | Resource | Why |',
    '| --- | --- | --- | --- |',
    ...skipped.map((item) =>
      row([markdownCode(item.ruleId), text(environmentName(item.resource.environmentId ?? null)), text(`${item.resource.type} ${item.resource.name || item.resource.id}`), text(item.reason)]),
    ),
  ];
  return collapsible(
    `Coverage: ${text(applications ?? '')}${skipped.length === 0 ? '' : ` · ${plural(unjudgedResourceCount(result), 'resource')} not judged by a rule`}`,
    skipped.length === 0 ? ['Every resource was judged by the rules that apply to it.'] : table,
  );
}

/** The findings to fix first ({@link fixFirst}), capped, with "and N more", and how many info findings are only advice. */
function fixFirstLines(result: AuditResult, environmentName: (id: string | null) => string): string[] {
  const { items, more, advisory } = fixFirst(result);
  const advice = advisory === 0 ? '' : ` ${plural(advisory, 'info finding')}: advice, never a failure, in the full list.`;
  if (items.length === 0) return ['### Fix first', '', `Nothing to fix: no open finding of low severity or above.${advice}`, ''];
  return [
    '### Fix first',
    '',
    '| # | Severity | Finding | Resource | Environment | Exposure | Owner, due |',
    '| ---: | --- | --- | --- | --- | --- | --- |',
    ...items.map(({ finding, exposure }, index) =>
      row([
        String(index + 1),
        `**${text(finding.severity)}**${mark(finding)}`,
        `${text(firstSentence(finding.message))} ${markdownCode(finding.ruleId)}`,
        text(`${finding.resource.type} ${finding.resource.name || finding.resource.id}`),
        text(environmentName(finding.environmentId)),
        exposure.join(', '),
        finding.disposition === undefined ? '' : text(dispositionLabel(finding.disposition)),
      ]),
    ),
    '',
    `${more === 0 ? '' : `And ${more} more of low severity or above below. `}Most severe first; within a severity, admin actors, then production environments, then integrations.${advice}`,
    '',
  ];
}

/** One row per framework (status and control counts); with `--framework`, that framework's controls in a collapsed table. */
function postureLines(postures: readonly FrameworkPosture[], detailed: boolean): string[] {
  const lines = [
    '### Posture by framework',
    '',
    `| Framework | Status |${CONTROL_STATUS_TITLES.map(([, title]) => ` ${title} |`).join('')}`,
    `| --- | --- |${' ---: |'.repeat(CONTROL_STATUS_TITLES.length)}`,
    ...postures.map(({ framework, status, counts }) => row([framework.title, statusTitle(status), ...CONTROL_STATUS_TITLES.map(([column]) => String(counts[column]))])),
    '',
    'Counts are controls. A control fails on an open finding of low severity or above; info findings are advice and never fail one. Not covered: no rule of this run checks it.',
    '',
  ];
  if (!detailed) return lines;
  for (const { framework, controls } of postures) {
    lines.push(
      ...collapsible(`${framework.title}: ${controls.length} controls`, [
        '| Control | Title | Status | Rules |',
        '| --- | --- | --- | --- |',
        ...controls.map((control) =>
          row([
            markdownCode(control.id),
            text(control.title),
            statusTitle(control.status),
            control.rules.length === 0
              ? 'no rule covers it'
              : control.rules.map((rule) => `${markdownCode(rule.ruleId)} ${rule.standing}${rule.openFindings > 0 ? ` (${rule.openFindings} open)` : ''}`).join(', '),
          ]),
        ),
      ]),
    );
  }
  return lines;
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function scopeLine(result: AuditResult): string {
  const environments = result.snapshot.environments ?? result.snapshot.environmentIds.map((id) => ({ id, name: id }));
  const parts = [
    ...(result.snapshot.organizationId === undefined ? [] : [`Organization ${markdownCode(result.snapshot.organizationId)}`]),
    `${plural(environments.length, 'environment')}${environments.length === 0 ? '' : ` (${environments.map((env) => text(env.name)).join(', ')})`}`,
    `snapshot of ${text(result.snapshot.createdAt)}`,
    `pingone-audit ${text(result.tool.version)}`,
  ];
  return parts.join(' · ');
}

function severityTable(result: AuditResult): string[] {
  const suppressed = (severity: string) => result.suppressed.filter((finding) => finding.severity === severity).length;
  const withNew = result.baseline !== undefined;
  const header = withNew ? '| Severity | Open | New | Suppressed |\n| --- | ---: | ---: | ---: |' : '| Severity | Open | Suppressed |\n| --- | ---: | ---: |';
  const rows = SEVERITIES.map((severity) => {
    const open = result.summary.bySeverity[severity];
    const added = result.findings.filter((finding) => finding.severity === severity && isNewOrWorse(finding)).length;
    return row([severity, String(open), ...(withNew ? [String(added)] : []), String(suppressed(severity))]);
  });
  return [header, ...rows];
}

/**
 * With `--history`: what is new and what was fixed since the latest earlier run, a count line and the
 * findings of each in a collapsed table; nothing without an earlier run.
 */
function sinceLastRun(result: AuditResult, environmentName: (id: string | null) => string): string[] {
  const previous = result.history?.previous;
  if (previous === undefined) return [];
  const added = new Set(previous.new);
  const fresh = result.findings.filter((finding) => added.has(finding.fingerprint));
  const lines = [`**Since the last run (${text(previous.generatedAt)}):** ${fresh.length} new · ${previous.fixed.length} fixed · ${result.findings.length - fresh.length} still open`, ''];
  if (fresh.length > 0) lines.push(...collapsible(`New since the last run (${fresh.length})`, shortTable(fresh, environmentName)));
  if (previous.fixed.length > 0) lines.push(...collapsible(`Fixed since the last run (${previous.fixed.length})`, shortTable(previous.fixed, environmentName)));
  return lines;
}

function shortTable(findings: readonly Finding[], environmentName: (id: string | null) => string): string[] {
  return [
    '| Severity | Rule | Environment | Resource | Message |',
    '| --- | --- | --- | --- | --- |',
    ...findings.map((finding) =>
      row([text(finding.severity), markdownCode(finding.ruleId), text(environmentName(finding.environmentId)), text(finding.resource.name || finding.resource.id), text(finding.message)]),
    ),
  ];
}

function isNewOrWorse(finding: Finding): boolean {
  return finding.baselineState === 'new' || finding.baselineState === 'updated';
}

function collapsible(summary: string, body: string[]): string[] {
  // Blank lines around the body let GitHub render Markdown inside <details>.
  const trimmed = [...body];
  while (trimmed.at(-1) === '') trimmed.pop();
  // The <summary> line is an HTML block, where Markdown escapes do not apply: HTML escaping does.
  return ['<details>', `<summary>${htmlText(summary)}</summary>`, '', ...trimmed, '', '</details>', ''];
}

function warningPlace(warning: AuditWarning): string {
  if (warning.file === undefined) return '';
  return `${markdownCode(warning.file)}${warning.pointer === undefined ? '' : ` at ${markdownCode(warning.pointer)}`}: `;
}

function mark(finding: Finding): string {
  const baseline = finding.baselineState === undefined ? '' : BASELINE_MARK[finding.baselineState];
  const labels = [baseline, finding.disposition === undefined ? '' : text(dispositionLabel(finding.disposition)), text(ageLabel(finding))].filter((label) => label !== '');
  return labels.length === 0 ? '' : ` (${labels.join('; ')})`;
}

function location(finding: Finding, context: FormatContext): string {
  return snapshotFileLine(finding.location, context.snapshotDir);
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}
