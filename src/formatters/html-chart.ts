import { SEVERITIES, type AuditResult, type Severity } from '../engine/types.js';
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
const LABEL_WIDTH = 200;
const COUNT_WIDTH = 48;
const BAR_HEIGHT = 22;
const GAP = 10;
const LEGEND_HEIGHT = 28;

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
  const plot = WIDTH - LABEL_WIDTH - COUNT_WIDTH;
  const height = LEGEND_HEIGHT + rows.length * (BAR_HEIGHT + GAP);
  const parts = [
    `<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    '<title id="chart-title">Open findings by environment and severity</title>',
    ...SEVERITIES.map(
      (severity, index) => `<g transform="translate(${LABEL_WIDTH + index * 96},4)"><rect width="12" height="12" rx="2" fill="${SEVERITY_COLOR[severity]}"/><text x="18" y="11">${severity}</text></g>`,
    ),
  ];
  rows.forEach((row, index) => {
    const y = LEGEND_HEIGHT + index * (BAR_HEIGHT + GAP);
    parts.push(`<text class="label" x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${esc(truncate(row.label, 28))}</text>`);
    let x = LABEL_WIDTH;
    for (const { severity, count } of row.bySeverity) {
      if (count === 0) continue;
      const width = (count / max) * plot;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${SEVERITY_COLOR[severity]}"><title>${esc(`${row.label}: ${count} ${severity}`)}</title></rect>`,
      );
      x += width;
    }
    if (row.total === 0) parts.push(`<rect x="${LABEL_WIDTH}" y="${y}" width="2" height="${BAR_HEIGHT}" fill="#9ca3af"/>`);
    parts.push(`<text class="count" x="${(x + 6).toFixed(1)}" y="${y + 15}">${row.total}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** Cut by code points, so that an emoji or a CJK extension character is never split in two. */
function truncate(text: string, length: number): string {
  const head = Array.from(text.slice(0, length * 2)).slice(0, length);
  return head.join('') === text ? text : `${head.slice(0, length - 1).join('')}…`;
}
