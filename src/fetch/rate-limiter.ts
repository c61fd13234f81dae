/**
 * A client-side rate shared by every request of a run. PingOne limits per licence (600/min for the configuration
 * group) and per source IP (35 % of that by default). With a known limit the rate runs at it; with an unknown one it
 * probes upward until PingOne answers 429.
 */
export interface RateLimiter {
  /**
   * Resolves when the next request may start, with `sent`: call it as the request goes out (undici writes its
   * headers). The start then counts in the second from that moment, not from when it was allowed: a request may wait
   * milliseconds in between (for a connection of undici's pool, behind other answers' JSON on a busy machine), and 101-107
   * requests went out in one real second at --max-rps 100 while the starts as allowed never held more than 100.
   */
  acquire(): Promise<Sent>;
  /**
   * A 429 (or a 503 with Retry-After) to a request sent at `sentAt`. The refused request waits `pauseMs` itself (the
   * caller's part: PingOne documents Retry-After as the wait before retrying that request); the others go on, at a
   * lower rate when the refusal follows from the rate. A `quota` refusal (PingOne's `QUOTA_EXCEEDED`) never does. A
   * storm (at least three refusals, and over a fifth of the last second's answers) halves the rate, as does the probe's
   * first 429 with an unknown limit. Fewer refusals start a trial (the rate drops to four fifths of what was sent until
   * the answers tell): two in a second at a trusted rate (the limit as given until a storm, then the most starts in a
   * second that met no refusal), after a wait that doubles, up to 16 s, with each trial that found the refusals were not
   * the rate; one above it (within two seconds of a storm, one above it halves the rate as a storm does). A trial whose
   * rate meets a refusal before any answer lowers it once more. Refusals of requests sent before the last storm's cut are that
   * storm and cut nothing more; so are those, short of a new storm, of requests sent after it until an answer to one sent
   * after it is accepted (requests sent before the cut can reach a loaded server after the first ones sent at the cut rate,
   * and take what its bucket refills). With no rate to lower (no limit) or the rate at its floor, nothing starts for `pauseMs`.
   */
  throttled(pauseMs: number, sentAt?: number, cause?: RefusalCause): void;
  /** An answer to a request sent at `sentAt` that was not a 429: the rate PingOne accepts is measured from these. */
  accepted(sentAt?: number): void;
  /** The rate in force, in requests per second (infinite with no limit to keep). */
  currentRate(): number;
}

/**
 * Why PingOne refused a request, from the 429 body's `details[].code`: `limit` (`LIMIT_EXCEEDED`, or no code: the rate)
 * or `quota` (`QUOTA_EXCEEDED`, with `innerError.quotaLimit` and `quotaResetTime`: a licence's quota, not the rate of
 * this client). Sources: a 429 is `REQUEST_LIMITED` with `Retry-After` (developer.pingidentity.com, PingOne Platform
 * APIs → Rate Limiting); its body has `details[].code` and `innerError` (→ Error codes, "Detail-level error messages");
 * the two detail codes of a 429 are PingOne's `TooManyRequestsErrorDetailCode` (pingidentity/pingone-go-client,
 * generated from the Platform API's specification).
 */
export type RefusalCause = 'limit' | 'quota';

/** Dates a start allowed by `acquire` at the moment its request went out (now); calling it again changes nothing. */
export type Sent = () => void;

/**
 * The clock the limiter runs on outside tests: ms since the epoch, with the fractions of a millisecond that `Date.now`
 * drops, and monotonic (`performance.timeOrigin + performance.now()`).
 */
export const preciseNow = (): number => performance.timeOrigin + performance.now();

export interface RateLimiterOptions {
  /** The limit to keep to (infinite: none, only Retry-After pauses); when `adaptive`, the ceiling of the probe. */
  maxRps: number;
  /** The limit is unknown: start at `initialRps` and double every busy tenth of a second until the first 429. */
  adaptive?: boolean;
  /** Starting rate when adaptive (default `adaptiveStartRps`). */
  initialRps?: number;
  /** In ms; `preciseNow` outside tests (see `secondFreeAt`). */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Floor of the rate (default 0.5/s). */
  minRps?: number;
}

