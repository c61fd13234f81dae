export { loadSuppressions, type LoadedSuppressions } from './load-suppressions.js';
