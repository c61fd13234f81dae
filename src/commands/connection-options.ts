import type { Argv, Options } from 'yargs';
import { UserFacingError } from '../errors.js';
import { resolvePath, type CommandContext } from './context.js';
import type { CliIo } from './io.js';
import { checkOutputsFirst, type OutputArgs } from './check-output-paths.js';
import {
  adaptiveStartRps,
  createApiClient,
  defaultListLimits,
  resolveConnectionSettings,
  signIn,
  systemBrowserOpener,
  type ApiClient,
  type ConnectionFlags,
  type ConnectionSettings,
} from '../fetch/index.js';
import { stderrLines, stderrWarnings } from '../output/stderr-line.js';

/** Within one IP's default share of a small licence's configuration-group limit (pingone-api.md §6.2). */
const DEFAULT_MAX_RPS = 10;

/**
 * The options of {@link withConnectionOptions}: how to reach PingOne, sign in, pace the requests and log them. Only a
 * live collection reads them; {@link CONNECTION_FLAGS} names them from this one declaration, so a list of them cannot drift.
 */
const CONNECTION_OPTIONS = {
  'client-id': { type: 'string', group: 'Connection:', description: 'Worker app client id [PINGONE_CLIENT_ID]' },
  'client-secret': { type: 'string', group: 'Connection:', description: 'Client secret [PINGONE_CLIENT_SECRET]; visible in shell history, prefer the variable or --client-secret-file' },
  'client-secret-file': { type: 'string', group: 'Connection:', description: 'File holding the client secret' },
  'environment-id': { type: 'string', group: 'Connection:', description: "The worker app's environment [PINGONE_ENVIRONMENT_ID]" },
  region: { type: 'string', group: 'Connection:', description: 'NA, EU, CA, AU, SG or AP [PINGONE_REGION_CODE]' },
  'api-url': {
    type: 'string',
    group: 'Connection:',
    description: 'Management API base URL, overrides the region [PINGONE_API_URL; or the host alone in PINGONE_API_SERVICE_HOSTNAME, as for Terraform]',
  },
  'auth-url': {
    type: 'string',
    group: 'Connection:',
    description: 'Auth base URL, overrides the region [PINGONE_AUTH_URL; or the host alone in PINGONE_AUTH_SERVICE_HOSTNAME, as for Terraform]',
  },
  'custom-domain': { type: 'string', group: 'Connection:', description: "The worker app environment's custom domain: tokens from https://<domain>/as/token [PINGONE_CUSTOM_DOMAIN]" },
  'private-key-file': {
    type: 'string',
    group: 'Connection:',
    description: 'PEM private key (RSA or EC) of the worker app for PRIVATE_KEY_JWT, no secret needed (recommended) [PINGONE_CLIENT_PRIVATE_KEY_FILE]',
  },
  'key-id': { type: 'string', group: 'Connection:', description: "kid of that key in the app's JWKS [PINGONE_CLIENT_KEY_ID]" },
  'token-auth-method': {
    type: 'string',
    group: 'Connection:',
    description: 'PRIVATE_KEY_JWT (default when only a key is given), CLIENT_SECRET_JWT, CLIENT_SECRET_BASIC (default) or CLIENT_SECRET_POST [PINGONE_TOKEN_ENDPOINT_AUTH_METHOD]',
  },
  auth: {
    type: 'string',
    group: 'Sign-in:',
    description: "client-credentials (a worker app, default), authorization-code (sign in with a browser, PKCE) or device-code (sign in on another device); the signed-in user's roles then apply",
  },
  'redirect-port': { type: 'number', group: 'Sign-in:', description: 'Port of the loopback redirect http://127.0.0.1:<port>/callback registered on the app (default 7464)' },
  'token-cache': { type: 'string', group: 'Sign-in:', description: 'Keep the signed-in token in this file (mode 0600) and reuse or refresh it next time; off by default' },
  scope: { type: 'string', group: 'Sign-in:', description: 'Scopes asked for at sign-in (default openid)' },
  'max-rps': {
    type: 'number',
    group: 'Connection:',
    description: `Client-side request rate limit in requests per second (default ${DEFAULT_MAX_RPS}; with --adaptive-rate, the ceiling of the probe)`,
  },
  'adaptive-rate': {
    type: 'boolean',
    default: false,
    group: 'Connection:',
    description: `The licence's rate limit is unknown: start at ${adaptiveStartRps}/s and probe upward until PingOne answers 429, then hold just below it`,
  },
  concurrency: {
    type: 'number',
    default: 6,
    group: 'Connection:',
    description: 'Requests in flight at once; the rate can reach at most this ÷ the answer time in seconds, so raise it with --max-rps',
  },
  'max-answer-mb': { type: 'number', group: 'Connection:', description: 'Largest API answer read, in MiB (default 32); a larger one is refused while it streams and its read fails' },
  timeout: { type: 'number', default: 30, group: 'Connection:', description: 'Seconds a request may take, answer included, before it is retried' },
  verbose: { type: 'boolean', default: false, description: 'Log retries and throttling on stderr' },
} as const satisfies Record<string, Options>;

