import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';
import { Agent } from 'undici';
import { parseJson } from '../json/parse-json.js';
import { toolVersion } from '../paths.js';
import { ApiError, readErrorBody } from './api-error.js';
import { createSemaphore } from './concurrency.js';
import { transactionIdHeader, whenHeadersSent } from './headers-sent.js';
import { createRateLimiter, preciseNow, type RateLimiter, type RefusalCause } from './rate-limiter.js';
import { defaultMaxAnswerBytes, readBoundedBody } from './read-body.js';
import { createRedactor, type Redactor } from './redactor.js';
import { assertReadOnly, endpointTemplate, relativeApiPath, resolveApiUrl, type RequestPurpose } from './request-guard.js';
import { backoffDelay, defaultRetryPolicy, isConnectionRefused, isPropagationDelay, isRetryableNetworkError, isRetryableStatus, parseRetryAfter, type RetryPolicy } from './retry-policy.js';

/** How the HTTP client paces, bounds and retries requests; every field has a default. */
export interface HttpClientOptions {
  /** Management API base (`https://api.pingone.com/v1`); the bearer token goes to this origin only. */
  apiUrl: string;
  /** Client-side rate limit shared by all requests (default 10/s); lowered on 429, then restored. */
  maxRps?: number;
  /**
   * The API's limit is unknown: start at `adaptiveStartRps` (10/s), double the rate every busy tenth of a second until PingOne
   * answers 429, then settle under the rate that met it. `maxRps` is then only a ceiling (default none).
   */
  adaptiveRate?: boolean;
  /** Requests in flight at once (default 16): enough to hide the API's latency at its rate limit. */
  concurrency?: number;
  /** Per-request time limit, answer body included (default 30 s). */
  timeoutMs?: number;
  /** Largest answer body read, in bytes (default 32 MiB); a larger one is refused while it streams. */
  maxAnswerBytes?: number;
  retry?: Partial<RetryPolicy>;
  /** Diagnostic lines (retries, throttling); never a header, token or secret. */
  log?: (line: string) => void;
  /** The run's redactor, when the caller already registered secrets with it (default: a new one). */
  redactor?: Redactor;
  /** Test seams: clock (ms since the epoch, default `preciseNow`), sleep and jitter source. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** An HTTP answer as the client read it. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body; redacted unless the status is 2xx (a token answer the caller must read whole). */
  text: string;
  /** When the request left (the client's clock), to tell the 429s of one storm from a new one. */
  sentAt: number;
  /** The body passed `maxAnswerBytes` and was dropped unread (`text` is empty). */
  oversized?: true;
}

/** The only code that sends requests. GET on the API, plus one explicit token POST; nothing else. */
export interface HttpClient {
  readonly apiBase: URL;
  /** Sent as `X-Ping-External-Transaction-ID` (`<runId>-<n>`) so Ping support can find this run. */
  readonly runId: string;
  /**
   * Knows every credential this client sent or received (Authorization headers, the token form's
   * secrets and assertions, issued tokens) and strips them from server text; `add` registers more
   * (key material that never travels, such as a private key).
   */
  readonly redactor: Redactor;
  /** GETs a path below the API base (or a `next` link on it) and parses the JSON answer; throws ApiError. */
  getJson(pathOrHref: string, bearer: string): Promise<unknown>;
  /** POSTs a form to the token endpoint (never with the bearer token); answers any status, retries only transient failures. */
  postTokenForm(tokenUrl: string, form: URLSearchParams, headers: Record<string, string>): Promise<HttpResponse>;
  /** HTTP requests sent (retries included), by endpoint template (`GET /environments/{id}/applications`). */
  requestsByEndpoint(): Record<string, number>;
  requestCount(): number;
  /**
   * Runs `task` (on a later turn) once every request begun so far has been written to its socket or has ended: CPU work
   * then overlaps the wait for answers instead of holding a request back. Rejects as `task` throws.
   */
  afterSending(task: () => void): Promise<void>;
  close(): Promise<void>;
}

