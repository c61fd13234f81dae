import { SEVERITIES } from '../engine/types.js';
import { SEVERITY_COLOR } from './html-chart.js';

/** The report's only stylesheet, inlined: screen first, then what changes on paper. */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1f2933; --muted: #5f6b7a; --line: #d9dee5; --pass: #1e7b45; --fail: #b42318; --warn: #b26b00; --soft: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1120px; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 22px; margin: 0 0 2px; }
h2 { font-size: 19px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 24px 0 8px; }
h4 { font-size: 14px; margin: 16px 0 6px; }
a { color: #1d4ed8; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 12px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.scope { margin: 2px 0 10px; color: var(--muted); font-size: 13px; }
.verdict { padding: 8px 16px; border-radius: 6px; background: var(--soft); border-left: 8px solid var(--fail); }
.verdict p { margin: 2px 0; }
.verdict .answer { font-size: 22px; line-height: 1.2; font-weight: 700; color: var(--fail); }
.verdict.compliant { border-left-color: var(--pass); }
.verdict.compliant .answer { color: var(--pass); }
.verdict.not-determined { border-left-color: var(--warn); }
.verdict.not-determined .answer { color: var(--warn); }
.verdict .why { font-weight: 600; }
.verdict .counts { color: var(--muted); }
.verdict .flag { white-space: nowrap; }
#fix-first h2, #posture h2 { margin-top: 14px; }
table.fix-first { font-size: 13px; }
table.fix-first th, table.fix-first td { padding: 4px 8px; }
table.fix-first td:first-child { color: var(--muted); width: 2em; }
table.fix-first td:nth-child(4), table.fix-first th { white-space: nowrap; }
table.fix-first td:nth-child(5) { max-width: 16em; }
td.n, th.n { text-align: right; }
.overdue { color: var(--fail); }
.tag.exposure { color: var(--ink); border-color: var(--muted); }
nav.toc { margin: 10px 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0 16px; }
.card { min-width: 104px; padding: 8px 12px; border: 1px solid var(--line); border-radius: 6px; border-top: 5px solid var(--muted); }
.card .n { font-size: 22px; font-weight: 700; display: block; }
${SEVERITIES.map((severity) => `.card.${severity} { border-top-color: ${SEVERITY_COLOR[severity]}; }\n.badge.${severity} { background: ${SEVERITY_COLOR[severity]}; }`).join('\n')}
.badge { display: inline-block; padding: 1px 7px; border-radius: 10px; color: #fff; font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .02em; white-space: nowrap; }
.status { font-weight: 600; white-space: nowrap; }
.status.pass { color: var(--pass); }
.status.fail { color: var(--fail); }
.status.not-evaluated, .status.error { color: var(--warn); }
.status.na { color: var(--muted); font-weight: 400; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; }
svg.chart { max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
svg.chart text { fill: var(--ink); }
.rule { border: 1px solid var(--line); border-radius: 6px; padding: 4px 14px 8px; margin: 12px 0; }
.rule ol { margin: 4px 0 8px; padding-left: 22px; }
.tag { font-size: 11px; padding: 0 6px; border: 1px solid var(--line); border-radius: 8px; color: var(--muted); }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  nav.toc { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, .card, .rule header, svg.chart { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  section.major { break-before: page; page-break-before: always; }
  .references a[href]::after { content: " <" attr(href) ">"; color: var(--muted); font-size: 10px; word-break: break-all; }
}
`;
