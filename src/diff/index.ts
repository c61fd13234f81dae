export { diffSnapshots, type CollectionGap, type EnvironmentDrift, type ResourceDrift, type SnapshotDiff } from './diff-snapshots.js';
export { diffValues, VOLATILE_FIELDS, type ChangeKind, type PropertyChange } from './diff-values.js';
export { DRIFT_FAIL_ON, decideDriftVerdict, type DriftFailOn } from './drift-gate.js';
export { auditBoth, buildDriftReport, diffFindings, hasDrift, type AuditedPair, type DriftReport, type FindingsDrift } from './drift-report.js';
export { DRIFT_FORMATS, formatDrift, type DriftFormat } from './format-drift.js';
