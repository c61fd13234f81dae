export { DRIFT_FAIL_ON, decideDriftVerdict, type DriftFailOn } from './drift-gate.js';
export { auditBoth, buildDriftReport } from './drift-report.js';
export { DRIFT_FORMATS, formatDrift, type DriftFormat } from './format-drift.js';
