/**
 * A client-side token bucket shared by every request of a run. PingOne limits per licence
 * (600/min for the configuration group) and per source IP (35 % of that by default), so the
 * auditor stays well below and slows down further when it is told to.
 */
export interface RateLimiter {
  /** Resolves when the next request may start. */
  acquire(): Promise<void>;
  /** A 429 (or a 503 with Retry-After): halve the rate and let nothing start for `pauseMs`. */
  throttled(pauseMs: number): void;
  currentRate(): number;
}

export interface RateLimiterOptions {
  maxRps: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Floor of the adaptive rate (default 0.5/s). */
  minRps?: number;
  /** Quiet time after a 429 before the rate creeps back up (default 5 s). */
  recoveryDelayMs?: number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { maxRps, now, sleep } = options;
  const minRps = Math.min(options.minRps ?? 0.5, maxRps);
  const recoveryDelayMs = options.recoveryDelayMs ?? 5_000;
  let rate = maxRps;
  let lastThrottle = Number.NEGATIVE_INFINITY;
  let lastRecovery = 0;
  let pausedUntil = 0;
  // Reservation style (GCRA): each caller books the next free start time, so waiting needs no polling loop.
  let theoreticalArrival = 0;

  const recover = (time: number) => {
    if (rate >= maxRps || time - lastThrottle < recoveryDelayMs) {
      lastRecovery = time;
      return;
    }
    // Additive increase: back to full speed about ten seconds after the storm has passed.
    rate = Math.min(maxRps, rate + (maxRps / 10) * ((time - Math.max(lastRecovery, lastThrottle + recoveryDelayMs)) / 1000));
    lastRecovery = time;
  };

  return {
    async acquire() {
      const time = now();
      recover(time);
      const interval = 1000 / rate;
      const burstTolerance = interval * Math.max(0, Math.floor(rate) - 1);
      const start = Math.max(time, pausedUntil, theoreticalArrival - burstTolerance);
      theoreticalArrival = Math.max(theoreticalArrival, start) + interval;
      if (start > time) await sleep(start - time);
    },
    throttled(pauseMs) {
      const time = now();
      rate = Math.max(minRps, rate / 2);
      lastThrottle = time;
      pausedUntil = Math.max(pausedUntil, time + pauseMs);
      theoreticalArrival = Math.max(theoreticalArrival, pausedUntil);
    },
    currentRate: () => rate,
  };
}
