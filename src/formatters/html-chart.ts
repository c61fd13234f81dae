import { SEVERITIES, type AuditResult, type Severity } from '../engine/types.js';
import { cutToWidth } from '../output/terminal-layout.js';
import { esc } from './html-escape.js';

/** Fill colours by severity, shared by the chart, the badges and the legend. */
export const SEVERITY_COLOR: Record<Severity, string> = {
  critical: '#8b1a1a',
  high: '#d0342c',
  medium: '#d98b0b',
  low: '#2f6db3',
  info: '#6b7280',
};

const WIDTH = 720;
const COUNT_WIDTH = 48;
/** The environment's name sits on a line of its own above its bar, so a long or wide name is never clipped. */
const LABEL_HEIGHT = 16;
const BAR_HEIGHT = 20;
const GAP = 10;
const LEGEND_HEIGHT = 28;
/** Columns of a name shown (a CJK character takes two): about the chart's width at 12 px; the title tooltip has it whole. */
const LABEL_COLUMNS = 96;

/**
 * Open findings by environment, one horizontal bar each, stacked by severity: an inline SVG, so
 * the report needs no script or network to draw it and prints as vectors.
 */
export function findingsChart(result: AuditResult, scopes: Array<{ label: string; environmentId: string | null }>): string {
  const rows = scopes.map((scope) => {
    const findings = result.findings.filter((finding) => finding.environmentId === scope.environmentId);
    return { label: scope.label, bySeverity: SEVERITIES.map((severity) => ({ severity, count: findings.filter((finding) => finding.severity === severity).length })), total: findings.length };
  });
  const max = Math.max(1, ...rows.map((row) => row.total));
  const plot = WIDTH - COUNT_WIDTH;
  const rowHeight = LABEL_HEIGHT + BAR_HEIGHT + GAP;
  const height = LEGEND_HEIGHT + rows.length * rowHeight;
  const parts = [
    `<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" overflow="visible" xmlns="http://www.w3.org/2000/svg">`,
    '<title id="chart-title">Open findings by environment and severity</title>',
    ...SEVERITIES.map(
      (severity, index) => `<g transform="translate(${index * 96},4)"><rect width="12" height="12" rx="2" fill="${SEVERITY_COLOR[severity]}"/><text x="18" y="11">${severity}</text></g>`,
    ),
  ];
  rows.forEach((row, index) => {
    const top = LEGEND_HEIGHT + index * rowHeight;
    parts.push(`<text class="label" x="0" y="${top + 12}">${esc(cutToWidth(row.label, LABEL_COLUMNS))}</text>`);
    const y = top + LABEL_HEIGHT;
    let x = 0;
    for (const { severity, count } of row.bySeverity) {
      if (count === 0) continue;
      const width = (count / max) * plot;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${SEVERITY_COLOR[severity]}"><title>${esc(`${row.label}: ${count} ${severity}`)}</title></rect>`,
      );
      x += width;
    }
    if (row.total === 0) parts.push(`<rect x="0" y="${y}" width="2" height="${BAR_HEIGHT}" fill="#9ca3af"/>`);
    parts.push(`<text class="count" x="${(Math.max(x, 2) + 6).toFixed(1)}" y="${y + 14}">${row.total}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
