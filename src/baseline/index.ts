export { loadBaseline, type BaselineReport } from './read-baseline.js';