/** A request that got no HTTP answer (reset, refused, timed out), after its retries. */
export class TransportError extends Error {
  constructor(
    readonly timedOut: boolean,
    cause: unknown,
  ) {
    super(timedOut ? 'timed out' : cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

type Verdict<T> = { done: T } | { fail: Error } | { retry: Error; waitMs: number; throttle?: RefusalCause };

/**
 * The run's {@link HttpClient}: requests paced by one rate limiter, at most `concurrency` in flight over
 * kept-alive connections, each timed out and size-bounded, and retried as the retry policy says.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const apiBase = new URL(options.apiUrl);
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  // The rate limiter's clock: `Date.now`'s whole milliseconds let one more burst into a second (see `secondFreeAt`).
  const now = options.now ?? preciseNow;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxAnswerBytes = options.maxAnswerBytes ?? defaultMaxAnswerBytes;
  const log = options.log ?? (() => undefined);
  const concurrency = options.concurrency ?? 16;
  // Kept-alive connections, one per slot: a request never waits for a TCP and TLS handshake after the first.
  const agent = new Agent({ connections: concurrency, keepAliveTimeout: 30_000, pipelining: 1 });
  const slots = createSemaphore(concurrency);
  const limiter: RateLimiter = createRateLimiter(
    options.adaptiveRate === true ? { maxRps: options.maxRps ?? Number.POSITIVE_INFINITY, adaptive: true, now, sleep } : { maxRps: options.maxRps ?? 10, now, sleep },
  );
  const counts = new Map<string, number>();
  const runId = `pingone-audit-${randomUUID()}`;
  const redactor = options.redactor ?? createRedactor();
  let sequence = 0;
  let propagationIsPermanent = false;
  // Requests that have a slot but are not written yet, and what waits for there to be none.
  let unsent = 0;
  const whenAllSent: Array<() => void> = [];
  const markSent = () => {
    unsent -= 1;
    if (unsent === 0) for (const resume of whenAllSent.splice(0)) resume();
  };

  // A retry (`attempt` > 1) takes the next free slot: behind its lane's queue it could wait ten times its Retry-After.
  const exchange = (attempt: number, purpose: RequestPurpose, template: string, method: string, url: URL, headers: Record<string, string>, body?: string) =>
    slots.run(
      async (): Promise<HttpResponse> => {
        assertReadOnly(method, purpose);
        learnSecrets(redactor, headers, body);
        unsent += 1;
        let written = false;
        const wrote = () => {
          if (written) return;
          written = true;
          markSent();
        };
        let sent: () => void;
        try {
          sent = await limiter.acquire();
        } catch (error) {
          wrote();
          throw error;
        }
        counts.set(template, (counts.get(template) ?? 0) + 1);
        sequence += 1;
        const transactionId = `${runId}-${sequence}`;
        const forget = whenHeadersSent(transactionId, () => {
          sent();
          wrote();
        });
        const sentAt = now();
        const signal = AbortSignal.timeout(timeoutMs);
        try {
          const response = await agent.request({
            origin: url.origin,
            path: url.pathname + url.search,
            method: method as 'GET' | 'POST',
            headers: {
              ...headers,
              'user-agent': `pingone-audit/${toolVersion}`,
              [transactionIdHeader]: transactionId,
            },
            ...(body === undefined ? {} : { body }),
            signal,
          });
          const text = await readBoundedBody(response.body, response.headers['content-length'], maxAnswerBytes);
          const answer = { status: response.statusCode, headers: response.headers, text: text ?? '', sentAt };
          return text === undefined ? { ...answer, oversized: true } : answer;
        } catch (error) {
          throw new TransportError(signal.aborted, error);
        } finally {
          forget();
          wrote();
        }
      },
      laneOf(url),
      attempt > 1,
    );

  async function withRetries<T>(
    label: string,
    send: (attempt: number) => Promise<HttpResponse>,
    judge: (response: HttpResponse, attempt: number) => Verdict<T>,
    onTransport: (error: TransportError) => Error,
  ): Promise<T> {
    let refused = 0;
    for (let attempt = 1; ; attempt += 1) {
      let verdict: Verdict<T>;
      let sentAt: number | undefined;
      try {
        const response = await send(attempt);
        sentAt = response.sentAt;
        verdict = judge(response, attempt);
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        const failure = onTransport(error);
        if (isConnectionRefused(error)) {
          verdict = refused++ < policy.connectionRefusedRetries ? { retry: failure, waitMs: policy.connectionRefusedDelayMs } : { fail: failure };
        } else {
          verdict = error.timedOut || isRetryableNetworkError(error) ? { retry: failure, waitMs: backoffDelay(attempt, policy, random) } : { fail: failure };
        }
      }
      if (sentAt !== undefined && !('throttle' in verdict)) limiter.accepted(sentAt);
      if ('done' in verdict) return verdict.done;
      if ('fail' in verdict) throw verdict.fail;
      if (attempt >= policy.maxAttempts) throw verdict.retry;
      log(`${label}: ${verdict.retry.message}; retry ${attempt} of ${policy.maxAttempts - 1} in ${verdict.waitMs} ms`);
      if (verdict.throttle) {
        // The limiter lowers the shared rate if the refusal follows from it; this request waits out its own Retry-After
        // (PingOne's wait before retrying it), then takes the next free slot (see `exchange`).
        const rateBefore = limiter.currentRate();
        limiter.throttled(verdict.waitMs, sentAt, verdict.throttle);
        const rateAfter = limiter.currentRate();
        if (verdict.throttle === 'quota') log('refused by a PingOne quota (QUOTA_EXCEEDED): the rate stays');
        else if (rateAfter !== rateBefore) log(`throttled by PingOne: client rate now ${rateAfter.toFixed(1)}/s`);
      }
      if (verdict.waitMs > 0) await sleep(verdict.waitMs);
    }
  }

  /** How long a refused request waits, and whether the refusal speaks of the rate (`detailCodes`: the 429 body's `details[].code`s). */
  const retryWait = (response: HttpResponse, attempt: number, detailCodes: readonly string[] = []): { waitMs: number; throttle?: RefusalCause } => {
    const retryAfter = parseRetryAfter(headerValue(response.headers, 'retry-after'), now());
    const waitMs = Math.min(policy.maxDelayMs, retryAfter ?? backoffDelay(attempt, policy, random));
    if (response.status !== 429 && retryAfter === undefined) return { waitMs };
    return { waitMs, throttle: response.status === 429 && detailCodes.includes('QUOTA_EXCEEDED') ? 'quota' : 'limit' };
  };

  return {
    apiBase,
    runId,
    redactor,
    async getJson(pathOrHref, bearer) {
      const url = resolveApiUrl(apiBase, pathOrHref);
      const path = relativeApiPath(apiBase, url);
      const template = endpointTemplate(path);
      const headers = { accept: 'application/json', authorization: `Bearer ${bearer}` };
      let malformed = 0;
      let propagation = 0;
      return withRetries<unknown>(
        `GET ${path}`,
        (attempt) => exchange(attempt, 'api', template, 'GET', url, headers),
        (response, attempt) => {
          if (response.oversized) {
            return { fail: new ApiError({ kind: 'limit', path, status: response.status, reason: `the answer is larger than ${formatBytes(maxAnswerBytes)} (--max-answer-mb); not read` }) };
          }
          if (response.status >= 200 && response.status < 300) {
            try {
              // Data too: a server that echoes the request into a resource must not get the token into a snapshot.
              return { done: parseJson(redactor.redactKnown(response.text), () => log(`GET ${path}: a "__proto__" member in the answer was dropped`)) };
            } catch {
              const error = new ApiError({ kind: 'malformed', path, status: response.status, reason: 'the answer is not valid JSON' });
              return malformed++ < policy.malformedRetries ? { retry: error, waitMs: backoffDelay(attempt, policy, random) } : { fail: error };
            }
          }
          const body = readErrorBody(redactor.redact(response.text));
          const error = new ApiError({ kind: 'http', path, status: response.status, ...body, ...hintFor(response.status) });
          if (isPropagationDelay(response.status, [body.apiMessage ?? '', ...body.detailMessages])) {
            if (!propagationIsPermanent && propagation < policy.propagationRetries) {
              propagation += 1;
              return { retry: error, waitMs: policy.propagationDelayMs };
            }
            // Once a 403 outlasted its retries, the same wording means a missing role, not a slow one: stop waiting on it.
            if (propagation > 0) propagationIsPermanent = true;
            return { fail: error };
          }
          if (isRetryableStatus(response.status)) return { retry: error, ...retryWait(response, attempt, body.detailCodes) };
          return { fail: error };
        },
        (error) => new ApiError({ kind: error.timedOut ? 'timeout' : 'network', path, reason: error.timedOut ? `no complete answer within ${timeoutMs} ms` : networkReason(error) }),
      );
    },
    async postTokenForm(tokenUrl, form, headers) {
      const url = new URL(tokenUrl);
      const template = 'POST /{id}/as/token';
      const requestHeaders = { ...headers, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' };
      return withRetries<HttpResponse>(
        `POST ${url.origin}${url.pathname}`,
        (attempt) => exchange(attempt, 'token', template, 'POST', url, requestHeaders, form.toString()),
        (response, attempt) =>
          isRetryableStatus(response.status) ? { retry: new Error(`HTTP ${response.status}`), ...retryWait(response, attempt) } : { done: screenTokenAnswer(redactor, response) },
        (error) => error,
      );
    },
    requestsByEndpoint: () => Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b))),
    requestCount: () => [...counts.values()].reduce((sum, count) => sum + count, 0),
    async afterSending(task) {
      // A request begun in this turn has its slot once the turn's microtasks have run.
      await nextTurn();
      if (unsent > 0) await new Promise<void>((resume) => whenAllSent.push(resume));
      // Not inside undici's write, which reported the last request sent.
      await nextTurn();
      task();
    },
    close: () => agent.close(),
  };
}

