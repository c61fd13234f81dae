import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createRateLimiter, preciseNow, type RateLimiter, type RefusalCause } from '../../src/fetch/rate-limiter.js';
import { seededRandom } from '../../src/simulator/seeded-random.js';
import { createRateLimiter as createBucket, type RateLimit } from '../../src/simulator/rate-limiter.js';
import { fakeClock, mostInASecond } from './stub-server.js';

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

/** Three refusals of requests sent at `sentAt`, answered now with nothing accepted: a storm, whatever the limit. */
function storm(limiter: RateLimiter, sentAt?: number): void {
  for (let i = 0; i < 3; i += 1) limiter.throttled(1000, sentAt);
}

describe('rate limiter with a known limit', () => {
  // b22 counted 104-107 requests created in one real second at --max-rps 100: `Date.now` reads whole milliseconds, and a
  // request may go out milliseconds after it was allowed. Now the limiter reads `preciseNow`, and counts each start
  // from when its request went out (`sent`). Real timers, six waiters; each dates its start as it stamps it.
  it('never lets more than --max-rps 100 requests go out in any real second, on real timers', async () => {
    const limiter = createRateLimiter({ maxRps: 100, now: preciseNow, sleep: (ms) => delay(ms) });
    const wentOut: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (wentOut.length < 130) {
          const sent = await limiter.acquire();
          wentOut.push(performance.now());
          sent();
        }
      }),
    );
    expect(mostInASecond(wentOut.sort((a, b) => a - b))).toBeLessThanOrEqual(100);
  });

  // A request may wait in undici's pool for a connection (a slow TLS handshake) after the limiter allowed it. Once the
  // limiter has looked a second past it, its start has left the last second: going out, it must count there again.
  it('counts a start that went out over a second after it was allowed from when it went out, once', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 1, now: clock.now, sleep: clock.sleep });
    const sentLate = await limiter.acquire();
    await clock.sleep(1200);
    await limiter.acquire();
    await clock.sleep(100);
    sentLate();
    const wentOut = clock.now();
    await clock.sleep(100);
    // Dated already: a second call moves nothing.
    sentLate();
    await limiter.acquire();
    expect(clock.now() - wentOut).toBe(1000);
  });

  it.each([4, 10, 15, 200])('never starts more than --max-rps %i requests in any second, running ahead of its schedule or not', async (maxRps) => {
    const clock = virtualClock();
    const limiter = createRateLimiter({ maxRps, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    await clock.runAll(
      Array.from({ length: 6 }, () => async () => {
        for (let i = 0; i < maxRps; i += 1) {
          await limiter.acquire();
          starts.push(clock.now());
        }
      }),
    );
    // The most starts in a second [t, t + 1000) that opens at one of them.
    const busiest = Math.max(...starts.map((from) => starts.filter((start) => start >= from && start < from + 1000).length));
    expect(busiest).toBe(maxRps);
  });

  it('spaces requests at the rate, running at most 50 ms ahead of its schedule and never past the rate in a second', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 4, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 6; i += 1) await limiter.acquire();
    // The fifth start waits until a second after the first (not 950 ms), the sixth a second after the second.
    expect(clock.waits).toEqual([200, 250, 250, 300, 200]);
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

  it('halves the rate once per storm; only the refused request waits its Retry-After, the others go on', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 10, now: clock.now, sleep: clock.sleep });
    await limiter.acquire();
    const sentBeforeTheStorm = clock.now();
    await clock.sleep(10);
    // At the known limit, one refusal may be chance; a second in the second starts a trial at four fifths of the rate; the
    // third with no answer accepted is a storm, and halves the rate the trial started from.
    limiter.throttled(2000, sentBeforeTheStorm);
    expect(limiter.currentRate()).toBe(10);
    limiter.throttled(2000, sentBeforeTheStorm);
    expect(limiter.currentRate()).toBe(8);
    limiter.throttled(2000, sentBeforeTheStorm);
    expect(limiter.currentRate()).toBe(5);
    // Other requests that were already in flight meet the same storm: no further cut.
    limiter.throttled(2000, sentBeforeTheStorm);
    expect(limiter.currentRate()).toBe(5);
    await limiter.acquire();
    expect(clock.waits.at(-1)).toBeLessThan(2000);
  });

  it('cuts again when a request sent after the cut is refused too, so a storm cannot meet the same rate twice', async () => {
    // The CI failure this guards (b91308e): storms after the first were taken for the old one, the rate never dropped,
    // and the same requests met 429 until they ran out of attempts.
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 500, now: clock.now, sleep: clock.sleep });
    const firstRound = clock.now();
    await clock.sleep(1);
    storm(limiter, firstRound);
    await clock.sleep(3);
    limiter.throttled(1000, firstRound);
    expect(limiter.currentRate()).toBe(250);
    await limiter.acquire();
    const sentAfterTheCut = clock.now();
    await clock.sleep(1);
    storm(limiter, sentAfterTheCut);
    expect(limiter.currentRate()).toBe(125);
  });

  it('books starts made before a cut again at the cut rate, one interval after it and with no burst', async () => {
    const clock = virtualClock();
    const limiter = createRateLimiter({ maxRps: 200, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    let cutAt = 0;
    await clock.runAll([
      ...Array.from({ length: 16 }, () => async () => {
        for (let i = 0; i < 10; i += 1) {
          await limiter.acquire();
          starts.push(clock.now());
        }
      }),
      async () => {
        await clock.sleep(100);
        cutAt = clock.now();
        storm(limiter, cutAt - 1);
      },
    ]);
    // Until the rate climbs again (a tenth of a second on), at 100/s: ten ms apart, none at the old spacing.
    const after = starts.filter((start) => start > cutAt && start <= cutAt + 100);
    expect(after.length).toBeGreaterThan(5);
    expect(after[0]! - cutAt).toBeGreaterThanOrEqual(10);
    for (let i = 1; i < after.length; i += 1) expect(after[i]! - after[i - 1]!).toBeGreaterThanOrEqual(10 - 1e-9);
  });

  it('climbs back quickly to nine tenths of the rate that met the storm, then creeps to the limit', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 100, now: clock.now, sleep: clock.sleep });
    await clock.sleep(1);
    storm(limiter);
    expect(limiter.currentRate()).toBe(50);
    const cut = clock.now();
    while (clock.now() - cut < 500) await limiter.acquire();
    expect(limiter.currentRate()).toBe(90);
    for (let i = 0; i < 1000; i += 1) await limiter.acquire();
    expect(limiter.currentRate()).toBe(100);
  });

  it('a trial keeps its cut when the refusals vanish at the lower rate, and restores the rate when they go on', async () => {
    const clock = fakeClock();
    const vanish = createRateLimiter({ maxRps: 50, now: clock.now, sleep: clock.sleep });
    await clock.sleep(1);
    vanish.throttled(1000, clock.now());
    vanish.throttled(1000, clock.now());
    expect(vanish.currentRate()).toBe(40);
    // Answers to what was sent before the trial say nothing of its rate: ninety answers sent after it, none refused.
    for (let i = 0; i < 200; i += 1) vanish.accepted(clock.now() - 1);
    expect(vanish.currentRate()).toBe(40);
    for (let i = 0; i < 90; i += 1) {
      await vanish.acquire();
      vanish.accepted(clock.now());
    }
    expect(vanish.currentRate()).toBe(40);

    const persist = createRateLimiter({ maxRps: 50, now: clock.now, sleep: clock.sleep });
    // A second sent at the limit: a restore goes back to no more than was sent before the trial.
    for (let i = 0; i < 50; i += 1) await persist.acquire();
    persist.throttled(1000, clock.now());
    persist.throttled(1000, clock.now());
    expect(persist.currentRate()).toBe(40);
    // Twenty answers, then a refusal: three in the second, but no storm (not over a fifth of the answers).
    for (let i = 0; i < 20; i += 1) {
      await persist.acquire();
      persist.accepted(clock.now());
    }
    await persist.acquire();
    persist.throttled(1000, clock.now());
    expect(persist.currentRate()).toBe(50);
    // The next trial at the trusted rate waits: two more refusals now change nothing.
    persist.throttled(1000, clock.now());
    persist.throttled(1000, clock.now());
    expect(persist.currentRate()).toBe(50);
  });

  // A full-suite run at load 9 met five refusals of one path (faults.test.ts, --max-rps 500 against a bucket of 2 at 20/s):
  // a trial cut from a --max-rps never sent at restored it, and refusals over the trusted rate chained trials that
  // restored the rate each time. In virtual time with the event loop stalled 300 ms a second, 60 seeds: up to 6 refusals
  // of one request before, up to 4 after (67baa44: 3).
  it('a trial restores no more than the rate sent in the second before it, and the rate climbs from there by creeping', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 500, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 20; i += 1) {
      await limiter.acquire();
      await clock.sleep(50);
    }
    limiter.throttled(1000, clock.now() - 1);
    limiter.throttled(1000, clock.now() - 1);
    expect(limiter.currentRate()).toBeLessThan(20);
    // Fifteen answers at the trial's rate, then a refusal: no storm (under a fifth of the answers), so not the rate.
    for (let i = 0; i < 15; i += 1) {
      await limiter.acquire();
      limiter.accepted(clock.now());
    }
    await limiter.acquire();
    limiter.throttled(1000, clock.now());
    expect(limiter.currentRate()).toBeGreaterThanOrEqual(16);
    expect(limiter.currentRate()).toBeLessThanOrEqual(20);
    // Busy for a second after it: a creep of a twentieth, not a climb back to 500.
    for (let i = 0; i < 20; i += 1) await limiter.acquire();
    expect(limiter.currentRate()).toBeLessThanOrEqual(21);
  });

  it('at its floor, a 429 makes every request wait out the Retry-After (nothing is accepted: a quota spent)', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 10, now: clock.now, sleep: clock.sleep, minRps: 1 });
    for (let i = 0; i < 20; i += 1) {
      await clock.sleep(1);
      limiter.throttled(0);
    }
    expect(limiter.currentRate()).toBe(1);
    limiter.throttled(5000);
    await limiter.acquire();
    expect(clock.waits.at(-1)).toBeGreaterThanOrEqual(5000);
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

  it("at the probe's first 429 halves the rate it really sent at, or drops to what PingOne accepted in the last second if that is lower", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 100_000, adaptive: true, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    while (starts.length < 60 || clock.now() - starts[0]! < 250) {
      await limiter.acquire();
      starts.push(clock.now());
    }
    const sentInTheLastQuarterSecond = starts.filter((start) => start >= clock.now() - 250).length;
    expect(limiter.currentRate()).toBeGreaterThan(4 * sentInTheLastQuarterSecond);
    limiter.throttled(0);
    expect(limiter.currentRate()).toBe((4 * sentInTheLastQuarterSecond) / 2);

    const deep = createRateLimiter({ maxRps: 100_000, adaptive: true, now: clock.now, sleep: clock.sleep });
    const started = clock.now();
    const acceptedAt: number[] = [];
    while (clock.now() - started < 1000) {
      await deep.acquire();
      if (clock.now() - started < 500) {
        deep.accepted();
        acceptedAt.push(clock.now());
      }
    }
    // A deep server bucket let the probe run far past the limit: the answers accepted in the last second, not half the probe.
    const acceptedInTheLastSecond = acceptedAt.filter((at) => at >= clock.now() - 1000).length;
    expect(deep.currentRate() / 2).toBeGreaterThan(4 * acceptedInTheLastSecond);
    deep.throttled(1000);
    expect(deep.currentRate()).toBe(acceptedInTheLastSecond);
  });

  it.for([
    { held: 'by its reads (clumps of 20 every 150 ms)', clumps: true, climbsPast: true },
    { held: 'by the rate', clumps: false, climbsPast: false },
  ])('a probe held back $held: after its cut the rate climbs past nine tenths of what it sent (a quarter a second) or creeps (5 %)', async ({ clumps, climbsPast }) => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 100_000, adaptive: true, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    const start = async () => {
      await limiter.acquire();
      starts.push(clock.now());
    };
    const probeStarted = clock.now();
    while (clock.now() - probeStarted < 900) {
      if (clumps) {
        for (let i = 0; i < 20; i += 1) await start();
        await clock.sleep(150);
      } else await start();
    }
    const sent = 4 * starts.filter((at) => at >= clock.now() - 250).length;
    limiter.throttled(1000, clock.now());
    const cut = clock.now();
    while (clock.now() - cut < 2500) await start();
    if (climbsPast) expect(limiter.currentRate()).toBeGreaterThan(1.1 * sent);
    else expect(limiter.currentRate()).toBeLessThan(0.9 * 1.1 * sent);
  });

  it("after the probe's cut, refusals of what was sent before anything sent at the cut rate was accepted cut nothing more, unless they make a storm", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 100_000, adaptive: true, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 60; i += 1) await limiter.acquire();
    limiter.throttled(1000, clock.now());
    const cutRate = limiter.currentRate();
    // Requests sent before the cut reach the server late and take what its bucket refills: the first sent after it is refused.
    await limiter.acquire();
    const firstAfterTheCut = clock.now();
    await clock.sleep(2);
    limiter.throttled(1000, firstAfterTheCut);
    expect(limiter.currentRate()).toBe(cutRate);
    // Once an answer to a request sent at the cut rate is accepted, a refusal speaks of that rate again.
    await limiter.acquire();
    const accepted = clock.now();
    await limiter.acquire();
    const refused = clock.now();
    await clock.sleep(30);
    limiter.accepted(accepted);
    limiter.throttled(1000, refused);
    const secondCut = limiter.currentRate();
    expect(secondCut).toBeLessThan(cutRate);
    // A storm is the rate, accepted answer or not.
    await limiter.acquire();
    const sentAfterTheSecondCut = clock.now();
    await clock.sleep(2);
    storm(limiter, sentAfterTheSecondCut);
    expect(limiter.currentRate()).toBeLessThan(secondCut);
  });
});

