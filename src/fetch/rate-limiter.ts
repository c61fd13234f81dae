/**
 * A client-side token bucket shared by every request of a run. PingOne limits per licence
 * (600/min for the configuration group) and per source IP (35 % of that by default). With a known
 * limit the bucket runs at it; with an unknown one it probes upward until PingOne answers 429.
 */
export interface RateLimiter {
  /** Resolves when the next request may start. */
  acquire(): Promise<void>;
  /**
   * A 429 (or a 503 with Retry-After) to a request sent at `sentAt`: cut the rate once per storm
   * (answers to requests sent before the last cut are part of the same storm) and let nothing start for `pauseMs`.
   */
  throttled(pauseMs: number, sentAt?: number): void;
  /** An answer that was not a 429: the rate PingOne accepts is measured from these. */
  accepted(): void;
  currentRate(): number;
}

export interface RateLimiterOptions {
  /** The limit to keep to (infinite: none, only Retry-After pauses); when `adaptive`, the ceiling of the probe. */
  maxRps: number;
  /** The limit is unknown: start at `initialRps` and double every busy tenth of a second until the first 429. */
  adaptive?: boolean;
  /** Starting rate when adaptive (default 10/s, within PingOne's per-IP share of a small licence). */
  initialRps?: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Floor of the rate (default 0.5/s). */
  minRps?: number;
  /** Quiet time after a 429 before the rate creeps back up (default 1 s). */
  recoveryDelayMs?: number;
}

