import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/fetch/rate-limiter.js';
import { createRateLimiter as createBucket, type RateLimit } from '../../src/simulator/rate-limiter.js';
import { fakeClock } from './stub-server.js';

/** Virtual time for concurrent waiters: `runAll` advances the clock to each next timer until every task ends. */
function virtualClock(start = 1_700_000_000_000) {
  let time = start;
  const timers: Array<{ at: number; wake: () => void }> = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => time,
    sleep: (ms: number) => new Promise<void>((wake) => timers.push({ at: time + ms, wake })),
    async runAll(tasks: Array<() => Promise<void>>) {
      let running = tasks.length;
      for (const task of tasks) void task().finally(() => (running -= 1));
      for (await settle(); running > 0; await settle()) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift();
        if (next === undefined) throw new Error('tasks wait on something other than the clock');
        time = Math.max(time, next.at);
        next.wake();
      }
    },
  };
}

/** How many of these request start times the simulator's token bucket (PingOne's stand-in) would refuse. */
function refusedByBucket(starts: number[], limit: RateLimit): number {
  let at = starts[0] ?? 0;
  const bucket = createBucket(limit, () => at);
  return starts.filter((start) => {
    at = start;
    return !bucket.take().allowed;
  }).length;
}

describe('rate limiter with a known limit', () => {
  it('spaces requests at the rate, running at most 50 ms ahead of its schedule', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 4, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 6; i += 1) await limiter.acquire();
    expect(clock.waits).toEqual([200, 250, 250, 250, 250]);
  });

  it('never bursts more than 50 ms of requests, whatever the rate: a small server bucket stays out of reach', async () => {
    const clock = virtualClock();
    const limiter = createRateLimiter({ maxRps: 200, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    await clock.runAll(
      Array.from({ length: 16 }, () => async () => {
        for (let i = 0; i < 25; i += 1) {
          await limiter.acquire();
          starts.push(clock.now());
        }
      }),
    );
    // A server bucket of 20 refilled at 200/s admits every one of them.
    expect(refusedByBucket(starts, { requestsPerSecond: 200, burst: 20 })).toBe(0);
    expect(starts.at(-1)! - starts[0]!).toBeLessThanOrEqual((400 / 200) * 1000);
  });

  it('with no limit (the demo against its own simulator) never waits, except for a Retry-After', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: Number.POSITIVE_INFINITY, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 500; i += 1) await limiter.acquire();
    expect(clock.waits).toEqual([]);
    limiter.throttled(1000, clock.now());
    await limiter.acquire();
    await limiter.acquire();
    expect(clock.waits).toEqual([1000]);
  });

  it('cuts the rate to three quarters once per storm and pauses everyone for Retry-After', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 10, now: clock.now, sleep: clock.sleep });
    await limiter.acquire();
    const sentBeforeTheStorm = clock.now();
    await clock.sleep(10);
    limiter.throttled(2000, sentBeforeTheStorm);
    expect(limiter.currentRate()).toBe(7.5);
    // Other requests that were already in flight meet the same storm: no further cut.
    limiter.throttled(2000, sentBeforeTheStorm);
    expect(limiter.currentRate()).toBe(7.5);
    await limiter.acquire();
    expect(clock.waits.at(-1)).toBe(2000);
  });

  it('creeps back to the limit once 429s stop, while requests keep it busy', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 10, now: clock.now, sleep: clock.sleep });
    await clock.sleep(1);
    limiter.throttled(0);
    expect(limiter.currentRate()).toBe(7.5);
    for (let i = 0; i < 200; i += 1) await limiter.acquire();
    expect(limiter.currentRate()).toBe(10);
  });

  it('drops to the rate PingOne accepted when most answers since a cut were refusals (far over the limit)', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 500, now: clock.now, sleep: clock.sleep });
    const firstRound = clock.now();
    limiter.throttled(1000, firstRound);
    expect(limiter.currentRate()).toBe(375);
    for (let i = 0; i < 13; i += 1) limiter.throttled(1000, firstRound);
    limiter.accepted();
    limiter.accepted();
    await clock.sleep(2000);
    limiter.throttled(1000, clock.now());
    expect(limiter.currentRate()).toBe(1);
  });

  it('counts a retry sent when the pause ended as a new storm, though later refusals of the old one pushed the pause on', async () => {
    // The CI failure this guards: every storm after the first was taken for the old one, the rate never dropped, and
    // the same requests met 429 until they ran out of attempts.
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 500, now: clock.now, sleep: clock.sleep });
    const firstRound = clock.now();
    limiter.throttled(1000, firstRound);
    await clock.sleep(3);
    limiter.throttled(1000, firstRound);
    await clock.sleep(997);
    limiter.accepted();
    limiter.accepted();
    const sentWhenThePauseEnded = clock.now();
    limiter.throttled(1000, sentWhenThePauseEnded);
    expect(limiter.currentRate()).toBe(500 * 0.75 * 0.75);
  });

  it('only cuts by a quarter for a 429 among many accepted answers', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 400, now: clock.now, sleep: clock.sleep });
    limiter.throttled(1000);
    for (let i = 0; i < 50; i += 1) limiter.accepted();
    await clock.sleep(2000);
    limiter.throttled(1000, clock.now());
    expect(limiter.currentRate()).toBe(400 * 0.75 * 0.75);
  });

  it('never drops below its floor', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 10, now: clock.now, sleep: clock.sleep, minRps: 1 });
    for (let i = 0; i < 20; i += 1) {
      limiter.throttled(0);
      await clock.sleep(1);
    }
    expect(limiter.currentRate()).toBe(1);
  });
});

