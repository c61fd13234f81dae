import type { RegionCode } from '../snapshot/model.js';
import { ApiError } from './api-error.js';
import { createAccessTokenSource } from './auth.js';
import { createHttpClient, type HttpClientOptions } from './http-client.js';
import { createRedactor, type Redactor } from './redactor.js';
import { Secret } from './secret.js';
import type { ConnectionSettings } from './settings.js';
import { decodeTokenClaims, type TokenClaims } from './token-claims.js';

/** The HTTP client's options but the API base, which comes from the connection settings. */
export type ApiClientOptions = Omit<HttpClientOptions, 'apiUrl'>;

/** An authenticated, read-only Management API client: what the collector and `whoami` use. */
export interface ApiClient {
  /** Management API base, no trailing slash. */
  readonly apiUrl: string;
  readonly region: RegionCode | undefined;
  /** The correlation id sent with every request (`X-Ping-External-Transaction-ID: <runId>-<n>`). */
  readonly runId: string;
  /** Strips every credential of the run from server text; `add` registers key material it cannot see go by. */
  readonly redactor: Redactor;
  /**
   * GETs a path below the API base (`/environments/…`) or a link on it and returns the parsed
   * JSON. A 401 renews the token once and retries. Throws ApiError (a UserFacingError).
   */
  get(pathOrHref: string): Promise<unknown>;
  /** The claims of the token in use (fetching one if needed): who is calling and whose roles apply. */
  tokenClaims(): Promise<TokenClaims>;
  /** HTTP requests sent so far, retries and token requests included, by endpoint template. */
  requestsByEndpoint(): Record<string, number>;
  requestCount(): number;
  /** Runs `task` once every request begun so far has gone out (see HttpClient.afterSending). */
  afterSending(task: () => void): Promise<void>;
  /** Closes kept-alive connections. */
  close(): Promise<void>;
}

/**
 * An {@link ApiClient} for the connection settings. The credentials' secrets and key material are
 * given to the redactor before any request; no token is requested until the first call needs one.
 */
export function createApiClient(settings: ConnectionSettings, options: ApiClientOptions = {}): ApiClient {
  const redactor = options.redactor ?? createRedactor();
  // Known before anything is sent, so that even the first answer cannot echo them.
  for (const value of Object.values(settings.credentials)) if (value instanceof Secret) redactor.add(value.reveal());
  const signer = 'signer' in settings.credentials ? settings.credentials.signer : undefined;
  for (const material of signer?.revealKeyMaterial?.() ?? []) redactor.add(material);
  const http = createHttpClient({ ...options, apiUrl: settings.apiUrl, redactor });
  const tokens = createAccessTokenSource(settings, http, options.now);

  return {
    apiUrl: settings.apiUrl,
    region: settings.region,
    runId: http.runId,
    redactor,
    async get(pathOrHref) {
      const token = await tokens.token();
      try {
        return await http.getJson(pathOrHref, token);
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 401) throw error;
        const renewed = await tokens.renew(token);
        try {
          return await http.getJson(pathOrHref, renewed);
        } catch (retryError) {
          if (!(retryError instanceof ApiError) || retryError.status !== 401) throw retryError;
          throw new ApiError({
            kind: 'http',
            path: retryError.path,
            status: 401,
            ...(retryError.code === undefined ? {} : { code: retryError.code }),
            ...(retryError.apiMessage === undefined ? {} : { apiMessage: retryError.apiMessage }),
            detailMessages: retryError.detailMessages,
            hint: 'PingOne rejected a freshly issued token too: check that PINGONE_API_URL and PINGONE_AUTH_URL belong to the same region and tenant.',
          });
        }
      }
    },
    async tokenClaims() {
      return decodeTokenClaims(await tokens.token());
    },
    requestsByEndpoint: () => http.requestsByEndpoint(),
    requestCount: () => http.requestCount(),
    afterSending: (task) => http.afterSending(task),
    close: () => http.close(),
  };
}