/**
 * A collection on virtual time: `requests` GETs through the limiter, 16 in flight (or `concurrency`), each accepted one answered after
 * `latencyMs`. The server bucket refuses before any work, as the simulator does, so a 429 comes back at once; the
 * refused request waits its own Retry-After (whole seconds) and is sent again, while the others go on.
 */
async function collectAgainstBucket(options: {
  maxRps: number;
  adaptive: boolean;
  bucket: RateLimit;
  requests: number;
  latencyMs: number;
  /** Requests in flight at once (default 16, the benchmark's client; the CLI's `--concurrency` is 6). */
  concurrency?: number;
  /** Share of the requests the bucket admits that are refused anyway, at random (seeded), with a Retry-After of a second. */
  randomRefusals?: { share: number; cause: RefusalCause; seed: number };
  /** After this many answered requests the server's limit drops to `bucket` (and random refusals stop): another client on the licence. */
  limitDrop?: { afterRequests: number; bucket: RateLimit };
  /** Each request reaches the server's bucket up to this many ms after it was sent (seeded): a loaded server reads late. */
  arrivalLag?: { maxMs: number; seed: number };
}) {
  const clock = virtualClock();
  const limiter = createRateLimiter({ maxRps: options.maxRps, adaptive: options.adaptive, now: clock.now, sleep: clock.sleep });
  const firstBucket = createBucket(options.bucket, clock.now);
  const droppedBucket = options.limitDrop === undefined ? undefined : createBucket(options.limitDrop.bucket, clock.now);
  let answered = 0;
  let refusedAfterDrop = 0;
  const random = seededRandom(options.randomRefusals?.seed ?? 1);
  const lag = seededRandom(options.arrivalLag?.seed ?? 1);
  const started = clock.now();
  let cuts = 0;
  // When each cut came, in ms from the start.
  const cutAt: number[] = [];
  let lowestRate = limiter.currentRate();
  let left = options.requests;
  let refused = 0;
  // When each 429 came, in ms from the start.
  const refusedAt: number[] = [];
  await clock.runAll(
    Array.from({ length: options.concurrency ?? 16 }, () => async () => {
      while (left > 0) {
        left -= 1;
        for (;;) {
          await limiter.acquire();
          const sentAt = clock.now();
          if (options.arrivalLag !== undefined) await clock.sleep(Math.floor(lag() * (options.arrivalLag.maxMs + 1)));
          const dropped = droppedBucket !== undefined && answered >= (options.limitDrop?.afterRequests ?? 0);
          const answer = (dropped ? droppedBucket : firstBucket).take();
          const atRandom = !dropped && answer.allowed && random() < (options.randomRefusals?.share ?? 0);
          if (answer.allowed && !atRandom) {
            await clock.sleep(options.latencyMs);
            limiter.accepted(sentAt);
            answered += 1;
            break;
          }
          const retryAfterSeconds = answer.allowed ? 1 : answer.retryAfterSeconds;
          await clock.sleep(1);
          refused += 1;
          refusedAt.push(clock.now() - started);
          if (dropped) refusedAfterDrop += 1;
          const rateBefore = limiter.currentRate();
          limiter.throttled(retryAfterSeconds * 1000, sentAt, atRandom ? options.randomRefusals?.cause : 'limit');
          if (limiter.currentRate() < rateBefore) {
            cuts += 1;
            cutAt.push(clock.now() - started);
          }
          lowestRate = Math.min(lowestRate, limiter.currentRate());
          await clock.sleep(retryAfterSeconds * 1000);
        }
      }
    }),
  );
  // The last request leaves at the rate and is answered a latency later.
  const boundMs = ((options.requests - 1) / Math.min(options.maxRps, options.bucket.requestsPerSecond)) * 1000 + options.latencyMs;
  return { ratio: (clock.now() - started) / boundMs, wallMs: clock.now() - started, boundMs, refusedAt, refused, refusedAfterDrop, cuts, cutAt, lowestRate, finalRate: limiter.currentRate() };
}

