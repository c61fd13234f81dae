import { UserFacingError } from '../errors.js';
import type { RegionCode } from '../snapshot/model.js';
import type { AssertionSigner } from './client-assertion.js';
import { bearerTokenFault } from './bearer-token.js';
import type { UserSession } from './login/user-session.js';
import { readPrivateKeyFile } from './private-key.js';
import { readCredentialFile } from './read-credential-file.js';
import { readCachedIdentity } from './login/token-cache.js';
import { resolveServiceUrls } from './service-urls.js';
import { Secret } from './secret.js';

/** The connection flags a command accepts; each falls back to the environment variable named beside it. */
export interface ConnectionFlags {
  /** `PINGONE_CLIENT_ID`: the worker application's id. */
  clientId?: string;
  /** `PINGONE_CLIENT_SECRET`. As a flag it is visible in shell history and `ps`; prefer the file or the variable. */
  clientSecret?: string;
  /** A file holding the client secret (trailing newline ignored). */
  clientSecretFile?: string;
  /** `PINGONE_ENVIRONMENT_ID`: the environment the worker application lives in. */
  environmentId?: string;
  /** `PINGONE_REGION_CODE`: NA (default), EU, CA, AU, SG or AP. */
  region?: string;
  /** `PINGONE_API_URL`: full Management API base URL; overrides the region. */
  apiUrl?: string;
  /** `PINGONE_AUTH_URL`: full auth base URL (the token URL is `<authUrl>/<environmentId>/as/token`); overrides the region. */
  authUrl?: string;
  /** `PINGONE_CUSTOM_DOMAIN`: the environment's custom domain; the token URL is then `https://<domain>/as/token`. */
  customDomain?: string;
  /**
   * A ready access token, used instead of client credentials. No CLI flag sets it (a token on the command line would
   * sit in shell history and `ps`): the CLI reads `PINGONE_API_ACCESS_TOKEN`; only library callers pass it here.
   * Whitespace around it (a trailing CR LF, as every setting) is trimmed; any other character outside RFC 6750 §2.1's
   * `b64token`, control characters included, refuses it as `token-invalid`.
   */
  accessToken?: string;
  /** `PINGONE_TOKEN_ENDPOINT_AUTH_METHOD`: how the client authenticates at the token endpoint. */
  tokenAuthMethod?: string;
  /** `PINGONE_CLIENT_PRIVATE_KEY_FILE`: PEM private key (RSA or EC) signing PRIVATE_KEY_JWT assertions. */
  privateKeyFile?: string;
  /** `PINGONE_CLIENT_KEY_ID`: the `kid` of that key in the application's JWKS. */
  keyId?: string;
  /** `client-credentials` (default), or a user sign-in: `authorization-code` (PKCE) or `device-code`. `implicit` is refused. */
  auth?: string;
  /** Loopback port of the authorization code redirect `http://127.0.0.1:<port>/callback` (default 7464). */
  redirectPort?: number;
  /** Opt-in file keeping the signed-in user's tokens between runs (mode 0600). */
  tokenCache?: string;
  /** Scopes asked for at sign-in (default `openid`). */
  scope?: string;
}

/** The application's `tokenEndpointAuthMethod` values a confidential client can use (NONE is for public clients). */
export type TokenAuthMethod = 'CLIENT_SECRET_BASIC' | 'CLIENT_SECRET_POST' | 'CLIENT_SECRET_JWT' | 'PRIVATE_KEY_JWT';

/**
 * How a worker app proves who it is at the token endpoint: its secret (sent as it is, or only as the
 * key of an HS256 assertion), or an assertion signed with its private key, where no secret exists.
 */
export type ClientAuthentication =
  | { tokenAuthMethod: 'CLIENT_SECRET_BASIC' | 'CLIENT_SECRET_POST' | 'CLIENT_SECRET_JWT'; clientSecret: Secret; signer?: undefined }
  | { tokenAuthMethod: 'PRIVATE_KEY_JWT'; signer: AssertionSigner; clientSecret?: undefined };

export type SignInFlow = 'authorization-code' | 'device-code';

/** A user signs in to the application (a public client unless a secret is given); the user's admin roles apply. */
export interface UserSignInCredentials {
  kind: 'userSignIn';
  flow: SignInFlow;
  clientId: string;
  /** The environment of the application the user signs in to (where the token is issued). */
  environmentId: string;
  clientSecret?: Secret;
  /** Signs client assertions when the application uses PRIVATE_KEY_JWT. */
  signer?: AssertionSigner;
  tokenAuthMethod: TokenAuthMethod | 'NONE';
  scope: string;
  redirectPort: number;
  tokenCache?: string;
  /** The tokens, once signed in (`signIn` in src/fetch/login). */
  session?: UserSession;
}

