import { painter, type Paint, type Style } from '../formatters/ansi.js';
import { jsonText } from '../output/json-string.js';
import { markdownText } from '../output/markdown-text.js';
import { indentWrap } from '../output/terminal-layout.js';
import { terminalText } from '../output/terminal-text.js';
import { checklistStatus, type Checklist, type ChecklistItem, type CheckStatus } from './evaluate-profile.js';

export const CHECKLIST_FORMATS = ['table', 'json', 'markdown'] as const;
export type ChecklistFormat = (typeof CHECKLIST_FORMATS)[number];

const LABEL: Record<CheckStatus, { text: string; style: Style }> = {
  pass: { text: 'PASS', style: 'green' },
  fail: { text: 'FAIL', style: 'red' },
  'not-evaluated': { text: 'N/E ', style: 'yellow' },
};

/**
 * The checklist seen through one framework (`check --framework`): the controls the checklist gives
 * evidence for (those the integration-profile rule maps to), which take the checklist's status, or
 * why none does. Our own text only.
 */
export interface ChecklistFrameworkView {
  id: string;
  title: string;
  controls: Array<{ id: string; title: string }>;
  /** Why the framework maps no control to the checklist, when it maps none. */
  unmapped?: string;
}

/**
 * The checklist as `check` prints it; pure, the command writes. The terminal text fits
 * `options.columns` when given (wrapped at spaces, check ids and URLs whole), one line per item
 * and detail when not. With `options.framework`, every format ends with the controls the
 * checklist is evidence for and their status (the checklist's).
 */
export function formatChecklist(checklist: Checklist, format: ChecklistFormat, options: { color?: boolean; columns?: number; framework?: ChecklistFrameworkView } = {}): string {
  const { framework } = options;
  if (format === 'json') return `${jsonText({ ...checklistJson(checklist), ...(framework === undefined ? {} : { framework: frameworkJson(checklist, framework) }) }, 2)}\n`;
  const view = framework === undefined ? undefined : frameworkStanding(checklist, framework);
  if (format === 'markdown') return `${checklistMarkdown(checklist)}${view === undefined ? '' : `\n**${markdownText(framework!.title)}:** ${markdownText(view)}\n`}`;
  return `${checklistText(checklist, painter(options.color === true), options.columns ?? Number.POSITIVE_INFINITY)}${view === undefined ? '' : `\n${framework!.title}: ${view}\n`}`;
}

function frameworkJson(checklist: Checklist, framework: ChecklistFrameworkView) {
  const status = checklistStatus(checklist);
  return {
    id: framework.id,
    title: framework.title,
    controls: framework.controls.map((control) => ({ ...control, status })),
    ...(framework.unmapped === undefined ? {} : { unmapped: framework.unmapped }),
  };
}

/** `CM-6 Configuration Settings, CM-2 Baseline Configuration: fail (this checklist is their evidence)`. */
function frameworkStanding(checklist: Checklist, framework: ChecklistFrameworkView): string {
  if (framework.controls.length === 0) return `no control maps to this checklist${framework.unmapped === undefined ? '' : ` (${framework.unmapped.replace(/\.$/, '')})`}`;
  const controls = framework.controls.map((control) => `${control.id} ${control.title}`).join(', ');
  return `${controls}: ${checklistStatus(checklist)} (this checklist is their evidence)`;
}

/** Counts per status, for the summary line and the JSON. */
function checklistCounts(checklist: Checklist): { pass: number; fail: number; notEvaluated: number } {
  const count = (status: CheckStatus) => checklist.items.filter((item) => item.status === status).length;
  return { pass: count('pass'), fail: count('fail'), notEvaluated: count('not-evaluated') };
}

/** What the conflict means for the reader, in one sentence. */
function describeConflict(item: ChecklistItem): string | undefined {
  const { conflict } = item;
  if (conflict === undefined) return undefined;
  const preferred = conflict.prefer === 'rule' ? `what ${conflict.rule} recommends` : 'the guide’s setting for now';
  return `security rule ${conflict.rule} disagrees with the guide here (both are reported); prefer ${preferred}: ${conflict.why}`;
}

function heading({ profile, application }: Checklist): { title: string; subject: string } {
  const { app, env } = application;
  return { title: `${profile.title} (${profile.id})`, subject: `application ${app.name} (${app.id}) in environment ${env.environment.name}` };
}

