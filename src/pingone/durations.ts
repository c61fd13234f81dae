import { plural } from '../wording.js';

/** PingOne's refresh token lifetime when `refreshTokenDuration` is not set: 30 days. */
export const DEFAULT_REFRESH_TOKEN_DURATION_SECONDS = 2_592_000;

const UNITS: ReadonlyArray<[seconds: number, name: string]> = [
  [86_400, 'day'],
  [3_600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** "180 days", "90 minutes", "2 hours": the largest unit that divides the value, so nothing is rounded away. */
export function describeDuration(seconds: number): string {
  const [size, name] = UNITS.find(([unit]) => seconds % unit === 0 && seconds >= unit) ?? [1, 'second'];
  return plural(seconds / size, name);
}
