import type { Finding } from '../engine/types.js';
import { painter, SEVERITY_STYLE, type Paint, type Style } from '../formatters/ansi.js';
import { plural } from '../wording.js';
import { fitMarkdownLines } from '../output/markdown-limit.js';
import { markdownCode, markdownText } from '../output/markdown-text.js';
import { indentWrap, textWidth } from '../output/terminal-layout.js';
import { terminalText } from '../output/terminal-text.js';
import { stableStringify } from '../snapshot/stable-json.js';
import type { EnvironmentDrift, ResourceDrift } from './diff-snapshots.js';
import type { ChangeKind, PropertyChange } from './diff-values.js';
import type { DriftReport } from './drift-report.js';

/** The forms a drift report is rendered in: a terminal table, JSON or Markdown. */
export const DRIFT_FORMATS = ['table', 'json', 'markdown'] as const;
export type DriftFormat = (typeof DRIFT_FORMATS)[number];

const SIGN: Record<ChangeKind, string> = { added: '+', removed: '-', changed: '~' };
const VALUE_WIDTH = 80;

/**
 * Renders a drift report; pure, the command writes the string. The terminal text fits
 * `options.columns` when given (wrapped at spaces, identifiers and file paths whole), and is one
 * line per item when not.
 */
export function formatDrift(report: DriftReport, format: DriftFormat, options: { color?: boolean; columns?: number } = {}): string {
  if (format === 'json') return stableStringify(report);
  if (format === 'markdown') return formatDriftMarkdown(report);
  return formatDriftText(report, painter(options.color === true), options.columns ?? Number.POSITIVE_INFINITY);
}

/** One line per resource and per property, indented under its environment: reads well in a terminal and a CI log. */
function formatDriftText(report: DriftReport, paint: Paint, width: number): string {
  // Lines are wrapped as plain text, then the leading sign or severity is painted.
  const wrap = (text: string, first: string, rest: string, lead = '', style: Style[] = []): string[] =>
    indentWrap(text, width, first, rest).map((line, index) => (index === 0 && lead !== '' ? `${first}${paint(lead, ...style)}${line.slice(first.length + lead.length)}` : line));
  const lines = [...wrap(`Drift from ${terminalText(describeSide(report.old))} to ${terminalText(describeSide(report.new))}`, '', '  ').map((line) => paint(line, 'bold')), ''];
  const tone = { added: ['green'], removed: ['red'], changed: ['yellow'] } satisfies Record<ChangeKind, Style[]>;
  for (const env of report.environments) {
    lines.push(...wrap(terminalText(environmentHeading(env)), '', '  ').map((line) => paint(line, 'bold')));
    for (const resource of env.resources) {
      const heading = `${SIGN[resource.change]} ${terminalText(resource.type)} ${terminalText(resourceName(resource))}`;
      const file = terminalText(resource.file);
      if (textWidth(`  ${heading}  ${file}`) <= width) lines.push(`  ${paint(SIGN[resource.change], ...tone[resource.change])}${heading.slice(1)}  ${paint(file, 'dim')}`);
      else lines.push(...wrap(heading, '  ', '    ', SIGN[resource.change], tone[resource.change]), `    ${paint(file, 'dim')}`);
      for (const property of resource.properties) {
        lines.push(
          ...wrap(`${SIGN[property.change]} ${terminalText(property.pointer)}: ${terminalText(describeChange(property))}`, '      ', '        ', SIGN[property.change], tone[property.change]),
        );
      }
    }
    lines.push('');
  }
  for (const [title, findings] of findingLists(report)) {
    lines.push(paint(`${title} (${findings.length})`, 'bold'));
    for (const finding of findings) {
      const severity = terminalText(finding.severity.toUpperCase());
      lines.push(...wrap(`${severity} ${terminalText(finding.ruleId)}: ${terminalText(finding.message)}`, '  ', '    ', severity, SEVERITY_STYLE[finding.severity]));
    }
    lines.push('');
  }
  lines.push(...report.gaps.flatMap((gap) => wrap(`Not compared: ${terminalText(gapText(gap))}`, '', '  ').map((line) => paint(line, 'yellow'))));
  lines.push(...wrap(summaryText(report), '', ''));
  return `${lines.join('\n')}\n`;
}

