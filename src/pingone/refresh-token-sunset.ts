/** From this day (UTC) PingOne issues only opaque refresh tokens; apps still set to JWT get errors. */
export const JWT_REFRESH_TOKEN_SUNSET = '2027-03-02';

const sunsetTime = Date.parse(`${JWT_REFRESH_TOKEN_SUNSET}T00:00:00.000Z`);
const dayMs = 24 * 60 * 60 * 1000;

/** Whole days left before the sunset, counting a started day as one; 0 or less once it has passed. */
export function daysUntilJwtRefreshSunset(now: Date): number {
  return Math.ceil((sunsetTime - now.getTime()) / dayMs);
}