/** Requests queue per environment and take turns, so that one environment's thousands of reads do not hold up the others. */
function laneOf(url: URL): string {
  return /\/environments\/([^/]+)\//.exec(url.pathname)?.[1] ?? '';
}

function headerValue(headers: HttpResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}

function networkReason(error: TransportError): string {
  const cause = error.cause as NodeJS.ErrnoException | undefined;
  return cause?.code === undefined ? error.message : `${cause.code}: ${error.message}`;
}

function hintFor(status: number): { hint?: string } {
  if (status === 403) {
    return {
      hint: 'The admin roles behind the token do not cover this endpoint or environment. Least privilege for pingone-audit: Configuration Read Only + Identity Data Read Only, scoped to each audited environment.',
    };
  }
  if (status === 404) return { hint: 'Check the environment id, and that the endpoint exists in this region and licence.' };
  return {};
}

// Form fields that carry a credential (RFC 6749 §2.3.1, §4.1.3, §6; RFC 7523 §2.2; RFC 7636 §4.5; RFC 8628 §3.4).
const secretFormFields = ['client_secret', 'client_assertion', 'refresh_token', 'code', 'code_verifier', 'device_code', 'assertion', 'password'];
// Token endpoint answers that carry one (RFC 6749 §5.1, OIDC Core §3.1.3.3, RFC 8628 §3.2).
const secretAnswerFields = ['access_token', 'refresh_token', 'id_token', 'device_code'];

