import type { AuditResult } from '../engine/types.js';
import { FRAMEWORK_IDS, type FrameworkId } from '../frameworks/framework-ids.js';
import { frameworkPosture, type ControlStatus, type FrameworkPosture, type RuleStanding } from '../frameworks/posture.js';
import { esc, link } from './html-escape.js';

/** Each control status and how reports title it, in the order their tables show them. */
export const CONTROL_STATUS_TITLES: ReadonlyArray<readonly [ControlStatus, string]> = [
  ['pass', 'Pass'],
  ['fail', 'Fail'],
  ['partial', 'Partial'],
  ['not-evaluated', 'Not evaluated'],
  ['not-covered', 'Not covered'],
];

const STATUS_CLASS: Record<ControlStatus | FrameworkPosture['status'], string> = { pass: 'pass', fail: 'fail', partial: 'not-evaluated', 'not-evaluated': 'not-evaluated', 'not-covered': 'na' };

const STANDING_TEXT: Record<RuleStanding, string> = { pass: 'pass', fail: 'fail', advisory: 'pass (advisory)', accepted: 'accepted', 'not-evaluated': 'not evaluated' };

/** The frameworks a report shows: the one `--framework` names, or all of them. */
export function reportPostures(result: AuditResult, framework: FrameworkId | undefined): FrameworkPosture[] {
  return (framework === undefined ? FRAMEWORK_IDS : [framework]).map((id) => frameworkPosture(result, id));
}

/** Per framework, one row: its status and how many of its controls pass, fail, are partial, not evaluated, not covered. */
export function postureSummaryHtml(postures: readonly FrameworkPosture[]): string {
  const rows = postures.map(
    ({ framework, status, counts }) =>
      `<tr><td><a href="#framework-${esc(framework.id)}">${esc(framework.title)}</a></td><td>${label(status)}</td>${CONTROL_STATUS_TITLES.map(([column]) => `<td class="n">${counts[column]}</td>`).join('')}</tr>`,
  );
  return `<table class="posture"><thead><tr><th>Framework</th><th>Status</th>${CONTROL_STATUS_TITLES.map(([, title]) => `<th class="n">${title}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<p class="muted">Counts are controls. A control fails on an open finding of low severity or above; info findings are advice and never fail one. Partial: some of its rules could not be evaluated. Not covered: no rule of this run checks it, so check it another way.</p>`;
}

/** Each framework's controls, the rules behind each and how they stand; ids `framework-<id>` are what the summary links to. */
export function postureDetailHtml(postures: readonly FrameworkPosture[]): string {
  return postures
    .map(({ framework, controls }) => {
      const rows = controls.map((control) => {
        const rules =
          control.rules.length === 0
            ? '<span class="muted">no rule covers this control</span>'
            : control.rules
                .map(
                  (rule) =>
                    `<a href="#rule-${esc(rule.ruleId)}"><code>${esc(rule.ruleId)}</code></a> ${esc(STANDING_TEXT[rule.standing])}${rule.openFindings > 0 ? ` (${rule.openFindings} open)` : ''}`,
                )
                .join('<br>');
        return `<tr><td><code>${esc(control.id)}</code></td><td>${esc(control.title)}</td><td>${label(control.status)}</td><td>${rules}</td></tr>`;
      });
      return `<h3 id="framework-${esc(framework.id)}">${esc(framework.title)}</h3>
<table><thead><tr><th>Control</th><th>Title</th><th>Status</th><th>Rules</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>
<p class="muted">Controls listed from ${link(framework.source.title, framework.source.url)}: ${esc(framework.scope)}.</p>`;
    })
    .join('\n');
}

function label(status: ControlStatus | FrameworkPosture['status']): string {
  return `<span class="status ${STATUS_CLASS[status]}">${esc(statusTitle(status))}</span>`;
}

/** `Pass`, `Not evaluated`, …: a control's or a framework's status as reports title it. */
export function statusTitle(status: ControlStatus | FrameworkPosture['status']): string {
  return CONTROL_STATUS_TITLES.find(([column]) => column === status)?.[1] ?? status;
}
