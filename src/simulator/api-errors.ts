import { randomUUID } from 'node:crypto';

/** PingOne's error body (`P1Error`). */
export interface P1Error {
  id: string;
  code: string;
  message: string;
  details?: Array<{ code: string; target?: string; message: string; innerError?: Record<string, unknown> }>;
}

/** An error response the simulator sends: status, body and any extra headers. */
export interface ApiError {
  status: number;
  body: P1Error;
  headers?: Record<string, string>;
}

const noAccess = 'The request could not be completed. You do not have access to this resource.';

function p1Error(code: string, message: string, details?: P1Error['details']): P1Error {
  return details === undefined ? { id: randomUUID(), code, message } : { id: randomUUID(), code, message, details };
}

/** 401 `ACCESS_FAILED` / `INVALID_TOKEN` with `WWW-Authenticate: Bearer`: a missing, expired or foreign token. */
export function invalidToken(reason: string): ApiError {
  return {
    status: 401,
    body: p1Error('ACCESS_FAILED', noAccess, [{ code: 'INVALID_TOKEN', message: reason }]),
    headers: { 'www-authenticate': 'Bearer' },
  };
}

/** 403 `ACCESS_FAILED` / `INSUFFICIENT_PERMISSIONS`: the token's actor lacks a role over the resource. */
export function insufficientPermissions(reason = 'The actor attempting to perform the request is not authorized.'): ApiError {
  return { status: 403, body: p1Error('ACCESS_FAILED', noAccess, [{ code: 'INSUFFICIENT_PERMISSIONS', message: reason }]) };
}

/** 404 `NOT_FOUND`. */
export function notFound(): ApiError {
  return { status: 404, body: p1Error('NOT_FOUND', 'The requested resource was not found.') };
}

/** 405 `METHOD_NOT_ALLOWED`, with the `Allow` header. */
export function methodNotAllowed(allowed: string): ApiError {
  return {
    status: 405,
    body: p1Error('METHOD_NOT_ALLOWED', 'The request could not be completed. The HTTP method is not supported for this resource.'),
    headers: { allow: allowed },
  };
}

/** 400 `INVALID_DATA`, its detail naming the parameter (`target`) and what is wrong with it. */
export function invalidParameter(target: string, message: string, detailCode = 'INVALID_VALUE'): ApiError {
  return {
    status: 400,
    body: p1Error('INVALID_DATA', 'The request could not be completed. One or more validation errors were in the request.', [{ code: detailCode, target, message }]),
  };
}

/** 429 `REQUEST_LIMITED` / `LIMIT_EXCEEDED` with `Retry-After` (seconds) and the same moment in `innerError.retryAfter`. */
export function requestLimited(retryAfterSeconds: number, now: number): ApiError {
  return {
    status: 429,
    body: p1Error('REQUEST_LIMITED', 'The request could not be completed. Too many requests.', [
      {
        code: 'LIMIT_EXCEEDED',
        message: 'The rate limit was exceeded. Retry after the time in the Retry-After header.',
        innerError: { retryAfter: new Date(now + retryAfterSeconds * 1000).toISOString() },
      },
    ]),
    headers: { 'retry-after': String(retryAfterSeconds) },
  };
}

/**
 * A 429 for a spent quota: `details[].code` `QUOTA_EXCEEDED` with `innerError.quotaLimit`, `quotaResetTime` and
 * `retryAfter` (PingOne's `TooManyRequestsErrorDetail`, pingidentity/pingone-go-client), and the `Retry-After` header
 * (developer.pingidentity.com, PingOne Platform APIs → Rate Limiting, and → Error codes for the body's `details`).
 */
export function quotaExceeded(retryAfterSeconds: number, quotaLimit: number, now: number): ApiError {
  const retryAt = new Date(now + retryAfterSeconds * 1000).toISOString();
  return {
    status: 429,
    body: p1Error('REQUEST_LIMITED', 'The request could not be completed. Too many requests.', [
      {
        code: 'QUOTA_EXCEEDED',
        message: 'The quota was exceeded. Retry after the time in the Retry-After header.',
        innerError: { quotaLimit, quotaResetTime: retryAt, retryAfter: retryAt },
      },
    ]),
    headers: { 'retry-after': String(retryAfterSeconds) },
  };
}

/** 500 `UNEXPECTED_ERROR`, or 502/503 `SERVICE_UNAVAILABLE` (503 with `Retry-After: 1`). */
export function serverError(status: 500 | 502 | 503): ApiError {
  const body = status === 500 ? p1Error('UNEXPECTED_ERROR', 'An unexpected error occurred.') : p1Error('SERVICE_UNAVAILABLE', 'The service is temporarily unavailable. Try again later.');
  return status === 503 ? { status, body, headers: { 'retry-after': '1' } } : { status, body };
}
