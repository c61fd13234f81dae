import { compareSeverity } from '../engine/severity.js';
import { dispositionLabel, hiddenByLabel } from './disposition-label.js';
import { SEVERITIES, type AuditResult, type Finding, type RuleOutcome } from '../engine/types.js';
import { environmentLabeller } from './environment-label.js';
import type { FormatContext } from './format-context.js';
import { findingsChart } from './html-chart.js';
import { trendChart } from './html-trend.js';
import { ageLabel } from './history-label.js';
import { esc, link } from './html-escape.js';
import { REPORT_CSS } from './html-style.js';
import { reportScopes, ruleLookup } from './report-scopes.js';
import { describeCollectionFailure } from '../snapshot/collection-failure.js';
import { describeNotEvaluated } from './not-evaluated-text.js';
import { snapshotFileLine } from './snapshot-file-path.js';
import { applicationCoverageText, ruleEvaluation } from './summary-line.js';
import { plural } from '../wording.js';
import { fixFirstBody, verdictHtml } from './html-opening.js';
import { postureDetailHtml, postureSummaryHtml, reportPostures } from './html-posture.js';
import { ruleTextHtml } from './html-rule-text.js';

/** Nothing may load at view time: no script, no fetch, no font, no remote image. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** `advisory`: open findings, all of severity info, which never fail a control. */
type Cell = RuleOutcome | 'na' | 'accepted' | 'advisory';

interface Scope {
  environmentId: string | null;
  label: string;
}

/**
 * A self-contained compliance report: one HTML file with inline CSS and an inline SVG chart,
 * no script, and a Content-Security-Policy that forbids any request. It opens with the answer:
 * the verdict against the gate in force (`#verdict`), the findings to fix first (`#fix-first`), the
 * trend over earlier runs (with a history) and the posture per framework (`context.framework` alone,
 * or every framework); then counts by severity, the drift since the baseline when there is one, a
 * per-rule control view, every finding under its rule's remediation (our own Markdown rendered;
 * tenant strings escaped), each framework's controls, suppressed findings, the coverage, and the
 * warnings. `@media print` lays it out for PDF.
 */
export function formatHtml(result: AuditResult, context: FormatContext): string {
  return [...formatHtmlChunks(result, context)].join('');
}

/**
 * {@link formatHtml} piece by piece: the findings are written row by row, and each rule's table in an
 * environment lists at most {@link MAX_ROWS_LISTED} of them, saying how many more the JSON and CSV hold.
 */