// A cut keeps three quarters of the rate: a token bucket (PingOne's and the simulator's) lets a
// client run a little over its limit for a while, so the rate that met a 429 is close to right.
const cutFactor = 0.75;
// While probing the rate may have doubled past the limit: halve it instead.
const probeCutFactor = 0.5;
// After a cut, the rate climbs back by this share of the rate it was cut to, per quiet second.
const creepPerSecond = 0.05;
// Shorter than this since the last cut, the accepted rate says too little to act on.
const minMeasureMs = 250;
// While probing, the rate doubles every tenth of a second (about one round trip to PingOne, as TCP's slow
// start doubles per round trip): a collection of a few hundred requests must not end before the probe has.
const probeGrowthPerSecond = 2 ** 10;
// While probing, a waiter looks again this often: the rate may have doubled since it started waiting.
const probeRecheckMs = 20;
// The client may run this far ahead of its schedule: enough to make up for a late timer, too little to
// empty a server bucket that holds a fraction of a second's requests (PingOne does not say how much its
// holds). Bursting a whole second into a simulated bucket of 20 at 200/s met 429 after 429, each with a
// Retry-After pause of at least a second: wall time five times the bound.
const burstWindowMs = 50;
// A timer may fire a millisecond before the clock reads its due time: a request sent then was still sent after the pause.
const timerSlackMs = 5;
// With an unknown limit, the rate after a 429 stays this far under the rate PingOne was measured to accept then:
// every further 429 pauses every request for its Retry-After (a second or more), far more than 5 % of the rate costs.
const learnedMargin = 0.95;
// A learned limit is trusted this long without a 429, then allowed to rise by 1 % every 5 seconds (the licence's
// share of other clients may have freed up).
const learnedHoldMs = 30_000;

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { maxRps, now, sleep } = options;
  const minRps = Math.min(options.minRps ?? 0.5, maxRps);
  const recoveryDelayMs = options.recoveryDelayMs ?? 1_000;
  let probing = options.adaptive === true;
  let rate = probing ? Math.min(maxRps, options.initialRps ?? 10) : maxRps;
  let step = maxRps * creepPerSecond * 2;
  let lastCut = Number.NEGATIVE_INFINITY;
  let lastUpdate = now();
  let lastWait = Number.NEGATIVE_INFINITY;
  let pausedUntil = 0;
  // When the pause of the last storm's first refusal ended. Its other refusals, answered a few ms later, push
  // `pausedUntil` on by those ms; the retries sent when the first pause ended must still count as a new storm.
  let stormPauseEnd = 0;
  // Answers since the last cut: accepted, and refused by the storm that caused it.
  let acceptedSinceCut = 0;
  let refusedSinceCut = 0;
  // Reservation style (GCRA): each caller books the next free start time, so waiting needs no polling loop.
  let theoreticalArrival = 0;
  // Adaptive only: the rate PingOne was last measured to accept (answers in the seconds before a 429, pauses aside).
  let learnedRps = Number.POSITIVE_INFINITY;
  // Adaptive only: when answers were accepted, oldest first, as far back as a measurement looks.
  const acceptedAt: number[] = [];

  const ceiling = (time: number) => {
    if (learnedRps === Number.POSITIVE_INFINITY) return maxRps;
    const relaxed = 1 + Math.max(0, time - lastCut - learnedHoldMs) / 500_000;
    return Math.min(maxRps, learnedRps * learnedMargin * relaxed);
  };

  const grow = (time: number) => {
    const from = Math.max(lastUpdate, lastCut + recoveryDelayMs, pausedUntil);
    // Only a rate in use grows: a client held back by its concurrency must not bank a rate it never tried.
    const busy = time - lastWait < 1_000;
    const cap = ceiling(time);
    if (rate < cap && busy && time > from) {
      const seconds = (time - from) / 1000;
      rate = Math.min(cap, probing ? rate * probeGrowthPerSecond ** seconds : rate + step * seconds);
    }
    lastUpdate = time;
  };

  /**
   * Answers accepted per second over the `windowMs` before `time`, not counting a Retry-After pause (nothing was
   * sent then); undefined when less than a quarter second of sending is left to measure.
   */
  const acceptedRate = (time: number, windowMs: number): number | undefined => {
    // Still inside a pause, there is nothing to measure; after one, only what was sent since it ended counts.
    const from = Math.max(time - windowMs, Math.min(pausedUntil, time));
    while (acceptedAt.length > 0 && acceptedAt[0]! < from) acceptedAt.shift();
    return time - from < minMeasureMs ? undefined : (acceptedAt.length * 1000) / (time - from);
  };

  return {
    async acquire() {
      if (rate === Number.POSITIVE_INFINITY) {
        // No limit to keep (the demo's own simulator): only a server's Retry-After holds a request back.
        const pause = pausedUntil - now();
        if (pause > 0) await sleep(pause);
        return;
      }
      for (;;) {
        const time = now();
        grow(time);
        const interval = 1000 / rate;
        const burstTolerance = Math.min(burstWindowMs, interval * Math.max(0, Math.floor(rate) - 1));
        const start = Math.max(time, pausedUntil, theoreticalArrival - burstTolerance);
        if (start > time) lastWait = time;
        if (start <= time || !probing) {
          theoreticalArrival = Math.max(theoreticalArrival, start) + interval;
          if (start > time) await sleep(start - time);
          return;
        }
        // A start booked at a probing rate would hold even after the rate had doubled twice: book nothing yet.
        await sleep(Math.min(start - time, probeRecheckMs));
      }
    },
    throttled(pauseMs, sentAt) {
      const time = now();
      // A request sent during a pause (it had booked its start before the pause began) meets the same storm.
      const sent = sentAt ?? time;
      if (sent > lastCut && sent >= stormPauseEnd - timerSlackMs) {
        // Refused again after a cut, when most answers since it were refusals: the client is far
        // over the limit, and the rate PingOne accepted since the cut is the best estimate of it
        // (one step there, not twenty cuts). Occasional 429s only cut by a quarter.
        const sinceCut = time - lastCut;
        const farOver = refusedSinceCut > acceptedSinceCut && Number.isFinite(sinceCut) && sinceCut >= minMeasureMs;
        const acceptedSince = farOver ? (acceptedSinceCut * 1000) / sinceCut : Number.POSITIVE_INFINITY;
        rate = Math.max(minRps, Math.min(rate * (probing ? probeCutFactor : cutFactor), acceptedSince));
        if (options.adaptive === true && !probing) {
          // What PingOne accepted in the last Retry-After window (two seconds at least) is its limit, give or take
          // the burst its bucket allowed: keep under it from now on, rather than creep into the next 429. The
          // probe's own 429 says less: the probe was still speeding up through that second.
          const measured = acceptedRate(time, Math.max(2_000, pauseMs));
          if (measured !== undefined) {
            learnedRps = Math.max(minRps, Math.min(learnedRps, measured));
            rate = Math.max(minRps, Math.min(maxRps, learnedRps * learnedMargin));
          }
        }
        step = Math.max(minRps, rate * creepPerSecond);
        probing = false;
        lastCut = time;
        stormPauseEnd = time + pauseMs;
        acceptedSinceCut = 0;
        refusedSinceCut = 0;
      } else {
        refusedSinceCut += 1;
      }
      pausedUntil = Math.max(pausedUntil, time + pauseMs);
      theoreticalArrival = Math.max(theoreticalArrival, pausedUntil);
    },
    accepted() {
      acceptedSinceCut += 1;
      if (options.adaptive !== true) return;
      const time = now();
      acceptedAt.push(time);
      // A measurement looks back a few seconds at most: keep the list short through a long run without a 429.
      if (acceptedAt.length > 8_192)
        acceptedAt.splice(
          0,
          acceptedAt.findIndex((at) => at >= time - 10_000),
        );
    },
    currentRate: () => rate,
  };
}
