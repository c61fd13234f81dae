/**
 * The read-only collector: the only code in pingone-audit that touches the network.
 *
 * ```ts
 * const settings = resolveConnectionSettings(flags, process.env);   // print settings.warnings on stderr
 * const client = createApiClient(settings, { maxRps: 10, concurrency: 6, log });
 * try {
 *   const snapshot = await collectSnapshot(client, { environmentIds, progress });
 *   // snapshot.manifest.collection.requestsByEndpoint, client.requestCount()
 * } finally {
 *   await client.close();
 * }
 * ```
 */
export {
  resolveConnectionSettings,
  isUuid,
  assertUuid,
  type ConnectionFlags,
  type ConnectionSettings,
  type Credentials,
  type TokenAuthMethod,
  type SignInFlow,
  type UserSignInCredentials,
} from './settings.js';
export { signIn, systemBrowserOpener, type BrowserOpener, type SignInHooks, type UserSession } from './login/index.js';
export { Secret } from './secret.js';
export { createRedactor, type Redactor } from './redactor.js';
export { regionBaseUrls, regionCodes } from './regions.js';
export { createApiClient, type ApiClient, type ApiClientOptions } from './api-client.js';
export { ApiError, type ApiFailureKind } from './api-error.js';
export { RefusedRequestError } from './request-guard.js';
export { decodeTokenClaims, type TokenClaims } from './token-claims.js';
export { getAll, forEachPage, defaultListLimits, type ListLimits, type PagingOptions } from './paging.js';
export { apiPath } from './api-path.js';
export { collectSnapshot, type CollectOptions } from './collect-snapshot.js';
export type { CollectPhase, CollectProgress } from './collect-context.js';
export type { RetryPolicy } from './retry-policy.js';