/** The names of the options {@link withConnectionOptions} declares. */
export const CONNECTION_FLAGS = Object.keys(CONNECTION_OPTIONS) as ReadonlyArray<keyof typeof CONNECTION_OPTIONS>;

/** Flags naming a tenant and credentials; each falls back to the Terraform provider's variable. */
export function withConnectionOptions<T>(yargs: Argv<T>) {
  return yargs.options(CONNECTION_OPTIONS);
}

/** The options of {@link withCollectionScope}: what to collect. */
const COLLECTION_SCOPE_OPTIONS = {
  environment: { alias: 'e', type: 'string', array: true, group: 'Collection:', description: "Environment id to collect; repeat for several (include the administrators' environment)" },
  'all-environments': { type: 'boolean', default: false, group: 'Collection:', description: 'Collect every environment the credentials can see' },
  'max-page-items': { type: 'number', group: 'Collection:', description: 'Most items one page of a list may hold (default 10000); a larger page fails that read' },
  'max-pages': { type: 'number', group: 'Collection:', description: 'Most pages one list may take (default 10000); a longer list fails that read' },
  'max-list-items': {
    type: 'number',
    group: 'Collection:',
    description: `Most items one list may return, the users scan included (default ${defaultListLimits.maxListItems}); a longer list fails that read`,
  },
  'redact-pii': { type: 'boolean', default: false, group: 'Collection:', description: "Replace admin users' email addresses and sign-on IPs with pseudonyms, for a snapshot that is shared" },
  'max-users': {
    type: 'number',
    group: 'Collection:',
    description: 'Cap on users read per environment for direct role assignments (huge environments); rules that need the rest become not evaluated; at most --max-list-items',
  },
} as const satisfies Record<string, Options>;

/** The names of the options {@link withCollectionScope} declares. */
export const COLLECTION_SCOPE_FLAGS = Object.keys(COLLECTION_SCOPE_OPTIONS) as ReadonlyArray<keyof typeof COLLECTION_SCOPE_OPTIONS>;

/** Flags naming what to collect, and the snapshot folder it is written to (`./pingone-snapshot` by default). */
export function withCollectionOptions<T>(yargs: Argv<T>) {
  return withCollectionScope(yargs).option('out', { type: 'string', default: 'pingone-snapshot', group: 'Collection:', description: 'Snapshot folder to write' });
}

/** Flags naming what to collect, for a command that decides itself where the collection goes. */
export function withCollectionScope<T>(yargs: Argv<T>) {
  return yargs.options(COLLECTION_SCOPE_OPTIONS);
}

export interface ConnectionArgs {
  'client-id'?: string | undefined;
  'client-secret'?: string | undefined;
  'client-secret-file'?: string | undefined;
  'environment-id'?: string | undefined;
  region?: string | undefined;
  'api-url'?: string | undefined;
  'auth-url'?: string | undefined;
  'custom-domain'?: string | undefined;
  'token-auth-method'?: string | undefined;
  'private-key-file'?: string | undefined;
  'key-id'?: string | undefined;
  auth?: string | undefined;
  'redirect-port'?: number | undefined;
  'token-cache'?: string | undefined;
  scope?: string | undefined;
  'max-rps'?: number | undefined;
  'adaptive-rate'?: boolean | undefined;
  concurrency: number;
  timeout: number;
  'max-answer-mb'?: number | undefined;
  verbose: boolean;
}

export interface Connection {
  settings: ConnectionSettings;
  client: ApiClient;
}

/**
 * Opens a connection (see {@link openConnection}), hands its client to `use`, and closes the client
 * however `use` ends: the shape of every command that reads the API.
 */
