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
  it('starts at 10/s and, before a round trip is measured, doubles every busy tenth of a second up to its ceiling', async () => {
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

  it('halves the probed rate at the first 429, then learns the limit from what PingOne accepted between two refusals', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 1000, adaptive: true, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 60; i += 1) await limiter.acquire();
    const probed = limiter.currentRate();
    limiter.throttled(1000, clock.now());
    expect(limiter.currentRate()).toBe(probed / 2);
    // Sent over the next 240 ms, one each 4 ms (250/s): every fifth refused at once until the client slows down at
    // 160 ms, the others answered 30 ms later.
    // Between the probe's 429 and the last refusal PingOne accepted 200/s, and the client keeps 5 % under it.
    const from = clock.now();
    const answers = Array.from({ length: 60 }, (_, n) => ({ sentAt: from + 4 * (n + 1), refused: (n + 1) % 5 === 0 && n < 40 }))
      .map((request) => ({ ...request, at: request.sentAt + (request.refused ? 0 : 30) }))
      .sort((a, b) => a.at - b.at);
    for (const answer of answers) {
      await clock.sleep(answer.at - clock.now());
      if (answer.refused) limiter.throttled(1000, answer.sentAt);
      else limiter.accepted(answer.sentAt);
      if (answer.at < from + 100) expect(limiter.currentRate()).toBe(probed / 2);
    }
    expect(limiter.currentRate()).toBeCloseTo(200 * 0.95, 6);
  });

  it("does not let slow answers stretch the measure after the probe's 429 past about half a second", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 1000, adaptive: true, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 60; i += 1) await limiter.acquire();
    // The probe's answers took 400 ms.
    limiter.accepted(clock.now() - 400);
    limiter.throttled(1000, clock.now());
    const halved = limiter.currentRate();
    const from = clock.now();
    // One request each 4 ms (250/s) for 600 ms, every fifth refused at once, the others answered 400 ms later.
    const answers = Array.from({ length: 150 }, (_, n) => ({ sentAt: from + 4 * (n + 1), refused: (n + 1) % 5 === 0 }))
      .map((request) => ({ ...request, at: request.sentAt + (request.refused ? 0 : 400) }))
      .sort((a, b) => a.at - b.at);
    let learnedAt: number | undefined;
    for (const answer of answers) {
      await clock.sleep(answer.at - clock.now());
      if (answer.refused) limiter.throttled(1000, answer.sentAt);
      else limiter.accepted(answer.sentAt);
      if (learnedAt === undefined && limiter.currentRate() !== halved) learnedAt = clock.now() - from;
    }
    // Two round trips (800 ms) after a tenth of a second would be 900 ms; the measure ends after 600 at most.
    expect(learnedAt).toBeLessThanOrEqual(620);
    expect(limiter.currentRate()).toBeCloseTo(200 * 0.95, 6);
  });

  it('with every request refused after the probe (a window or quota spent) holds every request back for the Retry-After', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 1000, adaptive: true, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 60; i += 1) await limiter.acquire();
    limiter.throttled(5000, clock.now());
    const waitsBefore = clock.waits.length;
    for (let i = 0; i < 30; i += 1) {
      await clock.sleep(10);
      limiter.throttled(5000, clock.now() - 1);
    }
    const held = clock.now();
    await limiter.acquire();
    expect(clock.now() - held).toBeGreaterThanOrEqual(4900);
    expect(clock.waits.length).toBeGreaterThan(waitsBefore);
  });

  it("after the probe's 429 the others go on: only the refused request waits its Retry-After", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 1000, adaptive: true, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 60; i += 1) await limiter.acquire();
    limiter.throttled(1000, clock.now());
    const before = clock.now();
    await limiter.acquire();
    expect(clock.now() - before).toBeLessThan(100);
  });
});

/**
 * A collection on virtual time: `levels[i]` GETs that can only start once every GET of the level before has been answered
 * (token, then environments, then their lists, then one read per item), 16 in flight, through the limiter to a server
 * bucket. An accepted GET is answered after 20–50 ms (seeded), a refused one at once; a refused GET waits out the
 * bucket's Retry-After (whole seconds) itself, as the http client does, and is sent again.
 */
