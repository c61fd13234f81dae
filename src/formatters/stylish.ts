import type { AuditResult, Finding } from '../engine/types.js';
import { dispositionLabel } from './disposition-label.js';
import { dataGapsOf } from '../engine/data-gaps.js';
import { ageLabel } from './history-label.js';
import { cutToWidth, DEFAULT_TERMINAL_COLUMNS, fitProse, indentWrap, joinWithin, padToWidth, textWidth, wrapWords, type Part } from '../output/terminal-layout.js';
import { terminalText } from '../output/terminal-text.js';
import { painter, SEVERITY_STYLE, type Paint } from './ansi.js';
import { environmentLabeller } from './environment-label.js';
import type { FormatContext } from './format-context.js';
import { frameworkViewLines } from './framework-view.js';
import { frameworkPosture } from '../frameworks/posture.js';
import { ruleLookup } from './report-scopes.js';
import { firstSentence } from './first-sentence.js';
import { describeNotEvaluated } from './not-evaluated-text.js';
import { snapshotFilePath } from './snapshot-file-path.js';
import { summaryParts, unjudgedResourceCount } from './summary-line.js';
import { plural } from '../wording.js';
import { MAX_FINDINGS_LISTED } from './table.js';
import { terminalWarningLines } from './warning-list.js';

/** Narrower than this, columns stop making sense: lines simply run longer. */
const MIN_WIDTH = 40;
/** Shown characters of a name in a heading; the JSON report has it whole. */
const NAME_LIMIT = 120;
/** A message narrower than this starts on a line of its own under its finding. */
const MIN_MESSAGE_WIDTH = 24;
/** Lines a message or a reason takes unless --verbose asks for all of it. */
const BRIEF_LINES = 2;
const INDENT = '    ';
/** Unjudged resources listed without --verbose: they are by design, the findings come first. */
const MAX_UNJUDGED_LISTED = 10;

/**
 * The terminal report people read (after ESLint's "stylish"): a verdict and the counts first, then
 * the findings grouped by environment and resource, one line each — line in the resource's
 * snapshot file, severity, rule id (never split), the message's first sentence — then what could
 * not be evaluated, rule errors, and where to read more. The result's warnings follow the verdict (at most
 * ten of each code, as on stderr). `context.verbose` shows whole messages
 * and each rule's remediation. Lines fit `context.columns` (80 when unknown) except where an
 * identifier or a file path is wider than the terminal: those are never split. Every tenant value
 * passes {@link terminalText}.
 */
