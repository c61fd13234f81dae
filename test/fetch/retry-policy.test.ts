import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/fetch/rate-limiter.js';
import { backoffDelay, defaultRetryPolicy, isPropagationDelay, isRetryableNetworkError, isRetryableStatus, parseRetryAfter } from '../../src/fetch/retry-policy.js';
import { fakeClock } from './stub-server.js';

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

describe('rate limiter', () => {
  it('spaces requests at the rate after an initial burst of one second', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 4, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 6; i += 1) await limiter.acquire();
    expect(clock.waits).toEqual([250, 250]);
  });

  it('halves the rate and pauses everyone on a 429, then creeps back to the maximum', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 10, now: clock.now, sleep: clock.sleep, recoveryDelayMs: 1000 });
    await limiter.acquire();
    limiter.throttled(2000);
    expect(limiter.currentRate()).toBe(5);
    await limiter.acquire();
    expect(clock.waits[0]).toBe(2000);
    limiter.throttled(0);
    expect(limiter.currentRate()).toBe(2.5);
    await clock.sleep(30_000);
    await limiter.acquire();
    expect(limiter.currentRate()).toBe(10);
  });

  it('never drops below its floor', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 10, now: clock.now, sleep: clock.sleep, minRps: 1 });
    for (let i = 0; i < 10; i += 1) limiter.throttled(0);
    expect(limiter.currentRate()).toBe(1);
  });
});
