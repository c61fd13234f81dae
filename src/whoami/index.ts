/** `pingone-audit whoami`: whose roles apply to the credentials, and which collector reads will succeed. */
export { runWhoami, type WhoamiOptions } from './run-whoami.js';
export { formatIdentity, formatWhoami, modelSentence, WHOAMI_FORMATS, type WhoamiFormat } from './format-whoami.js';
export { missingRoleReason, leastRoleFor, type AuthorizationModel } from './missing-role.js';
export { collectorEndpoints, type CollectorEndpoint } from './collector-endpoints.js';
export type { EndpointPrediction, HeldRole, Prediction, WhoamiReport } from './whoami-report.js';
export { withMissingRoles } from './explain-forbidden.js';
