import { seededRandom } from './seeded-random.js';

/**
 * Kinds the `random` fault may draw from. `rateLimited` is a 429 whose body says `LIMIT_EXCEEDED` (the rate) although the
 * bucket had room, as a licence shared with other clients does; `quotaExceeded` one that says `QUOTA_EXCEEDED`.
 */
export type RandomFaultKind = 'serverError' | 'reset' | 'slow' | 'malformed' | 'rateLimited' | 'quotaExceeded';

/**
 * Faults to inject, deterministic for a given `seed` and request order. Patterns match the request path: for the API
 * the path under `/v1` (`/environments/{*}/users`), for the auth server the full path
 * (`/{envId}/as/token`). In a pattern `*` stands for one path segment and `**` for any number;
 * the query string is ignored. A fault without a pattern applies to API requests only.
 */
export interface FaultPlan {
  /** Seed of the PRNG behind `random` (default 1). */
  seed?: number;
  /** Every matching API request is answered 403 ACCESS_FAILED / INSUFFICIENT_PERMISSIONS (after a valid token). */
  forbidden?: string[];
  /** The first `count` matching requests get `status` (default 503, which carries `Retry-After: 1`). */
  serverErrors?: { pattern?: string; count: number; status?: 500 | 502 | 503 };
  /** The first `count` matching requests have their socket destroyed without an answer. */
  resets?: { pattern?: string; count: number };
  /** The first `count` matching requests are answered `delayMs` late. */
  slow?: { pattern?: string; delayMs: number; count: number };
  /** The first `count` matching requests get a 200 whose JSON body is cut in half. */
  malformed?: { pattern: string; count: number };
  /** Paged lists on matching paths never end: the last page's `next` points back at the first page's cursor. */
  pagingCycle?: string;
  /** Matching API requests are answered 200 `{}`, as a proxy or captive portal that answers everything might. */
  bareObject?: string;
  /**
   * Paged lists on matching paths get a `next` link on another origin (default
   * `https://evil.example`), even when the list fits in one page. A collector must not follow it.
   */
  foreignNextLink?: string | { pattern: string; origin?: string };
  /**
   * Matching requests (API or auth server; the pattern is required) are refused with `status` (default 403) and
   * an error body that echoes the request line, every header and the body, as some gateways and token
   * endpoints do: `message`, `details[].message` and `error_description` all carry it.
   */
  echoRequest?: string | { pattern: string; status?: number };
  /** The first token issued answers 401 INVALID_TOKEN after this many API calls; later tokens live normally. */
  tokenExpiresAfterRequests?: number;
  /** For soak runs: each API request meets one of `kinds` with probability `rate` (0–1). */
  random?: { rate: number; kinds: RandomFaultKind[]; slowDelayMs?: number };
}

/** What happens to one request. */
export interface RequestFaults {
  reset?: boolean;
  serverError?: 500 | 502 | 503;
  rateLimited?: boolean;
  quotaExceeded?: boolean;
  forbidden?: boolean;
  delayMs: number;
  malformed?: boolean;
  pagingCycle?: boolean;
  bareObject?: boolean;
  foreignOrigin?: string;
  /** Status of an answer that echoes the request. */
  echoStatus?: number;
}

/** Decides the faults of each request from a {@link FaultPlan}, spending the counted ones. */
export interface FaultInjector {
  /** Decides (and uses up) the faults of one request. */
  plan(path: string, isApi: boolean): RequestFaults;
  readonly tokenExpiresAfterRequests: number | undefined;
}

/** Whether `path` (its query ignored) matches `pattern`: `*` is one segment, `**` any number of them. */
export function matchesPattern(pattern: string, path: string): boolean {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = path.split('?')[0]!.split('/').filter(Boolean);
  const match = (p: number, s: number): boolean => {
    if (p === patternParts.length) return s === pathParts.length;
    const part = patternParts[p];
    if (part === '**') return match(p + 1, s) || (s < pathParts.length && match(p, s + 1));
    if (s === pathParts.length) return false;
    return (part === '*' || part === pathParts[s]) && match(p + 1, s + 1);
  };
  return match(0, 0);
}

/** A {@link FaultInjector} for the plan; its random choices are seeded by `plan.seed`, so a run repeats. */
export function createFaultInjector(plan: FaultPlan = {}): FaultInjector {
  const random = seededRandom(plan.seed ?? 1);
  const remaining = {
    serverErrors: plan.serverErrors?.count ?? 0,
    resets: plan.resets?.count ?? 0,
    slow: plan.slow?.count ?? 0,
    malformed: plan.malformed?.count ?? 0,
  };
  const applies = (pattern: string | undefined, path: string, isApi: boolean): boolean => (pattern === undefined ? isApi : matchesPattern(pattern, path));
  const echo = typeof plan.echoRequest === 'string' ? { pattern: plan.echoRequest } : plan.echoRequest;
  const foreign = typeof plan.foreignNextLink === 'string' ? { pattern: plan.foreignNextLink } : plan.foreignNextLink;

  function take(counter: keyof typeof remaining, pattern: string | undefined, path: string, isApi: boolean): boolean {
    if (remaining[counter] <= 0 || !applies(pattern, path, isApi)) return false;
    remaining[counter] -= 1;
    return true;
  }

  function randomFault(isApi: boolean): RandomFaultKind | undefined {
    const { random: soak } = plan;
    if (soak === undefined || !isApi || soak.kinds.length === 0) return undefined;
    const roll = random();
    const pick = random();
    return roll < soak.rate ? soak.kinds[Math.floor(pick * soak.kinds.length)] : undefined;
  }

  return {
    tokenExpiresAfterRequests: plan.tokenExpiresAfterRequests,
    plan(path, isApi) {
      const drawn = randomFault(isApi);
      const faults: RequestFaults = { delayMs: 0 };
      if (echo !== undefined && matchesPattern(echo.pattern, path)) return { ...faults, echoStatus: echo.status ?? 403 };
      if (drawn === 'reset' || take('resets', plan.resets?.pattern, path, isApi)) return { ...faults, reset: true };
      if (drawn === 'serverError') return { ...faults, serverError: 503 };
      if (take('serverErrors', plan.serverErrors?.pattern, path, isApi)) return { ...faults, serverError: plan.serverErrors?.status ?? 503 };
      if (drawn === 'rateLimited') return { ...faults, rateLimited: true };
      if (drawn === 'quotaExceeded') return { ...faults, quotaExceeded: true };
      if (drawn === 'slow') faults.delayMs += plan.random?.slowDelayMs ?? 250;
      if (take('slow', plan.slow?.pattern, path, isApi)) faults.delayMs += plan.slow?.delayMs ?? 0;
      if (drawn === 'malformed' || take('malformed', plan.malformed?.pattern, path, isApi)) faults.malformed = true;
      if (isApi && (plan.forbidden ?? []).some((pattern) => matchesPattern(pattern, path))) faults.forbidden = true;
      if (isApi && plan.pagingCycle !== undefined && matchesPattern(plan.pagingCycle, path)) faults.pagingCycle = true;
      if (isApi && plan.bareObject !== undefined && matchesPattern(plan.bareObject, path)) faults.bareObject = true;
      if (isApi && foreign !== undefined && matchesPattern(foreign.pattern, path)) faults.foreignOrigin = foreign.origin ?? 'https://evil.example';
      return faults;
    },
  };
}
