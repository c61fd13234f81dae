/**
 * A client-side token bucket shared by every request of a run. PingOne limits per licence
 * (600/min for the configuration group) and per source IP (35 % of that by default). With a known
 * limit the bucket runs at it; with an unknown one it probes upward until PingOne answers 429.
 */
export interface RateLimiter {
  /** Resolves when the next request may start. */
  acquire(): Promise<void>;
  /**
   * A 429 (or a 503 with Retry-After) to a request sent at `sentAt`: cut the rate once per storm (answers to requests
   * sent before the last cut are part of the same storm). The refused request waits `pauseMs` itself (the caller's
   * part). With a known limit nothing else starts for `pauseMs` either; with an unknown one the other requests go on at
   * the cut rate unless most answers since the cut were refusals (a window or quota spent, not a bucket drained).
   */
  throttled(pauseMs: number, sentAt?: number): void;
  /** An answer that was not a 429, to a request sent at `sentAt`: the rate PingOne accepts is measured from these. */
  accepted(sentAt?: number): void;
  currentRate(): number;
}

export interface RateLimiterOptions {
  /** The limit to keep to (infinite: none, only Retry-After pauses); when `adaptive`, the ceiling of the probe. */
  maxRps: number;
  /** The limit is unknown: start at `initialRps` and double every busy round trip (a tenth of a second until one is measured) until the first 429. */
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
const defaultInitialRps = 10;
// After a cut, the rate climbs back by this share of the rate it was cut to, per quiet second.
const creepPerSecond = 0.05;
// Shorter than this since the last cut, the accepted rate says too little to act on.
const minMeasureMs = 250;
// While probing, the rate doubles once per round trip (as TCP's slow start does), measured from the answers; a tenth of
// a second until one is measured, and never faster than every 20 ms: a collection of a few hundred requests must not
// end before the probe has.
const probeDoublingMs = { initial: 100, min: 20, max: 100 };
// After the probe's 429 PingOne's bucket is empty, and it accepts exactly its limit from requests sent faster than
// that: the rate is learned from the requests sent during this long after it (at the halved rate), once two round
// trips more have brought their answers (a 429 comes back sooner than an answer with data).
const stormMeasureMs = 100;
const maxSettleMs = 500;
// This many requests sent after the probe's 429 refused, and none accepted, two round trips on: nothing is accepted.
const allRefusedAfter = 4;
// Two refusals closer than this say too little about the limit (a request more or less is a large share of it).
const stormMinSpanMs = 30;
// While probing, a waiter looks again this often: the rate may have doubled since it started waiting.
const probeRecheckMs = 20;
// The client may run this far ahead of its schedule: enough to make up for a late timer, too little to
// empty a server bucket that holds a fraction of a second's requests (PingOne does not say how much its
// holds). Bursting a whole second into a simulated bucket of 20 at 200/s met 429 after 429, each with a
// Retry-After pause of at least a second: wall time five times the bound.
const burstWindowMs = 50;
// With an unknown limit, the rate after a 429 stays this far under the rate PingOne was measured to accept then:
// every further 429 holds its request back a Retry-After (a second or more) and cuts the rate again, far more than
// 5 % of the rate costs.
const learnedMargin = 0.95;
// A learned limit is trusted this long without a 429, then allowed to rise by 1 % every 5 seconds (the licence's
// share of other clients may have freed up).
const learnedHoldMs = 30_000;

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { maxRps, now, sleep } = options;
  const minRps = Math.min(options.minRps ?? 0.5, maxRps);
  const recoveryDelayMs = options.recoveryDelayMs ?? 1_000;
  let probing = options.adaptive === true;
  // Adaptive only: after the probe's 429, the requests sent since `from` and how PingOne answered them.
  let storm: { from: number; accepted: number[]; refused: number[] } | undefined;
  // Adaptive only: the round trip of an accepted answer, smoothed (ms).
  let roundTripMs: number | undefined;
  let rate = probing ? Math.min(maxRps, options.initialRps ?? defaultInitialRps) : maxRps;
  // Adaptive only, while probing: when requests started, as far back as one round trip.
  const probeStarts: number[] = [];
  let step = maxRps * creepPerSecond * 2;
  let lastCut = Number.NEGATIVE_INFINITY;
  let lastUpdate = now();
  // A measurement never looks back past the limiter's start: the time before it was not refused, only unused.
  const startedAt = lastUpdate;
  let lastWait = Number.NEGATIVE_INFINITY;
  let pausedUntil = 0;
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

  /**
   * The probe's next rate: doubled per round trip, but never past twice what was actually started in the last round
   * trip (TCP's slow start grows by what was acknowledged, not by time alone): while the client waits on answers before
   * it can ask more, the rate must not run ahead to where the first 429 comes from a burst far over the limit.
   */
  const probeRate = (time: number, from: number): number => {
    const doublingMs = Math.min(probeDoublingMs.max, Math.max(probeDoublingMs.min, roundTripMs ?? probeDoublingMs.initial));
    while (probeStarts.length > 0 && probeStarts[0]! < time - doublingMs) probeStarts.shift();
    const used = Math.max(options.initialRps ?? defaultInitialRps, (probeStarts.length * 1000) / doublingMs);
    return Math.min(ceiling(time), Math.max(rate, Math.min(2 * used, rate * 2 ** ((time - from) / doublingMs))));
  };