function summary(checklist: Checklist): string {
  const { pass, fail, notEvaluated } = checklistCounts(checklist);
  const verdict = { pass: 'ready', fail: 'not ready', 'not-evaluated': 'not fully evaluated' }[checklistStatus(checklist)];
  return `${verdict}: ${pass} passed, ${fail} failed, ${notEvaluated} not evaluated`;
}

function checklistText(checklist: Checklist, paint: Paint, width: number): string {
  const { title, subject } = heading(checklist);
  // Wrapped as plain text; then the label, the check id and the detail's name are painted where they landed.
  const wrap = (text: string, first: string, rest: string): string[] => indentWrap(text, width, first, rest);
  const lines = [
    ...wrap(terminalText(title), '', '  ').map((line) => paint(line, 'bold')),
    ...wrap(terminalText(subject), '', '  '),
    ...checklist.profile.guides.map((guide) => `guide: ${guide.url}`),
    '',
  ];
  for (const item of checklist.items) {
    const label = LABEL[item.status];
    const id = `[${item.check.id}]`;
    const [first = '', ...rest] = wrap(`${label.text}  ${item.check.title} ${id}`, '', '      ').map((line) => (line.endsWith(id) ? `${line.slice(0, -id.length)}${paint(id, 'dim')}` : line));
    lines.push(`${paint(label.text, label.style)}${first.slice(label.text.length)}`, ...rest);
    const detail = (name: string, value: string) => {
      const [head = '', ...more] = wrap(`${name}: ${terminalText(value)}`, '      ', '        ');
      lines.push(`      ${paint(`${name}:`, 'dim')}${head.slice(6 + name.length + 1)}`, ...more);
    };
    if (item.status === 'fail') {
      detail('found', item.actual);
      detail('expected', item.expected);
      if (item.breaks !== undefined) detail('breaks', item.breaks);
      detail('fix', item.check.fix);
      detail('source', `${item.check.source.url} (${item.check.source.section})`);
    }
    // A passing role check names who holds the role: that is the person to keep in place.
    if (item.status === 'pass' && (item.kind === 'signInAdminRole' || item.kind === 'appRole')) detail('found', item.actual);
    if (item.reason !== undefined) detail('reason', item.reason);
    if (item.note !== undefined) detail('note', item.note);
    const conflict = describeConflict(item);
    if (conflict !== undefined) detail('security', conflict);
  }
  lines.push('', ...wrap(summary(checklist), '', '').map((line) => paint(line, 'bold')));
  return `${lines.join('\n')}\n`;
}

function checklistMarkdown(checklist: Checklist): string {
  const { title, subject } = heading(checklist);
  const cell = (value: string | undefined) => (value === undefined || value === '' ? '' : markdownText(value));
  const lines = [
    `## ${markdownText(title)}`,
    '',
    `${markdownText(subject)}; guide: ${checklist.profile.guides.map((guide) => guide.url).join(', ')}`,
    '',
    `**${markdownText(summary(checklist))}**`,
    '',
    '| Status | Check | Found | Expected | Fix or note |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const item of checklist.items) {
    const advice =
      item.status === 'fail'
        ? [item.breaks === undefined ? '' : `Breaks: ${item.breaks}.`, item.check.fix].filter(Boolean).join(' ')
        : [item.reason, item.note, describeConflict(item)].filter(Boolean).join(' ');
    lines.push(`| ${LABEL[item.status].text.trim()} | ${cell(item.check.title)} | ${cell(item.actual)} | ${cell(item.expected)} | ${cell(advice)} |`);
  }
  return `${lines.join('\n')}\n`;
}

function checklistJson(checklist: Checklist) {
  const { profile, application } = checklist;
  return {
    profile: { id: profile.id, title: profile.title, guides: profile.guides },
    application: { id: application.app.id, name: application.app.name, environmentId: application.env.environment.id, environmentName: application.env.environment.name },
    status: checklistStatus(checklist),
    summary: checklistCounts(checklist),
    items: checklist.items.map((item) => ({
      id: item.check.id,
      title: item.check.title,
      kind: item.kind,
      status: item.status,
      severity: item.check.severity,
      expected: item.expected,
      actual: item.actual,
      pointer: item.pointer,
      fix: item.check.fix,
      source: item.check.source,
      ...(item.breaks === undefined ? {} : { breaks: item.breaks }),
      ...(item.note === undefined ? {} : { note: item.note }),
      ...(item.reason === undefined ? {} : { reason: item.reason }),
      ...(item.conflict === undefined ? {} : { conflict: { ...item.conflict, text: describeConflict(item) } }),
    })),
  };
}