/** Registers what this request carries: the Authorization header whole and its credential, and the form's secrets. */
function learnSecrets(redactor: Redactor, headers: Record<string, string>, body: string | undefined): void {
  const authorization = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  if (authorization !== undefined) {
    redactor.add(authorization);
    const [scheme, credential = ''] = authorization.split(/\s+/, 2);
    redactor.add(credential);
    if (scheme?.toLowerCase() === 'basic') {
      const pair = Buffer.from(credential, 'base64').toString('utf8');
      redactor.add(pair);
      redactor.add(safeDecode(pair.slice(pair.indexOf(':') + 1)));
    }
  }
  if (body === undefined) return;
  const form = new URLSearchParams(body);
  for (const field of secretFormFields) for (const value of form.getAll(field)) redactor.add(value);
}

/** A 2xx token answer stays whole (the caller reads its tokens), and its tokens are registered; any other answer is redacted. */
function screenTokenAnswer(redactor: Redactor, response: HttpResponse): HttpResponse {
  if (response.status < 200 || response.status >= 300) return { ...response, text: redactor.redact(response.text) };
  let body: unknown;
  try {
    body = parseJson(response.text);
  } catch {
    return response;
  }
  for (const field of secretAnswerFields) {
    const value = (body as Record<string, unknown> | null)?.[field];
    if (typeof value === 'string') redactor.add(value);
  }
  return response;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
