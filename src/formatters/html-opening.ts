import type { AuditResult, Finding } from '../engine/types.js';
import { dispositionLabel } from './disposition-label.js';
import { fixFirst } from './fix-first.js';
import type { FormatContext } from './format-context.js';
import { esc } from './html-escape.js';
import { reportVerdict } from './report-verdict.js';
import { firstSentence } from './first-sentence.js';
import { summaryParts } from './summary-line.js';
import { plural } from '../wording.js';

/**
 * The report's answer, `id="verdict"`: compliant, not compliant or not determined, what it was
 * judged against and why, then the counts. Only our own words and numbers.
 */
export function verdictHtml(result: AuditResult, context: FormatContext): string {
  const verdict = reportVerdict(result, context.gate);
  const counts = summaryParts(result)
    .map((part) => part.text)
    .join(' · ');
  const why = verdict.reasons.length === 0 ? 'nothing fails it' : verdict.reasons.join('; ');
  return `<div id="verdict" class="verdict ${verdict.status}" role="status">
<p class="answer">${esc(verdict.headline)}</p>
<p class="why">${esc(why)} <span class="muted">(${flagsWhole(esc(verdict.criterion))})</span></p>
<p class="counts">${esc(counts)}</p>
</div>`;
}

/** A flag and its value (`--fail-on high`) never broken across lines. */
function flagsWhole(html: string): string {
  return html.replace(/--[a-z-]+(?: (?:critical|high|medium|low|info|none))?/g, (flag) => `<span class="flag">${flag}</span>`);
}

/**
 * The findings to fix first (`id="fix-first"`), capped, with "and N more": severity, the finding,
 * why it weighs more (admin, production, integration) and the owner and due date a planned fix
 * gives it. Tenant strings (names, messages, owners) are escaped.
 */
export function fixFirstBody(result: AuditResult, environmentName: (id: string | null) => string): string {
  const { items, more, advisory } = fixFirst(result);
  const advice = advisory === 0 ? '' : ` ${plural(advisory, 'info finding')}: advice, never a failure, listed below with the rest.`;
  if (items.length === 0) return `<p>Nothing to fix: no open finding of low severity or above.${advice}</p>`;
  const rows = items.map(({ finding, exposure }, index) => {
    const tags = exposure.map((kind) => `<span class="tag exposure">${kind}</span>`).join(' ');
    return `<tr><td>${index + 1}</td><td><span class="badge ${esc(finding.severity)}">${esc(finding.severity)}</span></td><td>${esc(brief(firstSentence(finding.message)))}<br><span class="muted">${esc(finding.resource.type)} ${esc(finding.resource.name || finding.resource.id)} · ${esc(environmentName(finding.environmentId))} · <code>${esc(finding.ruleId)}</code></span></td><td>${tags}</td><td>${plan(finding)}</td></tr>`;
  });
  return `<table class="fix-first"><thead><tr><th>#</th><th>Severity</th><th>Finding</th><th>Exposure</th><th>Owner, due</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<p class="muted">${more === 0 ? (items.length === 1 ? 'The one finding of low severity or above.' : `All ${items.length} findings of low severity or above.`) : `And ${more} more of low severity or above in the full list.`} Most severe first; within a severity, admin actors, then production environments, then integrations.${advice}</p>`;
}

/** Characters of a message the list shows; the full list below has it whole. */
const BRIEF = 180;

/** At most {@link BRIEF} characters, cut at a space, by code points (never inside an emoji). */
function brief(message: string): string {
  const characters = Array.from(message);
  if (characters.length <= BRIEF) return message;
  const head = characters.slice(0, BRIEF).join('');
  const space = head.lastIndexOf(' ');
  return `${space > BRIEF / 2 ? head.slice(0, space) : head}…`;
}

function plan(finding: Finding): string {
  const disposition = finding.disposition;
  if (disposition === undefined) return '<span class="muted">—</span>';
  const text = esc(dispositionLabel(disposition));
  return disposition.overdue === true ? `<strong class="overdue">${text}</strong>` : text;
}