interface BucketCase {
  bucket: RateLimit;
  /** Omitted: the limit is unknown (`--adaptive-rate`). */
  maxRps?: number;
  requests: number;
  /** `limit unknown` or `--max-rps N`, for the test's name. */
  mode?: string;
  /** Wall time ÷ the rate bound. */
  maxRatio: number;
  maxRefused: number;
}

const tiny: RateLimit = { requestsPerSecond: 20, burst: 2 };
const small: RateLimit = { requestsPerSecond: 200, burst: 20 };
const deep: RateLimit = { requestsPerSecond: 40, burst: 40 };
const large: RateLimit = { requestsPerSecond: 200, burst: 200 };

describe('rate limiter against a server bucket (virtual time)', () => {
  // Limit unknown: a short run pays the probe and, where the probe's 429 comes, one Retry-After (a second) for the
  // requests it refused; a long run (twenty seconds of requests) stays near the bound with few 429s.
  it.for<BucketCase>(
    [
      { bucket: tiny, requests: 200, maxRatio: 1.15, maxRefused: 8 },
      { bucket: tiny, requests: 400, maxRatio: 1.15, maxRefused: 12 },
      // A one-second run: the probe's 429 costs its requests a second whatever the others do (issue 19's small organization).
      { bucket: small, requests: 200, maxRatio: 2.25, maxRefused: 4 },
      { bucket: small, requests: 4_000, maxRatio: 1.05, maxRefused: 40 },
      { bucket: deep, requests: 200, maxRatio: 1, maxRefused: 8 },
      { bucket: deep, requests: 800, maxRatio: 1.05, maxRefused: 16 },
      { bucket: large, requests: 200, maxRatio: 1, maxRefused: 0 },
      { bucket: large, requests: 4_000, maxRatio: 1.05, maxRefused: 40 },
      // Limit known and right: no 429 at all.
      ...[tiny, small, deep, large].flatMap((bucket) =>
        [200, 20 * bucket.requestsPerSecond].map((requests) => ({ bucket, maxRps: bucket.requestsPerSecond, requests, maxRatio: 1.02, maxRefused: 0 })),
      ),
      // Limit known and wrong (500/s): the first burst is refused, then the rate comes down to the server's in a few cuts
      // (it used to drop to a tenth of it and creep back half a request per second per second).
      { bucket: tiny, maxRps: 500, requests: 200, maxRatio: 1.3, maxRefused: 32 },
      { bucket: tiny, maxRps: 500, requests: 400, maxRatio: 1.2, maxRefused: 36 },
      { bucket: small, maxRps: 500, requests: 200, maxRatio: 1.1, maxRefused: 8 },
      { bucket: small, maxRps: 500, requests: 4_000, maxRatio: 1.05, maxRefused: 40 },
      // A known limit is trusted: its first storm needs three refusals and a fifth of the second's answers, which a deep
      // bucket's first second of accepted answers dilutes (20 and 26 refusals when any refusal cut the rate).
      { bucket: deep, maxRps: 500, requests: 200, maxRatio: 1, maxRefused: 32 },
      { bucket: deep, maxRps: 500, requests: 800, maxRatio: 1.05, maxRefused: 38 },
    ].map((bucketCase: BucketCase) => ({ ...bucketCase, mode: bucketCase.maxRps === undefined ? 'limit unknown' : `--max-rps ${bucketCase.maxRps}` })),
  )('$requests requests, bucket $bucket.burst at $bucket.requestsPerSecond/s, $mode: ≤ $maxRatio × the bound, ≤ $maxRefused 429s', async (bucketCase) => {
    const { bucket, maxRps, requests } = bucketCase;
    const run = await collectAgainstBucket({ maxRps: maxRps ?? Number.POSITIVE_INFINITY, adaptive: maxRps === undefined, bucket, requests, latencyMs: 35 });
    expect(run.ratio).toBeLessThanOrEqual(bucketCase.maxRatio);
    expect(run.refused).toBeLessThanOrEqual(bucketCase.maxRefused);
  });
});

