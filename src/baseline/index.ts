export { applyBaseline } from './apply-baseline.js';
export { loadBaseline, type BaselineReport } from './read-baseline.js';