export type Credentials =
  | ({ kind: 'clientCredentials'; clientId: string; environmentId: string } & ClientAuthentication)
  | { kind: 'accessToken'; token: Secret; environmentId?: string }
  | UserSignInCredentials;

/** Where and how to connect. Safe to print or serialize: secrets are `Secret`s. */
export interface ConnectionSettings {
  /** Management API base, no trailing slash (`https://api.pingone.com/v1`). */
  apiUrl: string;
  /** Auth base, no trailing slash (`https://auth.pingone.com`), or the environment's custom domain. */
  authUrl: string;
  /** `authUrl` is a custom domain: auth endpoints carry no environment id (`<authUrl>/as/token`). */
  customDomain?: true;
  /** The region the URLs came from; absent when both URLs were given explicitly. */
  region?: RegionCode;
  credentials: Credentials;
  /** Things the command should print on stderr (a secret passed as a flag, ignored settings). */
  warnings: string[];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** Throws a UserFacingError naming the setting when `value` is not a PingOne id (a UUID). */
export function assertUuid(setting: string, value: string): string {
  if (!isUuid(value)) {
    throw new UserFacingError('settings-invalid', `${setting} is not a PingOne id: "${value}".`, {
      hint: 'PingOne ids are UUIDs such as 3f9c1a2e-7b4d-4e8f-9a61-0c2d5e7f8a90; copy them from the console (Environment › Settings, or the application page).',
    });
  }
  return value.toLowerCase();
}

const tokenAuthMethods: readonly TokenAuthMethod[] = ['PRIVATE_KEY_JWT', 'CLIENT_SECRET_JWT', 'CLIENT_SECRET_BASIC', 'CLIENT_SECRET_POST'];
const seeAlso = 'README.md#connecting-to-pingone';

/** Reads flags first, then the environment (Terraform provider names), validates, and says what to do when something is wrong. */
export function resolveConnectionSettings(flags: ConnectionFlags, env: NodeJS.ProcessEnv): ConnectionSettings {
  const warnings: string[] = [];
  const pick = (flag: string | undefined, variable: string): string | undefined => nonEmpty(flag) ?? nonEmpty(env[variable]);

  const { region, ...urls } = resolveServiceUrls({
    region: pick(flags.region, 'PINGONE_REGION_CODE'),
    apiUrl: pick(flags.apiUrl, 'PINGONE_API_URL'),
    authUrl: pick(flags.authUrl, 'PINGONE_AUTH_URL'),
    apiHostname: nonEmpty(env.PINGONE_API_SERVICE_HOSTNAME),
    authHostname: nonEmpty(env.PINGONE_AUTH_SERVICE_HOSTNAME),
    customDomain: pick(flags.customDomain, 'PINGONE_CUSTOM_DOMAIN'),
  });
  const environmentIdText = pick(flags.environmentId, 'PINGONE_ENVIRONMENT_ID');
  const environmentId = environmentIdText === undefined ? undefined : assertUuid('PINGONE_ENVIRONMENT_ID (--environment-id)', environmentIdText);

  const accessToken = pick(flags.accessToken, 'PINGONE_API_ACCESS_TOKEN');
  const flow = resolveAuthFlow(flags.auth);
  const tokenCache = nonEmpty(flags.tokenCache);
  if (nonEmpty(flags.auth) === undefined && tokenCache !== undefined) {
    const credentials = resolveCachedSignIn(tokenCache, urls.authUrl, flags, env, pick, environmentId, warnings);
    return withRegion({ ...urls, credentials, warnings }, region);
  }
  if (flow !== 'client-credentials') {
    if (accessToken !== undefined) warnings.push(`PINGONE_API_ACCESS_TOKEN is ignored: --auth ${flow} signs in instead.`);
    const credentials = resolveUserSignIn(flow, flags, env, pick, environmentId, warnings);
    return withRegion({ ...urls, credentials, warnings }, region);
  }
  if (accessToken !== undefined) {
    if (pick(flags.clientId, 'PINGONE_CLIENT_ID') !== undefined) {
      warnings.push('An access token was given, so the client id and secret are ignored (the token cannot be renewed when it expires).');
    }
    assertGivenBearerToken(accessToken, nonEmpty(flags.accessToken) === undefined ? 'PINGONE_API_ACCESS_TOKEN' : 'The accessToken setting');
    const credentials: Credentials = { kind: 'accessToken', token: new Secret(accessToken) };
    if (environmentId !== undefined) credentials.environmentId = environmentId;
    return withRegion({ ...urls, credentials, warnings }, region);
  }

  const clientIdText = pick(flags.clientId, 'PINGONE_CLIENT_ID');
  const authentication = resolveClientAuthentication(flags, env, pick, warnings);
  const missing = [
    clientIdText === undefined ? 'PINGONE_CLIENT_ID (--client-id)' : undefined,
    'missing' in authentication ? authentication.missing : undefined,
    environmentId === undefined ? "PINGONE_ENVIRONMENT_ID (--environment-id, the worker app's environment)" : undefined,
  ].filter((name) => name !== undefined);
  if (clientIdText === undefined || 'missing' in authentication || environmentId === undefined) {
    throw new UserFacingError('credentials-missing', `No PingOne credentials: missing ${missing.join(', ')}.`, {
      hint: 'Set the client id and environment id of a worker application that holds read-only admin roles, with its private key (PRIVATE_KEY_JWT, recommended) or secret; or PINGONE_API_ACCESS_TOKEN with a ready token.',
      seeAlso,
    });
  }
  const credentials: Credentials = { kind: 'clientCredentials', clientId: assertUuid('PINGONE_CLIENT_ID (--client-id)', clientIdText), environmentId, ...authentication };
  return withRegion({ ...urls, credentials, warnings }, region);
}

/**
 * Throws a `token-invalid` UserFacingError naming `source` when the token given cannot be a bearer
 * token (RFC 6750 §2.1): undici would refuse it in the Authorization header, and the run would say
 * the API cannot be reached. The message says what is wrong and where, never the token.
 */
function assertGivenBearerToken(token: string, source: string): void {
  const fault = bearerTokenFault(token);
  if (fault === undefined) return;
  throw new UserFacingError('token-invalid', `${source} does not hold a bearer token (RFC 6750 §2.1): ${fault}.`, {
    hint: 'Give the access_token value alone (a JWT: letters, digits, "-", "_" and two "."), without "Bearer ", quotes or a line break.',
    seeAlso,
  });
}

const signInFlows: readonly SignInFlow[] = ['authorization-code', 'device-code'];

function resolveAuthFlow(text: string | undefined): SignInFlow | 'client-credentials' {
  const flow = nonEmpty(text)?.toLowerCase() ?? 'client-credentials';
  if (flow === 'implicit') {
    throw new UserFacingError(
      'settings-invalid',
      'The implicit grant is refused: it hands the access token to the browser in the redirect URL, where history, logs and referrers leak it and nothing binds it to this tool (RFC 9700 §2.1.2); use --auth authorization-code or --auth device-code.',
    );
  }
  if (flow !== 'client-credentials' && !(signInFlows as readonly string[]).includes(flow)) {
    throw new UserFacingError('settings-invalid', `Unknown --auth "${text}".`, {
      hint: 'Use client-credentials (a worker app), authorization-code (sign in with a browser) or device-code (sign in from another device).',
    });
  }
  return flow as SignInFlow | 'client-credentials';
}

function resolveUserSignIn(
  flow: SignInFlow,
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
  pick: (flag: string | undefined, variable: string) => string | undefined,
  environmentId: string | undefined,
  warnings: string[],
): UserSignInCredentials {
  const clientIdText = pick(flags.clientId, 'PINGONE_CLIENT_ID');
  if (clientIdText === undefined || environmentId === undefined) {
    const missing = [clientIdText === undefined ? 'PINGONE_CLIENT_ID (--client-id)' : undefined, environmentId === undefined ? 'PINGONE_ENVIRONMENT_ID (--environment-id)' : undefined];
    throw new UserFacingError('credentials-missing', `Cannot sign in: missing ${missing.filter(Boolean).join(', ')}.`, {
      hint: 'Give the id of the application the reviewer signs in to and the id of its environment.',
      seeAlso: 'README.md#signing-in-as-a-reviewer',
    });
  }
  // A secret or key in the environment belongs to the environment's client id: a worker's must not go along
  // when --client-id names the app a user signs in to (the simulator's sign-in lines leave the worker's set).
  const envClientId = nonEmpty(env.PINGONE_CLIENT_ID)?.toLowerCase();
  const otherClient = envClientId !== undefined && envClientId !== clientIdText.toLowerCase();
  const envCredentials = ['PINGONE_CLIENT_SECRET', 'PINGONE_CLIENT_PRIVATE_KEY_FILE'].filter((name) => nonEmpty(env[name]) !== undefined);
  if (otherClient && envCredentials.length > 0) {
    warnings.push(
      `${envCredentials.join(' and ')} ${envCredentials.length > 1 ? 'are' : 'is'} not used: ${envCredentials.length > 1 ? 'they belong' : 'it belongs'} to PINGONE_CLIENT_ID, and --client-id names another application.`,
    );
  }
  const { PINGONE_CLIENT_SECRET, PINGONE_CLIENT_PRIVATE_KEY_FILE, ...envWithoutCredentials } = env;
  const ownEnv = otherClient ? envWithoutCredentials : env;
  const ownPick: Pick = (flag, variable) => nonEmpty(flag) ?? nonEmpty(ownEnv[variable]);
  const confidential = [flags.clientSecret, flags.clientSecretFile, ownEnv.PINGONE_CLIENT_SECRET, flags.privateKeyFile, ownEnv.PINGONE_CLIENT_PRIVATE_KEY_FILE].some(
    (value) => nonEmpty(value) !== undefined,
  );
  const authentication = confidential ? resolveClientAuthentication(flags, ownEnv, ownPick, warnings) : undefined;
  if (authentication !== undefined && 'missing' in authentication) {
    throw new UserFacingError('credentials-missing', `Cannot sign in: missing ${authentication.missing}.`, { seeAlso: 'README.md#signing-in-as-a-reviewer' });
  }
  const port = flags.redirectPort ?? 7464;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserFacingError('settings-invalid', `--redirect-port must be a port number (1-65535), not ${String(port)}.`, {
      hint: 'Register http://127.0.0.1:<port>/callback as a redirect URI of the application and pass that port.',
    });
  }
  const credentials: UserSignInCredentials = {
    kind: 'userSignIn',
    flow,
    clientId: assertUuid('PINGONE_CLIENT_ID (--client-id)', clientIdText),
    environmentId,
    tokenAuthMethod: authentication?.tokenAuthMethod ?? 'NONE',
    scope: nonEmpty(flags.scope) ?? 'openid',
    redirectPort: port,
  };
  if (authentication?.clientSecret !== undefined) credentials.clientSecret = authentication.clientSecret;
  if (authentication?.signer !== undefined) credentials.signer = authentication.signer;
  const tokenCache = nonEmpty(flags.tokenCache);
  if (tokenCache !== undefined) credentials.tokenCache = tokenCache;
  return credentials;
}