function formatDriftMarkdown(report: DriftReport): string {
  const lines = ['## PingOne configuration drift', '', `From ${markdownText(describeSide(report.old))} to ${markdownText(describeSide(report.new))}.`, '', `**${summaryText(report)}**`, ''];
  for (const env of report.environments) {
    lines.push(`### ${markdownText(environmentHeading(env))}`, '');
    lines.push('| | Resource | Type | Property | Before | After |', '| --- | --- | --- | --- | --- | --- |');
    for (const resource of env.resources) {
      const name = `${markdownText(resourceName(resource))}`;
      if (resource.properties.length === 0) lines.push(`| ${SIGN[resource.change]} | ${name} | ${markdownText(resource.type)} | *(${resource.change})* | | |`);
      for (const property of resource.properties) {
        lines.push(
          `| ${SIGN[property.change]} | ${name} | ${markdownText(resource.type)} | ${markdownCode(property.pointer)} | ${codeCell(property.before, property.change !== 'added')} | ${codeCell(property.after, property.change !== 'removed')} |`,
        );
      }
    }
    lines.push('');
  }
  for (const [title, findings] of findingLists(report)) {
    lines.push(`### ${title} (${findings.length})`, '', '| Severity | Rule | Resource | Message |', '| --- | --- | --- | --- |');
    lines.push(...findings.map(findingRow), '');
  }
  if (report.gaps.length > 0) lines.push('### Not compared', '', ...report.gaps.map((gap) => `- ${markdownText(gapText(gap))}`), '');
  return `${fitMarkdownLines(lines).join('\n').trimEnd()}\n`;
}

/** The non-empty finding lists, titled. */
function findingLists(report: DriftReport): Array<[string, Finding[]]> {
  const lists: Array<[string, Finding[]]> = [
    ['Findings that appeared', report.findings.appeared],
    ['Findings that disappeared', report.findings.disappeared],
  ];
  return lists.filter(([, findings]) => findings.length > 0);
}

function findingRow(finding: Finding): string {
  return `| ${markdownText(finding.severity)} | ${markdownCode(finding.ruleId)} | ${markdownText(`${finding.resource.type} ${finding.resource.name || finding.resource.id}`)} | ${markdownText(finding.message)} |`;
}

function summaryText(report: DriftReport): string {
  const { added, removed, changed, findingsAppeared, findingsDisappeared } = report.summary;
  if (added + removed + changed + findingsAppeared + findingsDisappeared === 0) return 'No drift';
  return [`${plural(changed, 'resource')} changed, ${added} added, ${removed} removed`, `${plural(findingsAppeared, 'finding')} appeared, ${findingsDisappeared} disappeared`].join(' · ');
}

function describeSide(side: { createdAt: string; path?: string }): string {
  return side.path === undefined ? side.createdAt : `${side.path} (${side.createdAt})`;
}

function environmentHeading(env: EnvironmentDrift): string {
  const label = env.environmentId === null ? 'Organization (built-in roles)' : `${env.name} (${env.environmentId})`;
  return env.change === 'changed' ? label : `${label}: environment ${env.change}`;
}

function resourceName(resource: ResourceDrift): string {
  return resource.name === resource.id ? resource.id : `${resource.name} (${resource.id})`;
}

function describeChange(property: PropertyChange): string {
  if (property.change === 'added') return `added ${shortValue(property.after)}`;
  if (property.change === 'removed') return `removed ${shortValue(property.before)}`;
  return `${shortValue(property.before)} → ${shortValue(property.after)}`;
}

function gapText(gap: DriftReport['gaps'][number]): string {
  const where = gap.environmentId === null ? 'the organization' : `environment ${gap.environmentId}`;
  return `${gap.kind} in ${where} could not be collected in the ${gap.snapshot} snapshot; resources of that kind there were not compared for additions and removals.`;
}

/** A value on one line, cut to a readable width. */
function shortValue(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length <= VALUE_WIDTH ? text : `${text.slice(0, VALUE_WIDTH - 1)}…`;
}

function codeCell(value: unknown, present: boolean): string {
  if (!present) return '';
  return markdownCode(shortValue(value));
}
