export { applySuppressions, isExpired, matches, EXPIRY_NOTICE_DAYS } from './apply-suppressions.js';
export { DEFAULT_SUPPRESSIONS_FILE, loadSuppressions, type LoadedSuppressions } from './load-suppressions.js';
export { parseSuppressions, type Suppression, type SuppressionEntry, type SuppressionIdentity } from './parse-suppressions.js';