  const grow = (time: number) => {
    const from = Math.max(lastUpdate, lastCut + recoveryDelayMs, pausedUntil);
    // Only a rate in use grows: a client held back by its concurrency must not bank a rate it never tried.
    const busy = time - lastWait < 1_000;
    if (rate < ceiling(time) && busy && time > from && storm === undefined) {
      rate = probing ? probeRate(time, from) : Math.min(ceiling(time), rate + (step * (time - from)) / 1000);
    }
    lastUpdate = time;
  };

  /**
   * Answers accepted per second over the `windowMs` before `time`, not counting a Retry-After pause (nothing was
   * sent then); undefined when less than a quarter second of sending is left to measure.
   */
  const acceptedRate = (time: number, windowMs: number): number | undefined => {
    // Still inside a pause, there is nothing to measure; after one, only what was sent since it ended counts.
    const from = Math.max(time - windowMs, Math.min(pausedUntil, time), startedAt);
    while (acceptedAt.length > 0 && acceptedAt[0]! < from) acceptedAt.shift();
    return time - from < minMeasureMs ? undefined : (acceptedAt.length * 1000) / (time - from);
  };

  const pauseEveryone = (until: number) => {
    pausedUntil = Math.max(pausedUntil, until);
    theoreticalArrival = Math.max(theoreticalArrival, pausedUntil);
  };

  /**
   * Once the requests sent in the measure after the probe's 429 are answered. PingOne's bucket was empty when it
   * refused the probe and again when it refused the last of these: in between it accepted exactly what it refilled, so
   * the requests accepted among those sent between the two refusals, per second between them, are its limit (pauses in
   * the client's sending do not bias it, as they would a plain count of answers). No refusal a while after the probe's:
   * the halved rate is under the limit and creeps up from there. Refusals and no acceptance: no rate is accepted now
   * (a window or quota spent, not a bucket refilling), and every request waits out the pause.
   */
  const learnFromStorm = (time: number, pauseMs: number) => {
    if (storm === undefined) return;
    const { from, accepted, refused } = storm;
    // Slow answers (a large page, a slow link) must not stretch the measure, sending at the halved rate all along.
    const settleMs = Math.min(maxSettleMs, 2 * (roundTripMs ?? probeDoublingMs.initial));
    const allRefused = accepted.length === 0 && refused.filter((sent) => sent <= time - settleMs).length >= allRefusedAfter;
    if (time - from < stormMeasureMs + settleMs && !allRefused) return;
    storm = undefined;
    if (allRefused || (accepted.length === 0 && refused.length > 0)) {
      rate = Math.max(minRps, rate * cutFactor);
      step = Math.max(minRps, rate * creepPerSecond);
      lastCut = time;
      pauseEveryone(time + pauseMs);
      return;
    }
    lastCut = time;
    const lastRefused = refused.reduce((last, sent) => (sent <= time - settleMs ? Math.max(last, sent) : last), from);
    if (lastRefused - from < stormMinSpanMs) return;
    learnedRps = Math.max(minRps, (accepted.filter((sent) => sent <= lastRefused).length * 1000) / (lastRefused - from));
    rate = Math.max(minRps, Math.min(maxRps, learnedRps * learnedMargin));
    step = Math.max(minRps, rate * creepPerSecond);
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
          if (probing) probeStarts.push(start);
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
      if (probing) {
        // The probe's answer: halve, and measure what PingOne accepts of what is sent from now on.
        probing = false;
        rate = Math.max(minRps, rate * probeCutFactor);
        step = Math.max(minRps, rate * creepPerSecond);
        lastCut = time;
        storm = { from: time, accepted: [], refused: [] };
        return;
      }
      if (storm !== undefined) {
        if (sent >= storm.from) {
          storm.refused.push(sent);
          learnFromStorm(time, pauseMs);
        }
        return;
      }
      let pauseAll = options.adaptive !== true;
      if (sent > lastCut && sent >= pausedUntil) {
        // Refused again after a cut, when most answers since it were refusals: the client is far
        // over the limit, and the rate PingOne accepted since the cut is the best estimate of it
        // (one step there, not twenty cuts). Occasional 429s only cut by a quarter.
        const sinceCut = time - lastCut;
        const farOver = refusedSinceCut > acceptedSinceCut && Number.isFinite(sinceCut) && sinceCut >= minMeasureMs;
        if (farOver) pauseAll = true;
        const acceptedSince = farOver ? (acceptedSinceCut * 1000) / sinceCut : Number.POSITIVE_INFINITY;
        rate = Math.max(minRps, Math.min(rate * cutFactor, acceptedSince));
        if (options.adaptive === true) {
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
        lastCut = time;
        acceptedSinceCut = 0;
        refusedSinceCut = 0;
      } else {
        refusedSinceCut += 1;
      }
      if (pauseAll) pauseEveryone(time + pauseMs);
    },
    accepted(sentAt) {
      acceptedSinceCut += 1;
      if (options.adaptive !== true) return;
      const time = now();
      acceptedAt.push(time);
      if (sentAt !== undefined) {
        roundTripMs = roundTripMs === undefined ? time - sentAt : 0.875 * roundTripMs + 0.125 * (time - sentAt);
        if (storm !== undefined && sentAt >= storm.from) {
          storm.accepted.push(sentAt);
          learnFromStorm(time, 0);
        }
      }
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
