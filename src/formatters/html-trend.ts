import { SEVERITIES, type RunHistory } from '../engine/types.js';
import { SEVERITY_COLOR } from './html-chart.js';
import { esc } from './html-escape.js';

const WIDTH = 720;
const HEIGHT = 260;
const LEFT = 48;
const TOP = 28;
const BOTTOM = 40;
/** More columns than this would be too thin to read: the latest runs are drawn. */
const MAX_TREND_RUNS = 24;

/**
 * Open findings by severity over the runs of `--history` (oldest left, this run right), one stacked column
 * per run: an inline SVG with a title, a text description of every figure for screen readers, and a
 * tooltip per segment, so the report needs no script or network to draw it.
 */
export function trendChart(history: RunHistory): string {
  const runs = history.runs.slice(-MAX_TREND_RUNS);
  const totals = runs.map((run) => SEVERITIES.reduce((sum, severity) => sum + run.bySeverity[severity], 0));
  const max = Math.max(1, ...totals);
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT) / runs.length;
  const column = Math.min(48, slot * 0.6);
  const description = runs
    .map((run, index) => `${run.generatedAt.slice(0, 10)}: ${totals[index]} open (${SEVERITIES.map((severity) => `${run.bySeverity[severity]} ${severity}`).join(', ')})`)
    .join('; ');
  const parts = [
    `<svg class="chart" role="img" aria-labelledby="trend-title trend-desc" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg">`,
    '<title id="trend-title">Open findings by severity over the last runs</title>',
    `<desc id="trend-desc">${esc(description)}</desc>`,
    ...SEVERITIES.map(
      (severity, index) => `<g transform="translate(${LEFT + index * 96},4)"><rect width="12" height="12" rx="2" fill="${SEVERITY_COLOR[severity]}"/><text x="18" y="11">${severity}</text></g>`,
    ),
    `<line x1="${LEFT}" y1="${HEIGHT - BOTTOM}" x2="${WIDTH}" y2="${HEIGHT - BOTTOM}" stroke="#9ca3af"/>`,
    `<text class="count" x="${LEFT - 6}" y="${TOP + 10}" text-anchor="end">${max}</text>`,
  ];
  runs.forEach((run, index) => {
    const x = LEFT + index * slot + (slot - column) / 2;
    let y = HEIGHT - BOTTOM;
    for (const severity of [...SEVERITIES].reverse()) {
      const count = run.bySeverity[severity];
      if (count === 0) continue;
      const height = (count / max) * plotHeight;
      y -= height;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${column.toFixed(1)}" height="${height.toFixed(1)}" fill="${SEVERITY_COLOR[severity]}"><title>${esc(`${run.generatedAt}: ${count} ${severity}`)}</title></rect>`,
      );
    }
    const label = index === runs.length - 1 ? 'this run' : run.generatedAt.slice(5, 10);
    parts.push(`<text class="count" x="${(x + column / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle">${totals[index]}</text>`);
    parts.push(`<text class="label" x="${(x + column / 2).toFixed(1)}" y="${HEIGHT - BOTTOM + 16}" text-anchor="middle">${esc(label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
