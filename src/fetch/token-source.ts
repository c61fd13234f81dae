/** Where API requests get their bearer token. */
export interface AccessTokenSource {
  token(): Promise<string>;
  /** After the API answered 401 to `rejected`: a new token, or a UserFacingError saying why there is none. */
  renew(rejected: string): Promise<string>;
}

/** The token held now: its value, when it expires (ms since the epoch), and whether a new one can be had. */
export interface HeldToken {
  token: string;
  expiresAt: number;
  renewable: boolean;
}

// Renew a little before `expires_in` runs out rather than meet a 401 mid-run.
const expiryMarginMs = 60_000;

/**
 * A token source over the token held now and a way to obtain the next (which also stores it, so
 * that `held` returns it afterwards). One renewal at a time, however many API requests wait for
 * it; a 401 to a token already replaced is answered with the replacement. When the held token is
 * not renewable, it is used until the API rejects it, and then `cannotRenew` says why.
 */
export function singleFlightTokenSource(held: () => HeldToken | undefined, obtain: () => Promise<string>, cannotRenew: () => Error, now: () => number): AccessTokenSource {
  let pending: Promise<string> | undefined;
  const renewNow = (): Promise<string> => {
    pending ??= obtain().finally(() => {
      pending = undefined;
    });
    return pending;
  };
  return {
    async token() {
      const current = held();
      if (current !== undefined && (!current.renewable || now() < current.expiresAt - expiryMarginMs)) return current.token;
      return renewNow();
    },
    async renew(rejected) {
      if (pending !== undefined) return pending;
      const current = held();
      if (current !== undefined && current.token !== rejected) return current.token;
      if (current !== undefined && !current.renewable) throw cannotRenew();
      return renewNow();
    },
  };
}