type Pick = (flag: string | undefined, variable: string) => string | undefined;

/**
 * `--token-cache` without `--auth`: reuses the sign-in `login` cached there (renewing it, or signing in
 * again the same way when it has expired), for the application and environment the cache names, as
 * `login` promised; no worker credentials are asked for. Throws a UserFacingError when the file holds
 * no sign-in, or one made at another auth server (the token is only ever sent where it came from).
 */
function resolveCachedSignIn(file: string, authUrl: string, flags: ConnectionFlags, env: NodeJS.ProcessEnv, pick: Pick, environmentId: string | undefined, warnings: string[]): UserSignInCredentials {
  const seeAlso = 'README.md#signing-in-as-a-reviewer';
  const cached = readCachedIdentity(file);
  if (cached?.flow === undefined) {
    throw new UserFacingError('credentials-missing', `No sign-in is cached in ${file}.`, {
      hint: `Sign in once with \`pingone-audit login --auth device-code --token-cache ${file}\` (or --auth authorization-code) and pass the same --token-cache afterwards, or pass --auth to sign in now.`,
      seeAlso,
    });
  }
  if (cached.authUrl !== authUrl) {
    throw new UserFacingError('settings-invalid', `The token cache ${file} holds a sign-in at ${cached.authUrl}, not at ${authUrl}.`, {
      hint: 'Pass the same --region, --auth-url or --custom-domain as when you signed in, or pass --auth to sign in here.',
      seeAlso,
    });
  }
  const given: Array<[string, string | undefined, string]> = [
    ['PINGONE_CLIENT_ID (--client-id)', pick(flags.clientId, 'PINGONE_CLIENT_ID'), cached.clientId],
    ['PINGONE_ENVIRONMENT_ID (--environment-id)', environmentId, cached.environmentId],
  ];
  for (const [setting, value, held] of given) {
    if (value !== undefined && value.toLowerCase() !== held) {
      warnings.push(`${setting} is ignored: the token cache holds a sign-in to application ${cached.clientId} in environment ${cached.environmentId}; pass --auth to sign in to another.`);
    }
  }
  // A public client sends no credential: a worker's secret or key in the environment must not go along.
  const publicClient = cached.tokenAuthMethod === undefined || cached.tokenAuthMethod === 'NONE';
  const { clientSecret, clientSecretFile, privateKeyFile, ...withoutCredentials } = flags;
  const { PINGONE_CLIENT_SECRET, PINGONE_CLIENT_PRIVATE_KEY_FILE, ...envWithoutCredentials } = env;
  return resolveUserSignIn(
    cached.flow,
    { ...(publicClient ? withoutCredentials : flags), clientId: cached.clientId },
    publicClient ? envWithoutCredentials : env,
    pick,
    cached.environmentId,
    warnings,
  );
}