export function* formatHtmlChunks(result: AuditResult, context: FormatContext): Generator<string> {
  const environmentName = environmentLabeller(result);
  const scopes: Scope[] = reportScopes(result).map((environmentId) => ({
    environmentId,
    label: environmentId === null ? 'Organization-wide' : environmentName(environmentId),
  }));
  const organization = result.snapshot.organizationId ?? 'unknown organization';
  const postures = reportPostures(result, context.framework);
  const grouped: GroupedResult = { open: groupFindings(result.findings), suppressed: groupFindings(result.suppressed) };
  const sections: Section[] = [
    { id: 'fix-first', title: 'Fix first', body: fixFirstBody(result, environmentName) },
    ...(result.history === undefined ? [] : [historySection(result)]),
    { id: 'posture', title: context.framework === undefined ? 'Posture by framework' : `Posture: ${postures[0]!.framework.title}`, body: postureSummaryHtml(postures) },
    summarySection(result, scopes),
    ...(result.baseline === undefined ? [] : [baselineSection(result, environmentName)]),
    controlsSection(result, scopes, grouped),
    findingsSection(scopes, grouped.open, rowsLeftOut(grouped.open), ruleLookup(result), context),
    { id: 'posture-detail', title: 'Posture in detail', body: postureDetailHtml(postures), major: true },
    ...(result.suppressed.length === 0 ? [] : [suppressedSection(result, environmentName)]),
    coverageSection(result, environmentName, organization),
    ...((result.warnings ?? []).length === 0 ? [] : [warningsSection(result)]),
  ];
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(CONTENT_SECURITY_POLICY)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="pingone-audit ${esc(result.tool.version)}">
<title>PingOne compliance report: ${esc(organization)}, ${esc(result.generatedAt.slice(0, 10))}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header id="top">
<h1>PingOne configuration compliance report</h1>
${scopeLine(result, organization)}
${verdictHtml(result, context)}
<nav class="toc" aria-label="Contents">${sections.map((section) => `<a href="#${section.id}">${esc(section.title)}</a>`).join('')}</nav>
</header>
<main>
`;
  let separator = '';
  for (const section of sections) {
    yield `${separator}<section id="${section.id}"${section.major === true ? ' class="major"' : ''}>\n<h2>${esc(section.title)}</h2>\n`;
    if (typeof section.body === 'string') yield section.body;
    else yield* section.body;
    yield '\n</section>';
    separator = '\n';
  }
  yield `
</main>
<footer>Generated by pingone-audit ${esc(result.tool.version)} at ${esc(result.generatedAt)} from a read-only snapshot collected at ${esc(result.snapshot.createdAt)}. Findings point at the snapshot's files; the JSON report holds the complete result.</footer>
</body>
</html>
`;
}

/**
 * Rows listed per rule and environment. A browser cannot show a million rows, nor a reader use them: past
 * this, the table lists the first (most severe first, as the result is ordered) and says how many more the
 * JSON and CSV reports hold, which list every finding.
 */
export const MAX_ROWS_LISTED = 100;

/** Findings by environment, then by rule in order of first appearance: each list read once, not filtered per cell. */
type GroupedFindings = Map<string | null, Map<string, Finding[]>>;

/** The result's open and suppressed findings, each grouped. */
interface GroupedResult {
  open: GroupedFindings;
  suppressed: GroupedFindings;
}

function groupFindings(findings: readonly Finding[]): GroupedFindings {
  const grouped: GroupedFindings = new Map();
  for (const finding of findings) {
    let byRule = grouped.get(finding.environmentId);
    if (byRule === undefined) grouped.set(finding.environmentId, (byRule = new Map()));
    const own = byRule.get(finding.ruleId);
    if (own === undefined) byRule.set(finding.ruleId, [finding]);
    else own.push(finding);
  }
  return grouped;
}

function findingsOf(grouped: GroupedFindings, ruleId: string, environmentId: string | null): readonly Finding[] {
  return grouped.get(environmentId)?.get(ruleId) ?? [];
}

/** How many open findings the findings section leaves out, over every rule and environment. */
function rowsLeftOut(grouped: GroupedFindings): number {
  let left = 0;
  for (const byRule of grouped.values()) for (const own of byRule.values()) left += Math.max(0, own.length - MAX_ROWS_LISTED);
  return left;
}

interface Section {
  id: string;
  title: string;
  /** The section's HTML, or its pieces when it grows with the findings. */
  body: string | Iterable<string>;
  /** Starts a new page when printed. */
  major?: boolean;
}

/** One line under the title: which organization, environments (production marked) and snapshot. */
function scopeLine(result: AuditResult, organization: string): string {
  const environments = environmentsOf(result);
  const names = environments.map((env) => `${esc(env.name)}${env.type === undefined ? '' : ` <span class="tag">${esc(env.type)}</span>`}`).join(', ');
  return `<p class="scope">Organization <code>${esc(organization)}</code> · ${plural(environments.length, 'environment')}${names === '' ? '' : `: ${names}`} · snapshot of ${esc(result.snapshot.createdAt)}</p>`;
}

function environmentsOf(result: AuditResult): Array<{ id: string; name: string; type?: string | undefined }> {
  return result.snapshot.environments ?? result.snapshot.environmentIds.map((id) => ({ id, name: id, type: undefined }));
}

function runFacts(result: AuditResult, organization: string): string {
  const environmentList = environmentsOf(result)
    .map((env) => `${esc(env.name)}${env.type === undefined ? '' : ` <span class="tag">${esc(env.type)}</span>`} <code>${esc(env.id)}</code>`)
    .join('<br>');
  const evaluation = ruleEvaluation(result);
  const rules = evaluation.evaluated === evaluation.total ? `${plural(evaluation.total, 'rule')} evaluated` : `${evaluation.evaluated} of ${plural(evaluation.total, 'rule')} evaluated`;
  const scoped = evaluation.outOfScope > 0 ? `${rules}, ${evaluation.outOfScope} out of scope (the data they need lies outside what was audited)` : rules;
  return `<dl class="facts">
<dt>Organization</dt><dd><code>${esc(organization)}</code></dd>
<dt>Environments</dt><dd>${environmentList || '<span class="muted">none</span>'}</dd>
<dt>Snapshot collected</dt><dd>${esc(result.snapshot.createdAt)}</dd>
<dt>Report generated</dt><dd>${esc(result.generatedAt)}</dd>
<dt>Coverage</dt><dd>${result.summary.collectionComplete ? 'complete: every endpoint was read' : '<strong>incomplete</strong>: some data could not be read'}; ${esc(scoped)}</dd>
<dt>Tool</dt><dd>pingone-audit ${esc(result.tool.version)}</dd>
</dl>`;
}

function summarySection(result: AuditResult, scopes: Scope[]): Section {
  const cards = [
    ...SEVERITIES.map((severity) => `<div class="card ${severity}"><span class="n">${result.summary.bySeverity[severity]}</span>${severity}</div>`),
    `<div class="card"><span class="n">${result.summary.suppressed}</span>suppressed</div>`,
    `<div class="card"><span class="n">${new Set(result.notEvaluated.map((item) => item.ruleId)).size}</span>rules not evaluated${result.summary.outOfScope === undefined ? '' : ' (some out of scope)'}</div>`,
    `<div class="card"><span class="n">${result.ruleErrors.length}</span>rule errors</div>`,
  ];
  const rows = scopes.map((scope) => {
    const findings = result.findings.filter((finding) => finding.environmentId === scope.environmentId);
    return `<tr><td>${esc(scope.label)}</td>${SEVERITIES.map((severity) => `<td>${findings.filter((finding) => finding.severity === severity).length}</td>`).join('')}<td><strong>${findings.length}</strong></td></tr>`;
  });
  const body = `<div class="cards">${cards.join('')}</div>
${findingsChart(result, scopes)}
<table><thead><tr><th>Environment</th>${SEVERITIES.map((severity) => `<th>${severity}</th>`).join('')}<th>Total</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
  return { id: 'summary', title: 'Summary', body };
}