describe("after the probe's first 429, requests that reach a loaded server late (virtual time)", () => {
  // The medium organization's 1,250 requests against a bucket of 20 at 200/s, each request reaching the bucket up to 20 ms
  // after it was sent: requests sent before the probe's cut take what the bucket refills after it, and the first sent at
  // the cut rate meet it empty. Taken for the rate, that refusal halved the cut rate again: 1.64-1.66x in three seeds of ten.
  it.for([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('seed %i: one cut for the probe, ≤ 1.15 × the bound, ≤ 1 % 429s', async (seed) => {
    const run = await collectAgainstBucket({ maxRps: Number.POSITIVE_INFINITY, adaptive: true, bucket: small, requests: 1_250, latencyMs: 35, arrivalLag: { maxMs: 20, seed } });
    // Later cuts (trials, the creep meeting the limit) may come; none in the half second after the probe's.
    expect(run.cutAt.filter((at) => at - run.cutAt[0]! <= 500)).toHaveLength(1);
    expect(run.ratio).toBeLessThanOrEqual(1.15);
    expect(run.refused).toBeLessThanOrEqual(12);
  });
});

describe('an unknown limit as small as a PingOne licence allows (virtual time, the CLI: 6 in flight, 100-ms answers)', () => {
  // PingOne's Configuration rate group allows 600 requests a minute (10/s), and one IP address 35 % of it by default
  // (3.5/s): pingone-api.md §6.2. The probe starts at 10/s, up to three times over such a limit, and doubles every busy tenth
  // of a second: each cut at least halves the rate (the first to what was accepted), each paid by one or two refusals of
  // the requests already sent at the old rate: at most 8 in the first 3 s. After that the rate holds under
  // the limit but creeps up 5 % a second, and a refusal brings it back: at most one 429 in a hundred requests.
  it.for([
    { requestsPerSecond: 10, requests: 300 },
    { requestsPerSecond: 3.5, requests: 105 },
  ])('$requestsPerSecond/s, no burst: ≤ 8 429s while the probe comes down, then the rate holds under the limit', async ({ requestsPerSecond, requests }) => {
    const run = await collectAgainstBucket({ maxRps: Number.POSITIVE_INFINITY, adaptive: true, bucket: { requestsPerSecond, burst: 1 }, requests, latencyMs: 100, concurrency: 6 });
    const early = run.refusedAt.filter((at) => at <= 3000).length;
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThanOrEqual(8);
    expect(run.refused - early).toBeLessThanOrEqual(requests / 100);
    expect(run.finalRate).toBeLessThanOrEqual(requestsPerSecond);
    expect(run.ratio).toBeLessThanOrEqual(1.3);
  });
});

describe('refusals that may not follow from the rate (virtual time)', () => {
  // b19c's case: 5 % of requests refused at random with --max-rps 25 took 137 s instead of about 25, each refusal read as
  // the limit and the rate halved. Now only the refused request waits its second, and a trial that finds the refusals go
  // on at four fifths of the rate restores it.
  it.for([1, 2, 3, 4, 5])('5 %% refused at random at --max-rps 25 (seed %i): no storm cut, the rate restored, ≤ 1.15 × the bound', async (seed) => {
    const run = await collectAgainstBucket({ maxRps: 25, adaptive: false, bucket: large, requests: 500, latencyMs: 35, randomRefusals: { share: 0.05, cause: 'limit', seed } });
    expect(run.refused).toBeGreaterThan(10);
    // A trial lowers it to 20/s, and once more to 16/s if refused before any answer at 20/s came back; a storm would halve it.
    expect(run.lowestRate).toBeGreaterThanOrEqual(16 - 1e-9);
    expect(run.finalRate).toBe(25);
    expect(run.ratio).toBeLessThanOrEqual(1.15);
  });

  // r20's case: a --max-rps up to a quarter over what the tenant has left is refused under a fifth of the time, which no
  // storm rule sees: d054a50 never cut it (543, 196 and 90 refusals in 3,000 requests, against 18, 5 and 4 when every
  // refusal cut). A trial finds the refusals vanish at four fifths of the rate. Bound: twice the figures of before d054a50
  // (within the bench's 1 % of 429s), with the server's burst a second of requests or a tenth of one.
  it.for([
    { maxRps: 60, limit: 50, maxRefused: 36 },
    { maxRps: 110, limit: 100, maxRefused: 10 },
    { maxRps: 240, limit: 200, maxRefused: 8 },
  ])('--max-rps $maxRps against $limit/s: cut by a trial, ≤ $maxRefused 429s in 3,000 requests', async ({ maxRps, limit, maxRefused }) => {
    for (const burst of [limit, limit / 10]) {
      const run = await collectAgainstBucket({ maxRps, adaptive: false, bucket: { requestsPerSecond: limit, burst }, requests: 3_000, latencyMs: 35 });
      expect(run.refused).toBeLessThanOrEqual(maxRefused);
      expect(run.ratio).toBeLessThanOrEqual(1.1);
    }
  });

  // r21's case: each trial that restores the rate doubles the wait before the next, so after minutes of random refusals
  // a limit that then drops a little under --max-rps (under the storm share) went uncut: 408 refusals in the next 3,000
  // requests, where a fresh run meets 31. The wait stops doubling at 16 s (30–71 refusals).
  it.for([1, 2])('after 3,000 requests with 5 %% refused at random (seed %i), a limit dropping to 22/s under --max-rps 25 is still cut', async (seed) => {
    const run = await collectAgainstBucket({
      maxRps: 25,
      adaptive: false,
      bucket: large,
      requests: 6_000,
      latencyMs: 35,
      randomRefusals: { share: 0.05, cause: 'limit', seed },
      limitDrop: { afterRequests: 3_000, bucket: { requestsPerSecond: 22, burst: 2 } },
    });
    expect(run.refusedAfterDrop).toBeLessThanOrEqual(100);
    expect(run.finalRate).toBeLessThan(25);
  });

  it('a refusal over the storm share at the known limit still cuts', async () => {
    const run = await collectAgainstBucket({ maxRps: 25, adaptive: false, bucket: large, requests: 500, latencyMs: 35, randomRefusals: { share: 0.4, cause: 'limit', seed: 1 } });
    expect(run.cuts).toBeGreaterThan(0);
  });

  it("PingOne's QUOTA_EXCEEDED never cuts the rate, at any share, nor holds back the other requests", async () => {
    const run = await collectAgainstBucket({ maxRps: 25, adaptive: false, bucket: large, requests: 500, latencyMs: 35, randomRefusals: { share: 0.4, cause: 'quota', seed: 1 } });
    expect(run.refused).toBeGreaterThan(150);
    expect(run.cuts).toBe(0);
    const clock = fakeClock();
    const unlimited = createRateLimiter({ maxRps: Number.POSITIVE_INFINITY, now: clock.now, sleep: clock.sleep });
    unlimited.throttled(5000, clock.now(), 'quota');
    await unlimited.acquire();
    expect(clock.waits).toEqual([]);
  });

  // b20's case: with the limit unknown, each stray refusal after the probe halved the rate and its regrowth stopped at nine
  // tenths of where it was: 3.4 to 6.2 times the bound here. A trial that finds them going on restores the rate.
  it.for([1, 2, 3])('--adaptive-rate, 5 %% refused at random against 25/s (seed %i): ≤ 2 × the bound', async (seed) => {
    const run = await collectAgainstBucket({
      maxRps: Number.POSITIVE_INFINITY,
      adaptive: true,
      bucket: { requestsPerSecond: 25 },
      requests: 500,
      latencyMs: 35,
      randomRefusals: { share: 0.05, cause: 'limit', seed },
    });
    expect(run.ratio).toBeLessThanOrEqual(2);
  });

  it("with an unknown limit the probe's first LIMIT_EXCEEDED refusal is the limit, a QUOTA_EXCEEDED one is not", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ maxRps: 1000, adaptive: true, now: clock.now, sleep: clock.sleep });
    while (limiter.currentRate() < 80) await limiter.acquire();
    limiter.throttled(1000, clock.now(), 'quota');
    expect(limiter.currentRate()).toBeGreaterThanOrEqual(80);
    limiter.throttled(1000, clock.now());
    expect(limiter.currentRate()).toBeLessThan(80);
  });
});
