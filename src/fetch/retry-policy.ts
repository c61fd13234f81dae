/** When and how long to wait before asking again. Pure functions; the http client applies them. */

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** First back-off step; doubles per attempt. */
  baseDelayMs: number;
  /** Cap on any single wait, Retry-After included (the SDKs cap at 30 s). */
  maxDelayMs: number;
  /** Retries of a 200 whose body is not JSON (a cut connection), within `maxAttempts`. */
  malformedRetries: number;
  /**
   * Retries of a 403 saying the actor is not (yet) authorized: role changes take a moment to
   * propagate. PingOne words a plain missing role the same way, so once one such 403 outlasts its
   * retries the client stops retrying them for the rest of the run.
   */
  propagationRetries: number;
  propagationDelayMs: number;
  /**
   * Retries of a refused connection (nothing listens there: a wrong URL or port, a proxy down),
   * `connectionRefusedDelayMs` apart; one quick retry covers a listener restarting.
   */
  connectionRefusedRetries: number;
  connectionRefusedDelayMs: number;
}

/** The retry policy where the caller sets no field of its own. */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  malformedRetries: 2,
  propagationRetries: 2,
  propagationDelayMs: 2_000,
  connectionRefusedRetries: 1,
  connectionRefusedDelayMs: 250,
};

/** Statuses that may pass on a retry: 408, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

// PingOne's wording while a new role assignment propagates: "The actor attempting to perform the request is not authorized".
const propagationPattern = /actor\b.*\bnot authori[sz]ed/i;

/** A 403 in PingOne's "actor … not authorized" words, which it also answers while a role assigned moments ago propagates. */
export function isPropagationDelay(status: number, messages: readonly string[]): boolean {
  return status === 403 && messages.some((message) => propagationPattern.test(message));
}

const retryableNetworkCodes = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/** Connection-level failures worth another try: resets, refusals, timeouts, "socket hang up". */
export function isRetryableNetworkError(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code !== undefined && retryableNetworkCodes.has(code)) return true;
    if (/socket hang up|other side closed/i.test(current.message)) return true;
  }
  return false;
}

/** Nothing listens at the address: no answer will come from waiting longer. */
export function isConnectionRefused(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ((current as NodeJS.ErrnoException).code === 'ECONNREFUSED') return true;
  }
  return false;
}

// The three HTTP-date forms a recipient accepts (RFC 9110 §5.6.7): IMF-fixdate, RFC 850's and asctime's. Date.parse
// alone reads far more: "-5" as the year 2005 and "1, 2" as 2001, which made a malformed Retry-After a wait of 0.
const HTTP_DATE = [
  /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
  /^[A-Z][a-z]{5,8}, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT$/,
  /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/,
];

/**
 * `Retry-After` (RFC 9110 §10.2.3) as seconds or an HTTP-date, in ms from `now`; undefined when absent or unreadable
 * (a negative number, any other date text), so that the caller backs off instead of retrying at once.
 */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!HTTP_DATE.some((form) => form.test(text))) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Exponential back-off with up to 25 % jitter so that parallel requests do not retry in step. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, retry - 1);
  return Math.min(policy.maxDelayMs, Math.round(exponential * (1 + random() * 0.25)));
}
