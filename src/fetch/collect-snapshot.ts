import { UserFacingError } from '../errors.js';
import { apiPath } from './api-path.js';
import { toolVersion } from '../paths.js';
import { SNAPSHOT_SCHEMA_VERSION, type Environment, type Snapshot, type SnapshotManifest } from '../snapshot/model.js';
import type { ApiClient } from './api-client.js';
import { collectBuiltInRoles } from './collect-configuration.js';
import { readCollection, type CollectContext, type CollectProgress } from './collect-context.js';
import { collectEnvironment } from './collect-environment.js';
import { answeredEnvironment, identifiedEnvironments, keepConforming, prepareConformityChecks } from './check-collected.js';
import { ApiError } from './api-error.js';
import { createCollectionRecorder } from './collection-recorder.js';
import { defaultListLimits, type ListLimits } from './paging.js';
import { assertUuid } from './settings.js';

/** What {@link collectSnapshot} reads, within which limits, and whom it tells about progress. */
export interface CollectOptions {
  /**
   * Environments to collect. Admin users, groups and worker apps are read only in the environments
   * collected, and administrators usually live in their own environment: include it (or use
   * `allEnvironments`) or their roles over the audited environment will not be seen.
   */
  environmentIds?: readonly string[];
  /** Every environment the credentials can list (`GET /environments`). */
  allEnvironments?: boolean;
  /**
   * Cap on the users scanned for direct role assignments, per environment (one request per user).
   * When it cuts, `userRoleAssignments` is marked failed for that environment so the rules that need
   * it say "not evaluated" rather than miss an admin. A positive whole number (else a RangeError); default: no cap.
   */
  maxUsers?: number;
  /**
   * Reads queued per environment and phase (default 32). The client's concurrency caps what is in
   * flight, and its queue serves environments in turn, so one large environment does not hold up the others.
   */
  parallelPerEnvironment?: number;
  /** Caps on every list read; a list that reaches one is a failed read of its kind (defaults: `defaultListLimits`). */
  limits?: Partial<ListLimits>;
  progress?: (event: CollectProgress) => void;
  /** Clock for `createdAt` and `durationMs` (default `Date.now`). */
  now?: () => number;
}

/**
 * Reads the configuration of the given environments into a Snapshot. A request that fails (403, 404,
 * timeout, retries exhausted) becomes a failed `CollectionEntry` and the rest goes on; only bad
 * credentials (token refused, or a 401 after renewal) end the run with a UserFacingError.
 */
