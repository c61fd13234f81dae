export { applyBaseline } from './apply-baseline.js';
export { gatingFindings } from './gate-findings.js';
export { loadBaseline, readBaselineReport, type BaselineReport } from './read-baseline.js';