/**
 * The method named, or PRIVATE_KEY_JWT when only a key is given, else CLIENT_SECRET_BASIC; with what it
 * needs (the key or the secret), or which setting is missing. A credential the method does not use is
 * never sent, and a warning says so.
 */
function resolveClientAuthentication(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
  pick: (flag: string | undefined, variable: string) => string | undefined,
  warnings: string[],
): ClientAuthentication | { missing: string } {
  const keyFile = pick(flags.privateKeyFile, 'PINGONE_CLIENT_PRIVATE_KEY_FILE');
  const keyId = pick(flags.keyId, 'PINGONE_CLIENT_KEY_ID');
  const secret = resolveClientSecret(flags, env, warnings);
  const named = pick(flags.tokenAuthMethod, 'PINGONE_TOKEN_ENDPOINT_AUTH_METHOD');
  const method = named === undefined ? (keyFile !== undefined && secret === undefined ? 'PRIVATE_KEY_JWT' : 'CLIENT_SECRET_BASIC') : resolveTokenAuthMethod(named);
  if (method === 'PRIVATE_KEY_JWT') {
    if (secret !== undefined) warnings.push('The client secret is ignored and never sent: PRIVATE_KEY_JWT signs with the private key instead.');
    if (keyFile === undefined) return { missing: 'PINGONE_CLIENT_PRIVATE_KEY_FILE (--private-key-file, for PRIVATE_KEY_JWT)' };
    return { tokenAuthMethod: method, signer: readPrivateKeyFile(keyFile, keyId, warnings) };
  }
  if (keyFile !== undefined) warnings.push(`The private key file is ignored: ${method} authenticates with the client secret (set PINGONE_TOKEN_ENDPOINT_AUTH_METHOD=PRIVATE_KEY_JWT to use the key).`);
  if (secret === undefined) return { missing: 'PINGONE_CLIENT_SECRET (--client-secret-file), or PINGONE_CLIENT_PRIVATE_KEY_FILE (--private-key-file) for PRIVATE_KEY_JWT' };
  return { tokenAuthMethod: method, clientSecret: secret };
}

