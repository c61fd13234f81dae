/** `pingone-audit whoami`: whose roles apply to the credentials, and which collector reads will succeed. */
export { runWhoami } from './run-whoami.js';
export { formatIdentity, formatWhoami, WHOAMI_FORMATS, type WhoamiFormat } from './format-whoami.js';
export { missingRoleReason } from './missing-role.js';
export type { EndpointPrediction, WhoamiReport } from './whoami-report.js';
export { withMissingRoles } from './explain-forbidden.js';