async function collectAgainstBucket(options: { maxRps: number; adaptive: boolean; bucket: RateLimit; levels: number[] }) {
  const clock = virtualClock();
  const limiter = createRateLimiter({ maxRps: options.maxRps, adaptive: options.adaptive, now: clock.now, sleep: clock.sleep });
  const bucket = createBucket(options.bucket, clock.now);
  const started = clock.now();
  let seed = 7;
  const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
  let refused = 0;
  const get = async () => {
    for (;;) {
      await limiter.acquire();
      const sentAt = clock.now();
      const answer = bucket.take();
      if (answer.allowed) {
        await clock.sleep(20 + random() * 30);
        limiter.accepted(sentAt);
        return;
      }
      refused += 1;
      limiter.throttled(answer.retryAfterSeconds * 1000, sentAt);
      await clock.sleep(answer.retryAfterSeconds * 1000);
    }
  };
  await clock.runAll([
    async () => {
      for (const level of options.levels) {
        let left = level;
        const worker = async () => {
          for (; left > 0; left -= 1) await get();
        };
        await Promise.all(Array.from({ length: Math.min(16, level) }, worker));
      }
    },
  ]);
  const requests = options.levels.reduce((sum, level) => sum + level, 0);
  // As the bench's: the token answered before anything else can be asked, the rest at the limit, the last answered a mean latency after it left.
  const boundMs = ((requests - 1) / options.bucket.requestsPerSecond) * 1000 + 2 * 35;
  return { ratio: (clock.now() - started) / boundMs, refused };
}

// The bench's organizations as levels: small (~218 requests, a bound of 1.1 s), medium (~1,107), and two long runs.
const shapes = { small: [1, 2, 22, 193], medium: [1, 2, 66, 1038], large: [1, 2, 220, 7500], huge: [1, 2, 66, 20_000] };

describe('rate limiter against a server bucket (virtual time)', () => {
  it('with an unknown limit and a small bucket (20 at 200/s) learns the limit from its first storm: near the bound on long runs, few 429s on all', async () => {
    // A short run cannot hide the probe's refused requests, each waiting a whole-second Retry-After of its own.
    const limits = { small: 1.3, medium: 1.2, large: 1.06, huge: 1.06 };
    for (const [name, levels] of Object.entries(shapes)) {
      const run = await collectAgainstBucket({ maxRps: Number.POSITIVE_INFINITY, adaptive: true, bucket: { requestsPerSecond: 200, burst: 20 }, levels });
      expect(run.ratio, name).toBeLessThanOrEqual(limits[name as keyof typeof shapes]);
      expect(run.refused, name).toBeLessThanOrEqual(16);
    }
  });

  it('with an unknown limit and a bucket of a second (200 at 200/s) stays within 1.12 × the bound', async () => {
    for (const [name, levels] of Object.entries(shapes)) {
      const run = await collectAgainstBucket({ maxRps: Number.POSITIVE_INFINITY, adaptive: true, bucket: { requestsPerSecond: 200, burst: 200 }, levels });
      expect(run.ratio, name).toBeLessThanOrEqual(1.12);
      expect(run.refused, name).toBeLessThanOrEqual(32);
    }
  });

  it('with the limit known never meets a 429 from a bucket of 20 and stays within 1.05 × the bound (1.12 on the small run)', async () => {
    // Here every level waits for the whole level before it, a longer chain than the collector's (whose reads of an
    // environment's apps start as soon as its app list is in): on a one-second run that chain is a tenth of it.
    for (const [name, levels] of Object.entries(shapes)) {
      const run = await collectAgainstBucket({ maxRps: 200, adaptive: false, bucket: { requestsPerSecond: 200, burst: 20 }, levels });
      expect(run.refused, name).toBe(0);
      expect(run.ratio, name).toBeLessThanOrEqual(name === 'small' ? 1.12 : 1.05);
    }
  });
});
