/** Token bucket: `requestsPerSecond` refill, `burst` capacity (default: one second's worth). */
export interface RateLimit {
  requestsPerSecond: number;
  burst?: number;
}

/** The simulator's rate limit, shared by every request. */
export interface RateLimiter {
  /** Takes one token, or says how many whole seconds to wait (PingOne's `Retry-After`). */
  take(): { allowed: true } | { allowed: false; retryAfterSeconds: number };
}

/** A full token bucket for `limit`. */
export function createRateLimiter(limit: RateLimit, now: () => number): RateLimiter {
  const capacity = Math.max(1, limit.burst ?? limit.requestsPerSecond);
  let tokens = capacity;
  let updatedAt = now();
  return {
    take() {
      const time = now();
      tokens = Math.min(capacity, tokens + ((time - updatedAt) / 1000) * limit.requestsPerSecond);
      updatedAt = time;
      if (tokens >= 1) {
        tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / limit.requestsPerSecond)) };
    },
  };
}