function baselineSection(result: AuditResult, environmentName: (id: string | null) => string): Section {
  const baseline = result.baseline!;
  const changed = result.findings.filter((finding) => finding.baselineState === 'new' || finding.baselineState === 'updated');
  const list = (findings: Finding[], empty: string, which: string) => {
    if (findings.length === 0) return `<p class="muted">${empty}</p>`;
    const row = (finding: Finding) =>
      `<tr><td>${badge(finding)}</td><td><code>${esc(finding.ruleId)}</code></td><td>${esc(environmentName(finding.environmentId))}</td><td>${resourceCell(finding)}</td><td>${esc(finding.message)}</td></tr>`;
    const { rows, more } = listedRows(findings, row, '', which, 'the JSON report lists');
    return `<table><thead><tr><th>Severity</th><th>Rule</th><th>Environment</th><th>Resource</th><th>Message</th></tr></thead><tbody>${rows}</tbody></table>${more}`;
  };
  const body = `<p>Compared with the run of ${esc(baseline.generatedAt)}${baseline.file === undefined ? '' : ` (<code>${esc(baseline.file)}</code>)`}: <strong>${baseline.new}</strong> new, <strong>${baseline.updated}</strong> more severe, ${baseline.unchanged} unchanged, <strong>${baseline.fixed.length}</strong> fixed.</p>
<h3>New or more severe</h3>${list(changed, 'Nothing new since the baseline.', 'new or more severe findings')}
<h3>Fixed since the baseline</h3>${list(baseline.fixed, 'Nothing fixed since the baseline.', 'fixed findings')}`;
  return { id: 'drift', title: 'Drift since the baseline', body };
}