export function formatStylish(result: AuditResult, context: FormatContext): string {
  const width = Math.max(MIN_WIDTH, Math.trunc(context.columns ?? DEFAULT_TERMINAL_COLUMNS));
  const paint = painter(context.color);
  const layout: Layout = { width, paint, verbose: context.verbose === true, snapshotDir: context.snapshotDir, environmentName: environmentLabeller(result) };
  const sections = [verdictLines(result, context, layout)];
  // Right under the verdict they qualify; on stdout they are not printed on stderr as well.
  const warnings = terminalWarningLines(result.warnings ?? [], width, paint);
  if (warnings.length > 0) sections.push(warnings);
  if (result.findings.length > 0) sections.push(findingLines(result.findings, layout));
  if (context.includeSuppressed === true && result.suppressed.length > 0) {
    sections.push([paint(`Suppressed (${result.suppressed.length})`, 'bold'), ...findingLines(result.suppressed, layout)]);
  }
  if (result.notEvaluated.length > 0) sections.push(notEvaluatedLines(result, layout));
  if ((result.skipped ?? []).length > 0) sections.push(unjudgedLines(result, layout));
  if (result.ruleErrors.length > 0) sections.push(ruleErrorLines(result, layout));
  if (context.framework !== undefined) sections.push(frameworkViewLines(frameworkPosture(result, context.framework), paint));
  if (layout.verbose && result.findings.length > 0) sections.push(remediationLines(result, layout));
  if (result.findings.length + result.notEvaluated.length + result.ruleErrors.length > 0) sections.push(footerLines(layout));
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

interface Layout {
  width: number;
  paint: Paint;
  verbose: boolean;
  snapshotDir: string | undefined;
  environmentName: (environmentId: string | null) => string;
}

/**
 * `FAIL  3 high · 12 medium — gate: --fail-on medium`, then the other counts. A run that could not
 * see everything says INCOMPLETE whatever the gate decided, so that it never reads as a pass.
 */
function verdictLines(result: AuditResult, context: FormatContext, { width, paint }: Layout): string[] {
  const { summary } = result;
  const gate = context.gate;
  const incomplete = gate?.verdict === 'incomplete' || !summary.collectionComplete || dataGapsOf(result.notEvaluated).length > 0 || result.ruleErrors.length > 0;
  const [word, ...tone] = incomplete
    ? (['INCOMPLETE', 'yellow', 'bold'] as const)
    : gate?.verdict === 'findings'
      ? (['FAIL', 'red', 'bold'] as const)
      : summary.findings === 0 || (gate !== undefined && gate.failOn !== 'none')
        ? ([summary.outOfScope === undefined ? 'PASS' : 'PASS within scope', 'green', 'bold'] as const)
        : (['FINDINGS', 'yellow', 'bold'] as const);
  const counts: Part[] = (['critical', 'high', 'medium', 'low', 'info'] as const)
    .filter((severity) => summary.bySeverity[severity] > 0)
    .map((severity) => ({ text: `${summary.bySeverity[severity]} ${severity}`, paint: (text: string) => paint(text, ...SEVERITY_STYLE[severity]) }));
  const first: Part[] = [{ text: `${word}  ${summary.findings === 0 ? 'no findings' : plural(summary.findings, 'finding')}`, paint: (text) => paint(text, ...tone) }, ...counts];
  if (gate !== undefined) {
    const threshold = gate.failOn === 'none' ? 'gate off (--fail-on none)' : `gate: --fail-on ${gate.failOn}${gate.failOnNew ? ' --fail-on-new' : ''}`;
    first.push({ text: threshold, paint: (text) => paint(text, 'dim') });
  }
  const tones = { bad: 'red', warn: 'yellow', good: 'green' } as const;
  const rest: Part[] = [{ text: plural(result.snapshot.environmentIds.length, 'environment'), tone: 'plain' as const }, ...summaryParts(result).slice(1)].map(({ text, tone }) => ({
    text,
    paint: (shown: string) => (tone === 'plain' ? shown : paint(shown, tones[tone])),
  }));
  // File paths below are relative to the snapshot folder; say which when they are not relative to where the user is.
  const folder = context.snapshotDir === undefined && context.snapshotFolder !== undefined ? indentWrap(`snapshot files in ${terminalText(context.snapshotFolder)}`, width, '', '  ') : [];
  return [...joinWithin(first, width, ''), ...joinWithin(rest, width, ''), ...folder.map((line) => paint(line, 'dim'))];
}

/** Findings grouped by environment, then resource, in the order of their most severe finding. */
function findingLines(findings: readonly Finding[], layout: Layout): string[] {
  const { width, paint, environmentName } = layout;
  const listed = findings.slice(0, MAX_FINDINGS_LISTED);
  const grouped = group(listed);
  // A finding in another file than its resource's heading (a Terraform role assignment of an app) names its file.
  const labels = new Map<Finding, string>();
  for (const [environmentId, resources] of grouped) {
    const folder = usedFolder(environmentId, resources, layout.snapshotDir);
    for (const own of resources.values()) for (const finding of own) labels.set(finding, lineLabel(finding, own[0]!, folder, layout.snapshotDir));
  }
  const lineWidth = Math.max(0, ...[...labels.values()].map((label) => textWidth(label)));
  // Wide enough for every rule id but the few longest: those start their message on the next line.
  const ruleCap = Math.max(16, Math.floor(width * 0.3));
  const ruleWidth = Math.max(0, ...listed.map((finding) => finding.ruleId.length).filter((length) => length <= ruleCap));
  const lines: string[] = [];
  for (const [environmentId, resources] of grouped) {
    if (lines.length > 0) lines.push('');
    const name = environmentId === null ? 'Organization-wide' : terminalText(environmentName(environmentId), NAME_LIMIT);
    const folder = usedFolder(environmentId, resources, layout.snapshotDir);
    // An environment known only by its id is named by its folder, which holds the id.
    if (folder === undefined || name === environmentId) lines.push(paint(folder ?? name, 'bold'));
    else if (textWidth(`${name}  ${folder}`) <= width) lines.push(`${paint(name, 'bold')}  ${paint(folder, 'dim')}`);
    else lines.push(paint(name, 'bold'), paint(folder, 'dim'));
    for (const own of resources.values()) {
      lines.push(...resourceHeading(own[0]!, folder, layout));
      for (const finding of own) lines.push(...findingRow(finding, labels.get(finding) ?? '', lineWidth, ruleWidth, layout));
    }
  }
  if (findings.length > listed.length) {
    lines.push('', paint(`… and ${findings.length - listed.length} more, less severe: -f json or csv lists them all.`, 'bold'));
  }
  return lines;
}

function group(findings: readonly Finding[]): Map<string | null, Map<string, Finding[]>> {
  const environments = new Map<string | null, Map<string, Finding[]>>();
  for (const finding of findings) {
    const resources = environments.get(finding.environmentId) ?? new Map<string, Finding[]>();
    environments.set(finding.environmentId, resources);
    const key = `${finding.resource.type}\u0000${finding.resource.id}`;
    resources.set(key, [...(resources.get(key) ?? []), finding]);
  }
  return environments;
}

/**
 * The folder an environment's snapshot files are in (`environments/<id>/`, under the snapshot
 * folder when it is relative), shown in its heading so that each resource's file can be given
 * from there; undefined for organization-wide files at the snapshot's root.
 */
function environmentFolder(environmentId: string | null, snapshotDir: string | undefined): string | undefined {
  if (environmentId !== null) return `${terminalText(snapshotFilePath(`environments/${environmentId}`, snapshotDir))}/`;
  const root = snapshotFilePath('.', snapshotDir);
  return root === '.' ? undefined : `${terminalText(root)}/`;
}

/**
 * The environment's folder when some of its findings' files are in it; undefined when none is
 * (`pingone-audit terraform` points at `.tf` files: a snapshot folder would name no real path).
 */
function usedFolder(environmentId: string | null, resources: Map<string, Finding[]>, snapshotDir: string | undefined): string | undefined {
  const folder = environmentFolder(environmentId, snapshotDir);
  if (folder === undefined) return undefined;
  const inIt = [...resources.values()].some((own) => own.some((finding) => terminalText(snapshotFilePath(finding.location.file, snapshotDir)).startsWith(folder)));
  return inIt ? folder : undefined;
}

/**
 * `  application Nightly Export  applications/861257a8-….json`: the file relative to the
 * environment's folder in the heading above, on a line of its own when both do not fit.
 */
function resourceHeading(finding: Finding, folder: string | undefined, { width, paint, snapshotDir }: Layout): string[] {
  const label = `  ${terminalText(finding.resource.type, NAME_LIMIT)} ${terminalText(finding.resource.name || finding.resource.id, NAME_LIMIT)}`;
  const file = shownFile(finding, folder, snapshotDir);
  if (textWidth(`${label}  ${file}`) <= width) return [`${paint(label, 'bold')}  ${paint(file, 'dim')}`];
  return [paint(cutToWidth(label, width), 'bold'), `  ${paint(file, 'dim')}`];
}

/** The finding's file as shown: relative to the environment's folder in the heading above, when it is in it. */
function shownFile(finding: Finding, folder: string | undefined, snapshotDir: string | undefined): string {
  const path = terminalText(snapshotFilePath(finding.location.file, snapshotDir));
  return folder !== undefined && path.startsWith(folder) ? path.slice(folder.length) : path;
}

/** `    :12  high      rule-id  First sentence of the message…`, the message wrapped under itself. */
function findingRow(finding: Finding, label: string, lineWidth: number, ruleWidth: number, { width, paint, verbose }: Layout): string[] {
  // A baseline file is user input: its severity is shown as text, and sized as shown.
  const severity = terminalText(finding.severity).padEnd(8);
  const head = `${INDENT}${paint(label.padStart(lineWidth), 'dim')}  ${paint(severity, ...(SEVERITY_STYLE[finding.severity] ?? []))}  `;
  const headWidth = INDENT.length + lineWidth + 4 + textWidth(severity);
  const state = finding.baselineState === 'new' ? '[new] ' : finding.baselineState === 'updated' ? '[more severe] ' : '';
  const disposition = finding.disposition === undefined ? '' : `[${dispositionLabel(finding.disposition)}] `;
  // With --history, the age only in the verbose report: the brief one keeps three lines per finding.
  const age = verbose && finding.firstSeen !== undefined ? `[${ageLabel(finding)}] ` : '';
  const said = `${state}${disposition}${age}${verbose ? finding.message : firstSentence(finding.message)}`;
  const text = terminalText(finding.suppression === undefined ? said : `${said} Suppressed: ${finding.suppression.reason}`);
  const ruleId = terminalText(finding.ruleId);
  const messageColumn = headWidth + ruleWidth + 2;
  const messageWidth = width - messageColumn;
  const maxLines = verbose ? Number.POSITIVE_INFINITY : BRIEF_LINES;
  if (messageWidth < MIN_MESSAGE_WIDTH || ruleId.length > ruleWidth) {
    const under = `${INDENT}  `;
    const message = fitProse(text, width - under.length, maxLines).map((line) => `${under}${line}`);
    return headWidth + ruleId.length <= width ? [`${head}${ruleId}`, ...message] : [head.trimEnd(), `${under}${ruleId}`, ...message];
  }
  const [first = '', ...more] = fitProse(text, messageWidth, maxLines);
  return [`${head}${padToWidth(ruleId, ruleWidth)}  ${first}`, ...more.map((line) => `${' '.repeat(messageColumn)}${line}`)];
}

/** `:12`, or `apps.tf:12` when the finding is in another file than `heading`, the first finding of its resource. */
function lineLabel(finding: Finding, heading: Finding, folder: string | undefined, snapshotDir: string | undefined): string {
  const line = finding.location.line === undefined ? '' : `:${finding.location.line}`;
  return finding.location.file === heading.location.file ? line : `${shownFile(finding, folder, snapshotDir)}${line}`;
}

function notEvaluatedLines(result: AuditResult, { width, paint, verbose, environmentName }: Layout): string[] {
  const rules = new Set(result.notEvaluated.map((item) => item.ruleId)).size;
  const gaps = dataGapsOf(result.notEvaluated).length;
  const why =
    gaps === 0
      ? 'data they need lies outside what was audited'
      : gaps < result.notEvaluated.length
        ? 'data they need could not be collected or lies outside what was audited'
        : 'data they need could not be collected';
  const lines = heading(`Not evaluated (${plural(rules, 'rule')}): ${why}, so they neither pass nor fail`, width, (text) => paint(text, 'bold', 'yellow'));
  for (const item of result.notEvaluated) {
    lines.push(`  ${terminalText(item.ruleId)}  ${paint(terminalText(environmentName(item.environmentId), NAME_LIMIT), 'dim')}`);
    lines.push(...fitProse(terminalText(describeNotEvaluated(item)), width - INDENT.length, verbose ? Number.POSITIVE_INFINITY : BRIEF_LINES).map((line) => `${INDENT}${line}`));
  }
  return lines;
}

/** Resources rules left unjudged by design (a DaVinci sign-in, an unknown grant type): up to {@link MAX_UNJUDGED_LISTED}, or all with verbose. */
function unjudgedLines(result: AuditResult, { width, paint, verbose, environmentName }: Layout): string[] {
  const skipped = result.skipped ?? [];
  const listed = verbose ? skipped : skipped.slice(0, MAX_UNJUDGED_LISTED);
  const lines = heading(`Not judged (${plural(unjudgedResourceCount(result), 'resource')}): rules left these resources alone, so they neither pass nor fail`, width, (text) =>
    paint(text, 'bold', 'yellow'),
  );
  for (const item of listed) {
    const where = terminalText(environmentName(item.resource.environmentId ?? null), NAME_LIMIT);
    lines.push(
      ...indentWrap(
        `${terminalText(item.ruleId)}  ${terminalText(item.resource.type, NAME_LIMIT)} ${terminalText(item.resource.name || item.resource.id, NAME_LIMIT)} (${where})`,
        width,
        '  ',
        '    ',
      ),
    );
    lines.push(...fitProse(terminalText(item.reason), width - INDENT.length, verbose ? Number.POSITIVE_INFINITY : 1).map((line) => `${INDENT}${paint(line, 'dim')}`));
  }
  if (listed.length < skipped.length) lines.push(`  … and ${skipped.length - listed.length} more: --verbose, -f json, markdown or html list them all.`);
  return lines;
}

function ruleErrorLines(result: AuditResult, { width, paint, verbose }: Layout): string[] {
  const lines = heading(`Rule errors (${result.ruleErrors.length}): these rules failed and reported nothing`, width, (text) => paint(text, 'bold', 'red'));
  for (const error of result.ruleErrors) {
    lines.push(`  ${terminalText(error.ruleId)}`);
    lines.push(...fitProse(terminalText(error.message), width - INDENT.length, verbose ? Number.POSITIVE_INFINITY : BRIEF_LINES).map((line) => `${INDENT}${line}`));
  }
  return lines;
}

function heading(title: string, width: number, paint: (text: string) => string): string[] {
  return wrapWords(title, width).map(paint);
}

/** Each rule that fired, once, with the remediation steps its docs give. */
function remediationLines(result: AuditResult, { width, paint }: Layout): string[] {
  const rule = ruleLookup(result);
  const lines = [paint('How to fix', 'bold')];
  for (const ruleId of new Set(result.findings.map((finding) => finding.ruleId))) {
    const { title, meta } = rule(ruleId);
    lines.push(...wrapWords(`${terminalText(ruleId)}  ${terminalText(title)}`, width - 2).map((line) => `  ${paint(line, 'bold')}`));
    for (const step of meta?.docs.remediation ?? []) lines.push(...indentWrap(terminalText(step), width, `${INDENT}- `, `${INDENT}  `));
  }
  return lines;
}

function footerLines({ width, paint, verbose }: Layout): string[] {
  const parts: Part[] = [{ text: 'More: pingone-audit explain <rule-id>' }, { text: '-f html -o report.html for the full report' }];
  if (!verbose) parts.push({ text: '--verbose for whole messages and how to fix' });
  return joinWithin(
    parts.map((part) => ({ ...part, paint: (text: string) => paint(text, 'dim') })),
    width,
    '',
  );
}