function resolveClientSecret(flags: ConnectionFlags, env: NodeJS.ProcessEnv, warnings: string[]): Secret | undefined {
  const fromFlag = nonEmpty(flags.clientSecret);
  if (fromFlag !== undefined) {
    warnings.push('--client-secret is visible in shell history and ps; prefer PINGONE_CLIENT_SECRET or --client-secret-file.');
    return new Secret(fromFlag);
  }
  const file = nonEmpty(flags.clientSecretFile);
  if (file !== undefined) return new Secret(readSecretFile(file));
  const fromEnv = nonEmpty(env.PINGONE_CLIENT_SECRET);
  return fromEnv === undefined ? undefined : new Secret(fromEnv);
}

function readSecretFile(file: string): string {
  const text = readCredentialFile(file, 'the client secret file', 'Check the path given to --client-secret-file and that this user may read it: a regular file, or a pipe that delivers the secret.');
  const secret = text.replace(/\r?\n$/, '');
  if (secret.trim() === '') throw new UserFacingError('file-unreadable', `The client secret file ${file} is empty.`);
  return secret;
}

function resolveTokenAuthMethod(text: string | undefined): TokenAuthMethod {
  if (text === undefined) return 'CLIENT_SECRET_BASIC';
  const method = text.toUpperCase();
  if (!(tokenAuthMethods as readonly string[]).includes(method)) {
    throw new UserFacingError('settings-invalid', `Unsupported token endpoint auth method "${text}".`, {
      hint: `Use ${tokenAuthMethods.join(', ')}: whatever the worker application's "Token Endpoint Authentication Method" says.`,
    });
  }
  return method as TokenAuthMethod;
}

function withRegion(settings: ConnectionSettings, region: RegionCode | undefined): ConnectionSettings {
  return region === undefined ? settings : { ...settings, region };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
