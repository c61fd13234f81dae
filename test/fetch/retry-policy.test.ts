import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultRetryPolicy, isPropagationDelay, isRetryableNetworkError, isRetryableStatus, parseRetryAfter } from '../../src/fetch/retry-policy.js';

describe('retry policy', () => {
  it('retries 408, 429 and 5xx only', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409].some(isRetryableStatus)).toBe(false);
  });

  it('reads Retry-After as seconds or as an HTTP-date', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 10:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('reads the obsolete HTTP-date forms too, and nothing else that Date.parse would take', () => {
    const now = Date.parse('1994-11-06T08:49:30Z');
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Sun Nov  6 08:49:37 1994', now)).toBe(7000);
    // A malformed value is no wait of 0: the caller backs off as with no Retry-After at all.
    for (const malformed of ['-5', '-1', '1, 2', '5 6', '2026-03-01', 'Sun, 06 Nov 1994']) {
      expect(parseRetryAfter(malformed, now), malformed).toBeUndefined();
    }
  });

  it('backs off exponentially with bounded jitter and a cap', () => {
    const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(100);
    expect(backoffDelay(3, policy, () => 0)).toBe(400);
    expect(backoffDelay(3, policy, () => 1)).toBe(500);
    expect(backoffDelay(10, policy, () => 1)).toBe(1000);
  });

  it('recognises the role-propagation 403 and nothing else', () => {
    expect(isPropagationDelay(403, ['The actor attempting to perform the request is not authorized.'])).toBe(true);
    expect(isPropagationDelay(403, ['You do not have access to this resource.'])).toBe(false);
    expect(isPropagationDelay(401, ['The actor attempting to perform the request is not authorized.'])).toBe(false);
  });

  it('treats resets and hang-ups as retryable, other errors not', () => {
    expect(isRetryableNetworkError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isRetryableNetworkError(new Error('outer', { cause: new Error('socket hang up') }))).toBe(true);
    expect(isRetryableNetworkError(Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' }))).toBe(false);
  });
});