describe('rate limiter with an unknown limit', () => {
  it('starts at 10/s and doubles every busy tenth of a second up to its ceiling', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 1000, adaptive: true, now: clock.now, sleep: clock.sleep });
    expect(limiter.currentRate()).toBe(10);
    const start = clock.now();
    while (clock.now() - start < 200) await limiter.acquire();
    expect(limiter.currentRate()).toBeGreaterThan(30);
    for (let i = 0; i < 5000; i += 1) await limiter.acquire();
    expect(limiter.currentRate()).toBe(1000);
  });

  it('does not grow while nothing waits on it (the client is held back by its concurrency)', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 1000, adaptive: true, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 20; i += 1) {
      await limiter.acquire();
      await clock.sleep(500);
    }
    expect(limiter.currentRate()).toBe(10);
  });

  it('lets waiters go as soon as the probed rate allows, not when the starting rate would have', async () => {
    const clock = virtualClock();
    const limiter = createRateLimiter({ maxRps: 1000, adaptive: true, now: clock.now, sleep: clock.sleep });
    const started = clock.now();
    // Sixteen requests at a time, as the client runs: booked at 10/s, the sixteenth alone would wait 1.5 s.
    await clock.runAll(
      Array.from({ length: 16 }, () => async () => {
        for (let i = 0; i < 20; i += 1) await limiter.acquire();
      }),
    );
    // 320 starts while the rate doubles every 100 ms from 10/s take about 0.8 s.
    expect(clock.now() - started).toBeLessThan(1000);
  });

  it('halves the probed rate at the first 429, then cuts by a quarter', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 1000, adaptive: true, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 60; i += 1) await limiter.acquire();
    const probed = limiter.currentRate();
    limiter.throttled(0);
    expect(limiter.currentRate()).toBe(probed / 2);
    await clock.sleep(1);
    limiter.throttled(0);
    expect(limiter.currentRate()).toBe((probed / 2) * 0.75);
  });
});

/**
 * A collection on virtual time: `requests` GETs through the limiter, 16 in flight, each answered after `latencyMs`
 * by a server bucket; a refused one waits for the bucket's Retry-After (whole seconds) and is sent again.
 */
async function collectAgainstBucket(options: { maxRps: number; adaptive: boolean; bucket: RateLimit; requests: number; latencyMs: number }) {
  const clock = virtualClock();
  const limiter = createRateLimiter({ maxRps: options.maxRps, adaptive: options.adaptive, now: clock.now, sleep: clock.sleep });
  const bucket = createBucket(options.bucket, clock.now);
  const started = clock.now();
  let left = options.requests;
  let refused = 0;
  await clock.runAll(
    Array.from({ length: 16 }, () => async () => {
      while (left > 0) {
        left -= 1;
        for (;;) {
          await limiter.acquire();
          const sentAt = clock.now();
          const answer = bucket.take();
          await clock.sleep(options.latencyMs);
          if (answer.allowed) {
            limiter.accepted();
            break;
          }
          refused += 1;
          limiter.throttled(answer.retryAfterSeconds * 1000, sentAt);
        }
      }
    }),
  );
  const boundMs = (options.requests / options.bucket.requestsPerSecond) * 1000;
  return { ratio: (clock.now() - started) / boundMs, refused };
}

describe('rate limiter against a server bucket (virtual time)', () => {
  it('with an unknown limit and a small bucket (20 at 200/s) stays within 1.15 × the bound, learning the limit from the accepted rate', async () => {
    // Shorter collections are dominated by the probe and its first Retry-After (a whole second), whatever follows.
    for (const requests of [8_000, 20_000]) {
      const run = await collectAgainstBucket({ maxRps: Number.POSITIVE_INFINITY, adaptive: true, bucket: { requestsPerSecond: 200, burst: 20 }, requests, latencyMs: 35 });
      expect(run.ratio, `${requests} requests`).toBeLessThanOrEqual(1.15);
      expect(run.refused, `${requests} requests`).toBeLessThan(0.01 * requests);
    }
  });

  it('with the limit known stays within 1.05 × the bound and meets no 429', async () => {
    const run = await collectAgainstBucket({ maxRps: 200, adaptive: false, bucket: { requestsPerSecond: 200, burst: 20 }, requests: 2_000, latencyMs: 35 });
    expect(run.refused).toBe(0);
    expect(run.ratio).toBeLessThanOrEqual(1.05);
  });
});
