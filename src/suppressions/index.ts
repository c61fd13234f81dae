export { applySuppressions } from './apply-suppressions.js';
export { loadSuppressions, type LoadedSuppressions } from './load-suppressions.js';