export async function withClient<T>(context: CommandContext, args: ConnectionArgs & OutputArgs & CollectionLimitArgs, use: (client: ApiClient) => Promise<T>): Promise<T> {
  checkCollectionLimits(args);
  await checkOutputsFirst(context, args);
  const { client } = await openConnection(args, context.io);
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

/**
 * Resolves settings from the flags and `io.env` (printing their warnings on stderr), signs the user
 * in when `--auth` asks for a user sign-in, and opens a read-only client.
 */
async function openConnection(args: ConnectionArgs, io: CliIo): Promise<Connection> {
  requirePositive('--max-rps', args['max-rps']);
  requirePositive('--concurrency', args.concurrency, { integer: true });
  requirePositive('--timeout', args.timeout, { max: LONGEST_TIMEOUT_SECONDS, unit: 'seconds' });
  requirePositive('--max-answer-mb', args['max-answer-mb']);
  const flags: ConnectionFlags = definedOnly({
    clientId: args['client-id'],
    clientSecret: args['client-secret'],
    clientSecretFile: args['client-secret-file'] ? resolvePath(io, args['client-secret-file']) : args['client-secret-file'],
    environmentId: args['environment-id'],
    region: args.region,
    apiUrl: args['api-url'],
    authUrl: args['auth-url'],
    customDomain: args['custom-domain'],
    tokenAuthMethod: args['token-auth-method'],
    privateKeyFile: args['private-key-file'],
    keyId: args['key-id'],
    auth: args.auth,
    redirectPort: args['redirect-port'],
    tokenCache: args['token-cache'] ? resolvePath(io, args['token-cache']) : args['token-cache'],
    scope: args.scope,
  });
  const settings = resolveConnectionSettings(flags, io.env);
  io.stderr.write(stderrWarnings(settings.warnings));
  if (settings.credentials.kind === 'userSignIn') await signIn(settings, { write: (text) => io.stderr.write(text), openBrowser: systemBrowserOpener(io.env) });
  const client = createApiClient(settings, {
    // Adaptive without a ceiling probes until PingOne itself says where the limit is.
    ...(args['adaptive-rate'] === true ? { adaptiveRate: true, maxRps: args['max-rps'] ?? Number.POSITIVE_INFINITY } : { maxRps: args['max-rps'] ?? DEFAULT_MAX_RPS }),
    concurrency: args.concurrency,
    timeoutMs: args.timeout * 1000,
    ...(args['max-answer-mb'] === undefined ? {} : { maxAnswerBytes: Math.round(args['max-answer-mb'] * 1024 * 1024) }),
    ...(args.verbose ? { log: (line: string) => io.stderr.write(stderrLines([line])) } : {}),
  });
  return { settings, client };
}

/** The caps {@link withCollectionScope} declares; absent for a command that collects nothing (`whoami`). */
export interface CollectionLimitArgs {
  'max-users'?: number | undefined;
  'max-page-items'?: number | undefined;
  'max-pages'?: number | undefined;
  'max-list-items'?: number | undefined;
}

/**
 * Checks the collection caps before any request (a sign-in included).
 * @throws UserFacingError `flag-invalid` for a cap that is not a positive whole number, and for `--max-users` above
 * `--max-list-items` (given or its default): the users scan walks the users list, which fails once it passes
 * `--max-list-items`, so a larger user cap could never be reached.
 */
function checkCollectionLimits(args: CollectionLimitArgs): void {
  requirePositive('--max-users', args['max-users'], { integer: true });
  requirePositive('--max-page-items', args['max-page-items'], { integer: true });
  requirePositive('--max-pages', args['max-pages'], { integer: true });
  requirePositive('--max-list-items', args['max-list-items'], { integer: true });
  const maxUsers = args['max-users'];
  const maxListItems = args['max-list-items'] ?? defaultListLimits.maxListItems;
  if (maxUsers === undefined || maxUsers <= maxListItems) return;
  const listCap = args['max-list-items'] === undefined ? `--max-list-items (${maxListItems} by default)` : `--max-list-items ${maxListItems}`;
  throw new UserFacingError(
    'flag-invalid',
    `--max-users ${maxUsers} is more than ${listCap}: the users scan fails once the users list passes ${maxListItems} items, so it could never read ${maxUsers} users.`,
    { hint: `Raise --max-list-items to at least ${maxUsers}, or lower --max-users to ${maxListItems} or fewer.`, seeAlso: 'README.md#collecting-from-a-server-you-do-not-trust' },
  );
}

/** Node's timers wait at most 2^32 - 1 ms; `AbortSignal.timeout` throws a RangeError past that. */
const LONGEST_TIMEOUT_SECONDS = Math.floor((2 ** 32 - 1) / 1000);

/**
 * yargs lets NaN, zero and negatives through; each would stall or flood the collector. `max` (in `unit`) is the most
 * the setting can hold.
 */
function requirePositive(flag: string, value: number | undefined, { integer = false, max, unit }: { integer?: boolean; max?: number; unit?: string } = {}): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new UserFacingError('flag-invalid', `${flag} must be a positive ${integer ? 'whole ' : ''}number, not ${String(value)}.`, {
      hint: `For example ${flag} ${integer ? '6' : '10'}.`,
    });
  }
  if (max !== undefined && value > max) {
    throw new UserFacingError('flag-invalid', `${flag} must be at most ${max}${unit === undefined ? '' : ` (${unit})`}, not ${String(value)}.`, { hint: `For example ${flag} ${max}.` });
  }
}

/** The flags that were given: an absent flag leaves the setting to its variable or default. */
function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
