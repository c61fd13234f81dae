import { UserFacingError } from '../errors.js';
import { parseJson } from '../json/parse-json.js';

/** Why a request ended without a usable answer. */
export type ApiFailureKind = 'http' | 'network' | 'timeout' | 'malformed' | 'paging' | 'limit';

/**
 * A Management API request that failed after the retries it deserved. Carries what PingOne said
 * (status, `code`, `message`, the `details[].message`s, the error `id` for Ping support) and
 * the path, never a header, token or secret.
 */
export class ApiError extends UserFacingError {
  readonly kind: ApiFailureKind;
  /** HTTP status; absent for network failures and timeouts. */
  readonly status: number | undefined;
  /** Path relative to the API base, with its query (`/environments/…/users?limit=1000`). */
  readonly path: string;
  readonly code: string | undefined;
  readonly apiMessage: string | undefined;
  readonly detailMessages: string[];
  readonly errorId: string | undefined;
  /** What went wrong when PingOne said nothing: a timeout, a reset, a refused next link, a cap reached. */
  readonly reason: string | undefined;

  constructor(init: {
    kind: ApiFailureKind;
    path: string;
    status?: number;
    code?: string;
    apiMessage?: string;
    detailMessages?: string[];
    errorId?: string;
    reason?: string;
    hint?: string;
  }) {
    super('api-error', describe(init), init.hint === undefined ? {} : { hint: init.hint });
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.path = init.path;
    this.code = init.code;
    this.apiMessage = init.apiMessage;
    this.detailMessages = init.detailMessages ?? [];
    this.errorId = init.errorId;
    this.reason = init.reason;
  }

  /** One line for a collection entry: status, code, message and details, without the path. */
  get summary(): string {
    return summarize(this);
  }
}

interface Described {
  path: string;
  status?: number | undefined;
  code?: string | undefined;
  apiMessage?: string | undefined;
  detailMessages?: string[] | undefined;
  errorId?: string | undefined;
  reason?: string | undefined;
}

function describe(error: Described): string {
  return `GET ${error.path} failed: ${summarize(error)}`;
}

function summarize(error: Described): string {
  const parts: string[] = [];
  if (error.status !== undefined) parts.push(String(error.status));
  if (error.code !== undefined) parts.push(error.code);
  let text = parts.join(' ');
  const message = error.apiMessage ?? error.reason;
  if (message !== undefined) text = text === '' ? message : `${text}: ${message}`;
  const details = error.detailMessages ?? [];
  if (details.length > 0) text += ` (${details.join('; ')})`;
  if (error.errorId !== undefined) text += ` [PingOne error id ${error.errorId}]`;
  return text === '' ? 'unknown failure' : text;
}

/** What `readErrorBody` keeps of a PingOne error body. */
export interface ErrorBody {
  code?: string;
  apiMessage?: string;
  detailMessages: string[];
  /** `details[].code`s (`LIMIT_EXCEEDED`, `QUOTA_EXCEEDED`, …): they tell the client how to react, they are never shown. */
  detailCodes: string[];
  errorId?: string;
}

/** The parts of a PingOne error body (`code`, `message`, `details[]`, `id`) worth showing or acting on; anything else is ignored. */
export function readErrorBody(text: string): ErrorBody {
  let body: unknown;
  try {
    body = parseJson(text);
  } catch {
    return { detailMessages: [], detailCodes: [] };
  }
  if (typeof body !== 'object' || body === null) return { detailMessages: [], detailCodes: [] };
  const record = body as Record<string, unknown>;
  const result: ErrorBody = { detailMessages: [], detailCodes: [] };
  if (typeof record.code === 'string') result.code = record.code;
  if (typeof record.message === 'string') result.apiMessage = record.message;
  if (typeof record.id === 'string') result.errorId = record.id;
  // An OAuth error (token endpoint) has `error` / `error_description` instead.
  if (result.code === undefined && typeof record.error === 'string') result.code = record.error;
  if (result.apiMessage === undefined && typeof record.error_description === 'string') result.apiMessage = record.error_description;
  if (Array.isArray(record.details)) {
    for (const detail of record.details) {
      const { message, code } = (detail ?? {}) as { message?: unknown; code?: unknown };
      if (typeof message === 'string') result.detailMessages.push(message);
      if (typeof code === 'string') result.detailCodes.push(code);
    }
  }
  return result;
}