// A storm halves the rate: the rate that met it is over the limit, by an unknown share. The rate then climbs back
// quickly (doubling every `regrowDoublingMs`) to nine tenths of the rate that met the storm, and from there creeps.
// A 429 costs only the refused request its Retry-After; a rate left far under the limit costs every request.
const cutFactor = 0.5;
const regrowShare = 0.9;
const regrowDoublingMs = 200;
// After a cut, the rate holds this long before it climbs: the answers to what was sent before the cut are still arriving.
const regrowHoldMs = 100;
// Above its regrow target the rate climbs by this share per second, once a second has passed without a 429.
const creepPerSecond = 0.05;
const creepHoldMs = 1_000;
// A probe that the rate holds back sends about half its last rate over `sentWindowMs` (it doubles every tenth of a second).
// One that sent under this share of it was held back by something else (its concurrency, the collector's order of reads,
// a loaded CPU), as TCP calls a sender that does not fill its window application-limited (RFC 7661): what it sent is no
// measure of the limit, and the regrow target drawn from it can sit far under it (real medium runs held at 100-150/s
// against 200/s, 1.3-1.8x the bound). Above the target the rate then climbs by this share per second until the next cut.
const applicationLimitedShare = 0.25;
const applicationLimitedCreepPerSecond = 0.25;
/**
 * Where a probe for an unknown limit starts, in requests per second: PingOne's Configuration rate group allows 10/s for a
 * whole licence (one IP 35 % of it by default: 3.5/s), so a probe from here is at most three times over the smallest
 * limit it meets. Starting at 40/s and doubling every 50 ms (issue 19, eighth session) brought the small organization's
 * bucket-of-20 run from 1.33x to 1.20-1.27x its bound, still over 1.15x, but answered 3-5 of its 250 requests 429 in
 * a third of the real runs (never more than 2 from here), and cost a 10/s limit with no burst a quarter more time: it
 * was reverted. Sources: developer.pingidentity.com, PingOne Platform APIs → Rate Limiting → Base rate limits
 * (Configuration, `rlgConfigRpm`: 600/minute); docs.pingidentity.com, PingOne → Settings → Rate Limits and Allowed IPs
 * (an IP address: 35 % of the licence's rate by default).
 */
export const adaptiveStartRps = 10;
// While probing, the rate doubles every tenth of a second (about a round trip to PingOne, as TCP's slow start doubles
// per round trip): a collection of a few hundred requests must not end before the probe has.
const probeDoublingMs = 100;
// While probing, a waiter looks again this often: the rate may have doubled since it started waiting.
const probeRecheckMs = 20;
// The client may run this far ahead of its schedule: enough to make up for a late timer, too little to
// empty a server bucket that holds a fraction of a second's requests (PingOne does not say how much its
// holds). Bursting a whole second into a simulated bucket of 20 at 200/s met 429 after 429, each with a
// Retry-After pause of at least a second: wall time five times the bound.
const burstWindowMs = 50;
// The probe's first 429 also caps the rate at what PingOne accepted in this window before it (at least a quarter second
// of it): a deep server bucket lets the probe run far past the limit, and half of that would still be far over it.
const acceptedWindowMs = 1_000;
const minMeasureMs = 250;
// A storm is judged against the rate the client really sent at in this window before it.
const sentWindowMs = 250;
// Refusals that do not follow from the rate (a shared licence's burst, a proxy) come alone: at 5 % of requests at random
// and 25/s, a second holds six or more refusals about once in 800. A storm refuses a fixed share of what goes over the
// limit: above a fifth of the last second's answers (and at least three), the rate is over it whatever came before.
const stormShare = 0.2;
const stormRefusals = 3;
// Refusals under the storm share may still be the rate: a rate up to a quarter over the limit refuses under a fifth of
// what it sends (a --max-rps of 60 against 50/s met 543 refusals in 3,000 requests, never cut). So they start a trial:
// the rate drops to four fifths of what was sent, below any limit the storm rule missed, and holds while the answers to
// what is sent at it come back. Refusals that vanish (`trialAnswers` answers with none: at 5 % of requests refused at
// random, one chance in a hundred) were the rate: it stays cut. Refusals that go on were not: the rate is restored, up to
// what was sent in the second before the trial.
const trialFactor = 0.8;
const trialAnswers = 90;
// At a trusted rate a trial needs two refusals in a second, waits this long after the last trial that restored the rate
// (doubling each time: random refusals would otherwise keep the rate in trials), and this long after a storm. The wait
// stops doubling at `trialBackoffCapMs`: a limit that drops under the rate after minutes of random refusals (another
// client on the same licence) must still be found, within that wait, not after an hour.
const trialRefusals = 2;
const trialBackoffMs = 2_000;
const trialBackoffCapMs = 16_000;
// Within this time of a storm (or of the probe's first 429), a refusal over the trusted rate cuts as a storm does: the
// rate is climbing back to where it met the limit. Later, such a refusal starts a trial at once.
const trialAfterStormMs = 2_000;

