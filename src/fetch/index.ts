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
export { resolveConnectionSettings, type ConnectionFlags, type ConnectionSettings } from './settings.js';
export { signIn, systemBrowserOpener } from './login/index.js';
export { createApiClient, type ApiClient, type ApiClientOptions } from './api-client.js';
export { adaptiveStartRps } from './rate-limiter.js';
export { ApiError } from './api-error.js';
export { defaultListLimits, getAll } from './paging.js';
export { apiPath } from './api-path.js';
export { collectSnapshot } from './collect-snapshot.js';
export type { CollectProgress } from './collect-context.js';