/** With `--history`: the trend of open findings over the runs, and what changed since the latest earlier one. */
function historySection(result: AuditResult): Section {
  const history = result.history!;
  const previous = history.previous;
  const since =
    previous === undefined
      ? `<p>No earlier report in <code>${esc(history.folder)}</code>: this is the first run of the history.</p>`
      : `<p>Since the run of ${esc(previous.generatedAt)}: <strong>${previous.new.length}</strong> new, <strong>${previous.fixed.length}</strong> fixed, ${result.findings.length - previous.new.length} still open.</p>`;
  return { id: 'trend', title: 'Trend over the runs', body: `${since}\n${trendChart(history)}` };
}

function controlsSection(result: AuditResult, scopes: Scope[], grouped: GroupedResult): Section {
  const rules = [...result.rules].sort((a, b) => compareSeverity(a.severity, b.severity) || (a.id < b.id ? -1 : 1));
  const rows = rules.map((rule) => {
    const references = rule.meta.docs.references.map((reference) => link(reference.title, reference.url)).join('<br>');
    const cells = scopes.map((scope) => `<td>${statusCell(cellOf(result, grouped, rule.id, scope.environmentId), grouped, rule.id, scope.environmentId)}</td>`);
    return `<tr id="rule-${esc(rule.id)}"><td><strong>${ruleTextHtml(rule.meta.title)}</strong><br><code>${esc(rule.id)}</code> <span class="badge ${esc(rule.severity)}">${esc(rule.severity)}</span></td><td class="references">${references || '<span class="muted">none</span>'}</td>${cells.join('')}</tr>`;
  });
  const byReference = new Map<string, { url?: string; ruleIds: string[] }>();
  for (const rule of rules) {
    for (const reference of rule.meta.docs.references) {
      const entry = byReference.get(reference.title) ?? { ...(reference.url === undefined ? {} : { url: reference.url }), ruleIds: [] };
      entry.ruleIds.push(rule.id);
      byReference.set(reference.title, entry);
    }
  }
  const referenceRows = [...byReference.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([title, { url, ruleIds }]) => {
      const cells = ruleIds.flatMap((ruleId) => scopes.map((scope) => cellOf(result, grouped, ruleId, scope.environmentId)));
      const overall: Cell = cells.includes('fail')
        ? 'fail'
        : cells.includes('error') || cells.includes('not-evaluated')
          ? 'not-evaluated'
          : cells.some((cell) => cell === 'pass' || cell === 'accepted' || cell === 'advisory')
            ? 'pass'
            : 'na';
      return `<tr><td class="references">${link(title, url)}</td><td>${ruleIds.map((id) => `<code>${esc(id)}</code>`).join(' ')}</td><td>${statusLabel(overall)}</td></tr>`;
    });
  const body = `<p class="muted">Each rule is a control. Pass: checked, nothing found. Fail: findings of low severity or above open. Pass (advisory): only info findings, which are advice and never fail a control. Accepted: every finding suppressed with a reason. Not evaluated: data it needs could not be read (never counted as a pass).</p>
<table><thead><tr><th>Control</th><th>References</th>${scopes.map((scope) => `<th>${esc(scope.label)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<h3>By reference</h3>
<table><thead><tr><th>Reference</th><th>Controls</th><th>Status</th></tr></thead><tbody>${referenceRows.join('\n')}</tbody></table>`;
  return { id: 'controls', title: 'Controls', body, major: true };
}

function cellOf(result: AuditResult, grouped: GroupedResult, ruleId: string, environmentId: string | null): Cell {
  const open = findingsOf(grouped.open, ruleId, environmentId);
  // Info findings are advice: they never fail a control, nor a reference built from it.
  if (open.some((finding) => finding.severity !== 'info')) return 'fail';
  const outcome = result.ruleResults.find((item) => item.ruleId === ruleId && item.environmentId === environmentId)?.outcome;
  if (open.length > 0) return outcome === 'not-evaluated' || outcome === 'error' ? outcome : 'advisory';
  const suppressed = findingsOf(grouped.suppressed, ruleId, environmentId).length > 0;
  if (suppressed && outcome !== 'not-evaluated' && outcome !== 'error') return 'accepted';
  if (outcome === 'fail') return 'fail';
  return outcome ?? 'na';
}

function statusCell(cell: Cell, grouped: GroupedResult, ruleId: string, environmentId: string | null): string {
  if (cell !== 'fail' && cell !== 'accepted' && cell !== 'advisory') return statusLabel(cell);
  const open = findingsOf(grouped.open, ruleId, environmentId).length;
  const suppressed = findingsOf(grouped.suppressed, ruleId, environmentId).length;
  return `${statusLabel(cell)} <span class="muted">(${[open > 0 ? `${open} open` : '', suppressed > 0 ? `${suppressed} suppressed` : ''].filter(Boolean).join(', ')})</span>`;
}

function statusLabel(cell: Cell): string {
  const labels: Record<Cell, [string, string]> = {
    pass: ['pass', 'Pass'],
    fail: ['fail', 'Fail'],
    accepted: ['pass', 'Accepted'],
    advisory: ['pass', 'Pass (advisory)'],
    'not-evaluated': ['not-evaluated', 'Not evaluated'],
    error: ['error', 'Rule error'],
    na: ['na', '—'],
  };
  const [className, label] = labels[cell];
  return `<span class="status ${className}">${label}</span>`;
}

function findingsSection(scopes: Scope[], grouped: GroupedFindings, leftOut: number, rule: ReturnType<typeof ruleLookup>, context: FormatContext): Section {
  return { id: 'findings', title: 'Findings and remediation', body: findingsBody(scopes, grouped, leftOut, rule, context), major: true };
}

function* findingsBody(scopes: Scope[], grouped: GroupedFindings, leftOut: number, rule: ReturnType<typeof ruleLookup>, context: FormatContext): Generator<string> {
  if (leftOut > 0)
    yield `<p><strong>${leftOut.toLocaleString('en')} findings are not listed here</strong>: each rule lists at most ${MAX_ROWS_LISTED} per environment, most severe first. The JSON (<code>-f json</code>) and CSV (<code>-f csv</code>) reports list every finding; the counts and controls here include them all.</p>\n`;
  let separator = '';
  for (const scope of scopes) {
    const byRule = grouped.get(scope.environmentId) ?? new Map<string, Finding[]>();
    let count = 0;
    for (const own of byRule.values()) count += own.length;
    yield `${separator}<h3>${esc(scope.label)}${scope.environmentId === null ? '' : ` <code>${esc(scope.environmentId)}</code>`}: ${plural(count, 'finding')}</h3>`;
    separator = '\n';
    if (count === 0) {
      yield '\n<p class="muted">No open findings.</p>';
      continue;
    }
    for (const [ruleId, own] of byRule) yield ruleArticle(ruleId, own, rule, context);
  }
}

/** One rule's findings in one environment: rationale, a row per finding (up to {@link MAX_ROWS_LISTED}), remediation and references. */
function ruleArticle(ruleId: string, own: readonly Finding[], rule: ReturnType<typeof ruleLookup>, context: FormatContext): string {
  const { title, meta } = rule(ruleId);
  const { rows, more } = listedRows(own, (finding) => findingRow(finding, context), '\n', 'of this rule in this environment', 'the JSON and CSV reports list');
  const remediation = meta === undefined ? '' : `<h4>Remediation</h4><ol>${meta.docs.remediation.map((step) => `<li>${ruleTextHtml(step)}</li>`).join('')}</ol>`;
  const references =
    meta === undefined || meta.docs.references.length === 0
      ? ''
      : `<p class="references"><span class="muted">References:</span> ${meta.docs.references.map((reference) => link(reference.title, reference.url)).join(' · ')}</p>`;
  return `
<article class="rule">
<header><h4>${ruleTextHtml(title)} <code>${esc(ruleId)}</code></h4>${meta === undefined ? '' : `<p>${ruleTextHtml(meta.docs.rationale)}</p>`}</header>
<table><thead><tr><th>Severity</th><th>Resource</th><th>Finding</th><th>Location</th></tr></thead><tbody>${rows}</tbody></table>${more}
${remediation}${references}
</article>`;
}

/**
 * The rows of the first {@link MAX_ROWS_LISTED} items joined by `separator`, and what goes right after
 * the table: nothing, or a paragraph saying how many more `which` there are and which report (`where`) lists them.
 */
function listedRows<T>(items: readonly T[], row: (item: T) => string, separator: string, which: string, where: string): { rows: string; more: string } {
  const rows = items.slice(0, MAX_ROWS_LISTED).map(row).join(separator);
  const left = items.length - MAX_ROWS_LISTED;
  return { rows, more: left > 0 ? `\n<p>…and ${left.toLocaleString('en')} more ${which}, not listed here: ${where} them all.</p>` : '' };
}

function findingRow(finding: Finding, context: FormatContext): string {
  const tags = `${finding.baselineState === 'new' ? ' <span class="tag">new</span>' : finding.baselineState === 'updated' ? ' <span class="tag">more severe</span>' : ''}${finding.disposition === undefined ? '' : ` <span class="tag">${esc(dispositionLabel(finding.disposition))}</span>`}${finding.firstSeen === undefined ? '' : ` <span class="tag">${esc(ageLabel(finding))}</span>`}`;
  return `<tr><td>${badge(finding)}${tags}</td><td>${resourceCell(finding)}</td><td>${esc(finding.message)}</td><td><code>${esc(locationOf(finding, context))}</code></td></tr>`;
}

function suppressedSection(result: AuditResult, environmentName: (id: string | null) => string): Section {
  const { rows, more } = listedRows(
    result.suppressed,
    (finding) =>
      `<tr><td>${badge(finding)}</td><td><code>${esc(finding.ruleId)}</code></td><td>${esc(environmentName(finding.environmentId))}</td><td>${resourceCell(finding)}</td><td>${esc(hiddenByLabel(finding))}</td><td>${esc(finding.suppression?.reason ?? '')}</td><td>${esc(finding.suppression?.owner ?? '')}</td><td>${esc(finding.suppression?.expires ?? '')}</td></tr>`,
    '\n',
    'suppressed findings',
    'the JSON report lists',
  );
  const body = `<p class="muted">Hidden by a reviewed suppression or disposition (accepted risk, false positive, compensating control). Counted here, never gated on; each comes back when its entry expires.</p>
<table><thead><tr><th>Severity</th><th>Rule</th><th>Environment</th><th>Resource</th><th>Decision</th><th>Reason</th><th>Owner</th><th>Expires</th></tr></thead><tbody>${rows}</tbody></table>${more}`;
  return { id: 'suppressed', title: 'Suppressed findings', body };
}

function coverageSection(result: AuditResult, environmentName: (id: string | null) => string, organization: string): Section {
  const entries = [...result.collection.entries].sort((a, b) => Number(a.status === 'complete') - Number(b.status === 'complete'));
  const rows = entries.map(
    (entry) =>
      `<tr><td><code>${esc(entry.kind)}</code></td><td>${esc(entry.environmentId === undefined ? 'organization' : environmentName(entry.environmentId))}</td><td>${entry.status === 'complete' ? statusLabel('pass').replace('Pass', 'read') : entry.outOfScope !== undefined ? 'out of scope' : statusLabel('fail').replace('Fail', 'failed')}</td><td>${esc(entry.requests ?? '')}</td><td>${entry.status === 'failed' ? esc(describeCollectionFailure(entry)) : ''}</td></tr>`,
  );
  const notEvaluated = result.notEvaluated.map(
    (item) => `<tr><td><code>${esc(item.ruleId)}</code></td><td>${esc(environmentName(item.environmentId))}</td><td>${esc(describeNotEvaluated(item))}</td></tr>`,
  );
  const skipped = (result.skipped ?? []).map(
    (item) =>
      `<tr><td><code>${esc(item.ruleId)}</code></td><td>${esc(environmentName(item.resource.environmentId ?? null))}</td><td>${esc(`${item.resource.type} ${item.resource.name || item.resource.id}`)}</td><td>${esc(item.reason)}</td></tr>`,
  );
  const applications = applicationCoverageText(result);
  const errors = result.ruleErrors.map((error) => `<li><code>${esc(error.ruleId)}</code> failed and reported nothing: ${esc(error.message)}</li>`);
  const notes = (result.collection.notes ?? []).map((note) => `<li>${esc(note)}</li>`);
  const body = `${runFacts(result, organization)}
<p>${result.collection.complete ? 'Every endpoint was read.' : '<strong>Some data could not be read</strong>: the rules that need it are not evaluated, and a clean result would not be trustworthy.'}</p>
<table><thead><tr><th>Data</th><th>Environment</th><th>Status</th><th>Requests</th><th>Failure</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>
${applications === undefined ? '' : `<p>${esc(applications)}.</p>`}
${skipped.length === 0 ? '' : `<h3>Resources not judged</h3><table><thead><tr><th>Rule</th><th>Environment</th><th>Resource</th><th>Why</th></tr></thead><tbody>${skipped.join('\n')}</tbody></table>`}
${notEvaluated.length === 0 ? '' : `<h3>Rules not evaluated</h3><table><thead><tr><th>Rule</th><th>Environment</th><th>Why</th></tr></thead><tbody>${notEvaluated.join('\n')}</tbody></table>`}
${errors.length === 0 ? '' : `<h3>Rule errors</h3><ul>${errors.join('')}</ul>`}
${notes.length === 0 ? '' : `<h3>Collection notes</h3><ul>${notes.join('')}</ul>`}`;
  return { id: 'coverage', title: 'Coverage', body, major: true };
}

function warningsSection(result: AuditResult): Section {
  const items = (result.warnings ?? []).map(
    (warning) =>
      `<li>${warning.file === undefined ? '' : `<code>${esc(warning.file)}</code>${warning.pointer === undefined ? '' : ` at <code>${esc(warning.pointer)}</code>`}: `}${esc(warning.message)}</li>`,
  );
  return { id: 'warnings', title: 'Warnings', body: `<ul>${items.join('\n')}</ul>` };
}

function badge(finding: Finding): string {
  return `<span class="badge ${esc(finding.severity)}">${esc(finding.severity)}</span>`;
}

function resourceCell(finding: Finding): string {
  return `${esc(finding.resource.name || finding.resource.id)}<br><span class="muted">${esc(finding.resource.type)}</span> <code>${esc(finding.resource.id)}</code>`;
}

function locationOf(finding: Finding, context: FormatContext): string {
  return `${snapshotFileLine(finding.location, context.snapshotDir)}${finding.pointer === '' ? '' : ` ${finding.pointer}`}`;
}