export async function collectSnapshot(client: ApiClient, options: CollectOptions): Promise<Snapshot> {
  const now = options.now ?? Date.now;
  const started = now();
  const requested = (options.environmentIds ?? []).map((id) => assertUuid('Environment id (--environment)', id));
  if (!options.allEnvironments && requested.length === 0) {
    throw new UserFacingError('nothing-to-collect', 'No environment to collect.', {
      hint: "Name one with --environment <id> (repeat it for several; include the administrators' environment), or use --all-environments.",
    });
  }
  // First, so that wrong credentials stop everything before any collection starts. While the token is signed, nothing
  // else can be sent: the snapshot's assembly loads what it needs then (see prepareAssembly).
  const [claims] = await Promise.all([client.tokenClaims(), client.afterSending(prepareAssembly)]);
  const recorder = createCollectionRecorder();
  const context: CollectContext = {
    client,
    recorder,
    parallel: options.parallelPerEnvironment ?? 32,
    limits: { ...defaultListLimits, ...options.limits },
    progress: options.progress ?? (() => undefined),
  };

  // The built-in roles gate nothing: the environments' reads start as soon as the environments are known.
  const rolesRead = collectBuiltInRoles(context);
  // Handled where it is awaited; this only keeps a rejection before then (a 401) from counting as unhandled.
  rolesRead.catch(() => undefined);
  const environments = await (options.allEnvironments ? listEnvironments(context) : readEnvironments(context, [...new Set(requested)], client));
  // Unreachable only if the roles read, still in flight, gets no answer either.
  if (recorder.apiUnreachable()) await rolesRead;
  if (recorder.apiUnreachable()) {
    throw new UserFacingError('unreachable', `Cannot reach the PingOne Management API at ${client.apiUrl}.`, {
      hint: 'Check the region (PINGONE_REGION_CODE) or PINGONE_API_URL, and the network or proxy between here and PingOne.',
      seeAlso: 'README.md#connecting-to-pingone',
    });
  }
  let done = 0;
  const collected = await Promise.all(
    environments.map(async (environment) => {
      const snapshot = await collectEnvironment(context, environment, options.maxUsers);
      context.progress({ phase: 'environments', environmentId: environment.id, done: ++done, total: environments.length });
      return snapshot;
    }),
  );

  const kept = keepConforming(recorder, await rolesRead, collected);
  const entries = recorder.entries();
  const manifest: SnapshotManifest = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    tool: { name: 'pingone-audit', version: toolVersion },
    createdAt: new Date(started).toISOString(),
    durationMs: now() - started,
    apiUrl: client.apiUrl,
    collectedBy: {
      authorizationModel: claims.authorizationModel,
      ...(claims.clientId === undefined ? {} : { clientId: claims.clientId }),
      ...(claims.authorizationModel === 'application' ? { grantType: 'client_credentials' } : {}),
      ...(claims.environmentId === undefined ? {} : { environmentId: claims.environmentId }),
    },
    environmentIds: environments.map((environment) => environment.id),
    collection: {
      complete: entries.every((entry) => entry.status === 'complete'),
      entries,
      requestsByEndpoint: client.requestsByEndpoint(),
      notes: recorder.notes().sort(),
    },
  };
  if (client.region !== undefined) manifest.region = client.region;
  const organizationId = claims.organizationId ?? environments.find((environment) => environment.organization?.id)?.organization?.id;
  if (organizationId !== undefined) manifest.organization = { id: organizationId };
  return { manifest, ...kept };
}

/**
 * Loads what the snapshot's assembly needs and a cold process lacks: the shape checks' validators, and the collator
 * behind `localeCompare` (the users' and the entries' order), which the first call in a process builds (9-21 ms here).
 * Tens of ms in all: after the last answer they add to the wall. Run once the token request is written, they cost at
 * most the same (when longer than its round trip); run before, they hold it back; run later, they stall the limiter,
 * and an adaptive probe that doubles with the clock then bursts into a small server bucket (issue 19, ninth session).
 */
function prepareAssembly(): void {
  prepareConformityChecks();
  'a'.localeCompare('b');
}

async function listEnvironments(context: CollectContext): Promise<Environment[]> {
  const environments = identifiedEnvironments(context.recorder, (await readCollection<unknown>(context, 'environments', undefined, '/environments', 'environments')) ?? []);
  context.progress({ phase: 'environments', done: 0, total: environments.length });
  return environments;
}

/**
 * Each named environment; one that cannot be read is still collected under its id, its failures
 * recorded. One that PingOne says does not exist (404) ends the run before anything else is read: a
 * mistyped id would otherwise read as a long list of missing roles.
 */
async function readEnvironments(context: CollectContext, ids: string[], client: Pick<ApiClient, 'apiUrl' | 'region'>): Promise<Environment[]> {
  context.progress({ phase: 'environments', done: 0, total: ids.length });
  const notFound: string[] = [];
  const environments = await Promise.all(
    ids.map(async (id) => {
      const environment = await context.recorder.attempt('environments', id, () =>
        context.client.get(apiPath`/environments/${id}`).catch((error: unknown) => {
          if (error instanceof ApiError && error.status === 404) notFound.push(id);
          throw error;
        }),
      );
      return answeredEnvironment(context.recorder, id, environment);
    }),
  );
  if (notFound.length > 0) {
    const where = client.region === undefined ? `at ${client.apiUrl}` : `in region ${client.region} (${client.apiUrl})`;
    throw new UserFacingError('not-found', `Environment ${notFound.sort().join(', ')} not found ${where}; check the id.`, {
      hint: 'Copy the id from the PingOne console (Environments → the environment → Settings), check the region (PINGONE_REGION_CODE), or collect every environment the credentials can see with --all-environments.',
      seeAlso: 'README.md#connecting-to-pingone',
    });
  }
  return environments;
}