/**
 * The run's rate limiter: rates in requests per second, times in ms of `now`; throws nothing. PingOne answers a request
 * over its licence's limit with 429 and a `Retry-After` in whole seconds, the delay before retrying that request
 * (developer.pingidentity.com, PingOne Platform APIs → Rate Limiting, and → Retries: best practice for managing
 * transient API errors); the refused request waits it (the caller), and this limiter lowers the rate for the others.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { maxRps, now, sleep } = options;
  const minRps = Math.min(options.minRps ?? 0.5, maxRps);
  const startedAt = now();
  let probing = options.adaptive === true;
  let rate = probing ? Math.min(maxRps, options.initialRps ?? adaptiveStartRps) : maxRps;
  // What the rate climbs back to quickly after a storm; above it, it creeps.
  let regrowTarget = rate;
  // How fast the rate climbs above its regrow target, per second.
  let creepShare = creepPerSecond;
  // The last cut for a storm (refusals of requests sent before it are that storm), and the last storm or probe's end.
  let lastCut = Number.NEGATIVE_INFINITY;
  // Whether an answer to a request sent after the last cut was accepted yet: until one is, the server's bucket may still be
  // empty from before the cut (requests sent before it can reach the server after the first ones sent at the cut rate).
  let acceptedSinceCut = true;
  let lastStorm = Number.NEGATIVE_INFINITY;
  let lastUpdate = startedAt;
  let lastWait = Number.NEGATIVE_INFINITY;
  let pausedUntil = 0;
  // Reservation style (GCRA): each caller books the next free start time, so waiting needs no polling loop.
  let theoreticalArrival = 0;
  // Counts the cuts: a start booked before one is booked again at the cut rate.
  let cuts = 0;
  // When answers were accepted, oldest first, as far back as `acceptedWindowMs`.
  const acceptedAt: number[] = [];
  // When answers were refused for the rate, oldest first, as far back as a second.
  const refusedAt: number[] = [];
  // Refusals of requests sent at up to this rate (starts in a second) need two in a second to start a trial; above it one
  // does. With a known limit: the limit, as the user said, until a cut lowers it to the cut rate; raised by each second
  // that meets no refusal. An unknown limit trusts only a rate whose refusals a trial found were not the rate: raised by
  // clean seconds, its creep would run past the limit.
  const judged = options.adaptive !== true;
  let trustedRate = judged ? maxRps : 0;
  // When requests started, oldest first, as far back as `sentWindowMs`.
  const starts: number[] = [];
  // When requests started in the last second, oldest first: running ahead of the schedule must never put more than
  // --max-rps requests in one second (at --max-rps 4, a fifth start 950 ms after the first went over a limit of 4). The
  // ceiling, not the current rate: after a cut, what was sent at the old rate must not hold the next second back.
  const lastSecond: number[] = [];
  // The trial in progress, if any: the rate it dropped from, and the answers to requests sent since it began.
  let trial: Trial | undefined;
  let nextTrialAt = Number.NEGATIVE_INFINITY;
  let nextTrialBackoffMs = trialBackoffMs;

  const grow = (time: number) => {
    // Only a rate in use grows: a client held back by its concurrency must not bank a rate it never tried. A trial's rate
    // holds until the answers tell.
    const busy = time - lastWait < 1_000;
    if (busy && rate < maxRps && trial === undefined) {
      if (probing) {
        const from = Math.max(lastUpdate, pausedUntil);
        if (time > from) rate = Math.min(maxRps, rate * 2 ** ((time - from) / probeDoublingMs));
      } else if (rate < regrowTarget) {
        const from = Math.max(lastUpdate, lastCut + regrowHoldMs, pausedUntil);
        if (time > from) rate = Math.min(regrowTarget, rate * 2 ** ((time - from) / regrowDoublingMs));
      } else {
        const from = Math.max(lastUpdate, lastCut + creepHoldMs, pausedUntil);
        if (time > from) rate = Math.min(maxRps, rate * (1 + (creepShare * (time - from)) / 1000));
      }
    }
    lastUpdate = time;
  };

  /**
   * Answers accepted per second in the window before `time`; undefined when under a quarter second of it has passed or
   * none was accepted (answers slower than the window say nothing about the rate).
   */
  const acceptedRate = (time: number): number | undefined => {
    const from = Math.max(time - acceptedWindowMs, startedAt);
    dropBefore(acceptedAt, from);
    return time - from < minMeasureMs || acceptedAt.length === 0 ? undefined : (acceptedAt.length * 1000) / (time - from);
  };

  /**
   * Requests started per second in the `sentWindowMs` before `time`: what the client really sent, which its concurrency
   * and the collector's order of reads may keep far under the rate it was allowed (a probe not held back grows past any
   * limit); undefined before a window has passed.
   */
  const sentRate = (time: number): number | undefined => {
    dropBefore(starts, time - sentWindowMs);
    return time - startedAt < sentWindowMs ? undefined : (starts.length * 1000) / sentWindowMs;
  };

  const noteStart = (time: number): Sent => {
    note(starts, time, time - sentWindowMs);
    lastSecond.push(time);
    // `sent` moves the start to when it went out, where it belongs in `lastSecond` (oldest first).
    let dated = false;
    return () => {
      if (dated) return;
      dated = true;
      const sentAt = now();
      if (sentAt <= time) return;
      // A start that waited over a second to go out has left `lastSecond` already: it counts again, from now.
      const index = lastSecond.lastIndexOf(time);
      if (index !== -1) lastSecond.splice(index, 1);
      let at = lastSecond.length;
      while (at > 0 && lastSecond[at - 1]! > sentAt) at -= 1;
      lastSecond.splice(at, 0, sentAt);
    };
  };

  /**
   * The earliest time from `time` on at which a start keeps every second within `maxRps` requests. Exact only on a clock
   * that keeps fractions of a millisecond (`preciseNow`): on `Date.now` a start read at t may really be t + 0.9, so a
   * second closed at t + 1000 was 999.x ms, and a burst at each end put 27 requests in one real second at --max-rps 25.
   */
  const secondFreeAt = (time: number): number => {
    dropBefore(lastSecond, time - 1000);
    const held = lastSecond.length - Math.max(1, Math.floor(maxRps));
    return held < 0 ? time : Math.max(time, lastSecond[held]! + 1000);
  };

  /**
   * Waits, without booking anything, until a start now keeps the last second within `maxRps`, and notes it in the same
   * step: no other waiter can then see the second free between the look and the start.
   */
  const startInSecond = async (): Promise<Sent> => {
    for (let time = now(), free = secondFreeAt(time); ; time = now(), free = secondFreeAt(time)) {
      if (free <= time) return noteStart(time);
      await sleep(free - time);
    }
  };

  /** How far ahead of its schedule the client may run at `perSecond`. */
  const burstTolerance = (perSecond: number) => Math.min(burstWindowMs, (1000 / perSecond) * Math.max(0, Math.floor(perSecond) - 1));

  /** Starts in the second before `time`. */
  const startsInSecond = (time: number): number => {
    dropBefore(lastSecond, time - 1000);
    return lastSecond.length;
  };

  /**
   * Refusals among the answers of the last second (since the last cut, if later: what came before it was judged), and
   * whether they make a storm: at least `stormRefusals`, and over `stormShare` of the answers.
   */
  const refusals = (time: number) => {
    const from = Math.max(time - 1000, lastCut);
    dropBefore(refusedAt, from);
    dropBefore(acceptedAt, from);
    const refused = refusedAt.length;
    return { refused, storm: refused >= stormRefusals && refused > stormShare * (refused + acceptedAt.length) };
  };

  /** Lowers the rate to `to` from `time` on: what was booked at the old rate is booked again, one interval on, with no burst. */
  const cutTo = (time: number, to: number) => {
    rate = Math.max(minRps, to);
    creepShare = creepPerSecond;
    cuts += 1;
    theoreticalArrival = time + 1000 / rate + burstTolerance(rate);
  };

  /** The refusal at `time` (already noted), with no storm: starts a trial if it may follow from the rate. */
  const maybeStartTrial = (time: number) => {
    const overTrusted = startsInSecond(time) > trustedRate;
    if (!overTrusted && (refusals(time).refused < trialRefusals || time < Math.max(nextTrialAt, lastStorm + trialAfterStormMs))) return;
    const sent = Math.min(rate, sentRate(time) ?? rate);
    trial = { at: time, rateBefore: rate, startsBefore: startsInSecond(time), regrowTargetBefore: regrowTarget, accepted: 0, refused: 0 };
    cutTo(time, sent * trialFactor);
  };

  /** Ends the trial when the answers to what was sent since it began tell whether its refusals were the rate. */
  const judgeTrial = (time: number, current: Trial): void => {
    if (current.refused > 0 && current.accepted === 0) {
      // Refused before anything sent at the trial's rate was accepted: still over the limit, if it is the rate. Lower again.
      current.at = time;
      current.refused = 0;
      cutTo(time, rate * trialFactor);
    } else if (current.refused > 0) {
      // Not the rate: back to where it was, and trusted there; but no higher than what was sent in the second before the
      // trial (a --max-rps never reached, restored, chained trials that each put it back), climbing from there by creeping.
      trial = undefined;
      rate = Math.min(current.rateBefore, Math.max(rate, current.startsBefore));
      // With an unknown limit, refusals that are not the rate say nothing of where it is: climb on quickly.
      regrowTarget = judged ? Math.min(current.regrowTargetBefore, rate) : Math.min(maxRps, 2 * current.rateBefore);
      trustedRate = Math.max(trustedRate, current.startsBefore);
      nextTrialAt = time + nextTrialBackoffMs;
      nextTrialBackoffMs = Math.min(trialBackoffCapMs, 2 * nextTrialBackoffMs);
      cuts += 1;
      theoreticalArrival = Math.min(theoreticalArrival, time);
    } else if (current.accepted >= trialAnswers) {
      // The rate: it stays cut, and is trusted only up to the trial's rate.
      trial = undefined;
      regrowTarget = rate;
      trustedRate = Math.min(trustedRate, rate);
    }
  };

  const pauseEveryone = (until: number) => {
    pausedUntil = Math.max(pausedUntil, until);
    theoreticalArrival = Math.max(theoreticalArrival, pausedUntil);
  };

  return {
    async acquire() {
      if (rate === Number.POSITIVE_INFINITY) {
        // No limit to keep (the demo's own simulator): only a server's Retry-After holds a request back.
        const pause = pausedUntil - now();
        if (pause > 0) await sleep(pause);
        return unlimited;
      }
      for (;;) {
        const time = now();
        grow(time);
        const interval = 1000 / rate;
        const start = Math.max(time, pausedUntil, theoreticalArrival - burstTolerance(rate), secondFreeAt(time));
        if (start <= time) {
          theoreticalArrival = Math.max(theoreticalArrival, start) + interval;
          return noteStart(time);
        }
        lastWait = time;
        if (!probing) {
          theoreticalArrival = Math.max(theoreticalArrival, start) + interval;
          const bookedAt = cuts;
          await sleep(start - time);
          if (cuts !== bookedAt) continue;
          // Others woken at the same time may have filled the second meanwhile.
          return startInSecond();
        }
        // A start booked at a probing rate would hold even after the rate had doubled twice: book nothing yet.
        await sleep(Math.min(start - time, probeRecheckMs));
      }
    },
    throttled(pauseMs, sentAt, cause = 'limit') {
      // A spent quota is no rate to lower: only the refused request waits (the caller).
      if (cause === 'quota') return;
      const time = now();
      if (rate === Number.POSITIVE_INFINITY || rate <= minRps) {
        pauseEveryone(time + pauseMs);
        return;
      }
      // A request sent before the last cut met the storm that caused it.
      if ((sentAt ?? time) <= lastCut) return;
      note(refusedAt, time, time - 1000);
      const { storm } = refusals(time);
      if (storm) lastStorm = time;
      // Sent after the cut but before anything sent at the cut rate was accepted: the bucket the cut left empty.
      if (!storm && !acceptedSinceCut) return;
      if (!probing && !storm && (time >= lastStorm + trialAfterStormMs || startsInSecond(time) <= trustedRate)) {
        if (trial === undefined) maybeStartTrial(time);
        else if ((sentAt ?? time) > trial.at) {
          trial.refused += 1;
          judgeTrial(time, trial);
        }
        return;
      }
      const allowed = trial?.rateBefore ?? rate;
      const before = Math.min(allowed, sentRate(time) ?? allowed);
      const applicationLimited = probing && before < allowed * applicationLimitedShare;
      trial = undefined;
      rate = Math.max(minRps, before * cutFactor);
      if (probing) {
        const accepted = acceptedRate(time);
        if (accepted !== undefined) rate = Math.max(minRps, Math.min(rate, accepted));
        probing = false;
        lastStorm = time;
      }
      regrowTarget = Math.max(rate, before * regrowShare);
      trustedRate = Math.min(trustedRate, rate);
      // The cut rate starts now, one interval on, with no burst: the server's bucket is empty.
      cutTo(time, rate);
      if (applicationLimited) creepShare = applicationLimitedCreepPerSecond;
      lastCut = time;
      acceptedSinceCut = false;
    },
    accepted(sentAt) {
      const time = now();
      note(acceptedAt, time, time - acceptedWindowMs);
      if ((sentAt ?? time) > lastCut) acceptedSinceCut = true;
      if (trial !== undefined && (sentAt ?? time) > trial.at) {
        trial.accepted += 1;
        judgeTrial(time, trial);
      }
      if (judged && trial === undefined && refusals(time).refused === 0) trustedRate = Math.max(trustedRate, startsInSecond(time));
    },
    currentRate: () => rate,
  };
}

/** With no limit to keep, no start is counted. */
const unlimited: Sent = () => undefined;

/** A trial of whether refusals follow from the rate: the rate before it, and the answers to what was sent since `at`. */
interface Trial {
  at: number;
  rateBefore: number;
  /** Starts in the second before it: trusted again if its refusals were not the rate. */
  startsBefore: number;
  regrowTargetBefore: number;
  accepted: number;
  refused: number;
}

/**
 * Adds `time` to `times` (oldest first); past 8,192 of them, drops those before `from`, the start of the window they
 * are kept for, so that a long run without a 429 (which would trim them) keeps the list short.
 */
function note(times: number[], time: number, from: number): void {
  times.push(time);
  if (times.length > 8_192) dropBefore(times, from);
}

/** Removes the times before `from` from the front of `times` (oldest first). */
function dropBefore(times: number[], from: number): void {
  const firstKept = times.findIndex((time) => time >= from);
  times.splice(0, firstKept === -1 ? times.length : firstKept);
}
