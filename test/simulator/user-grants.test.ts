import { describe, expect, it } from 'vitest';
import { createUserGrantStore } from '../../src/simulator/user-grants.js';

const SIGN_IN = { clientId: 'reviewer', environmentId: 'env', redirectUri: 'http://127.0.0.1:8765/callback', userId: 'user', scope: 'openid' };
const DEVICE = { clientId: 'reviewer', environmentId: 'env', scope: 'openid', intervalSeconds: 5 };

describe("the simulator's memory of codes, device sign-ins and refresh tokens", () => {
  it('forgets authorization codes never redeemed once they expire, when the next code is issued', () => {
    const clock = { ms: 0 };
    const store = createUserGrantStore(() => clock.ms);
    const stale = store.issueCode(SIGN_IN);
    clock.ms += 60_000;
    const next = store.issueCode(SIGN_IN);
    expect(store.takeCode(stale)).toBeUndefined();
    expect(store.takeCode(next)).toMatchObject({ userId: 'user', expiresAt: 120_000 });
  });

  it('keeps an expired device sign-in ten minutes, to answer expired_token, then forgets it', () => {
    const clock = { ms: 0 };
    const store = createUserGrantStore(() => clock.ms);
    const device = store.startDevice({ ...DEVICE, expiresAt: 600_000 });
    clock.ms = 600_000 + 9 * 60_000;
    store.startDevice({ ...DEVICE, expiresAt: clock.ms + 600_000 });
    expect(store.device(device.deviceCode)).toBe(device);
    clock.ms = 600_000 + 10 * 60_000;
    store.startDevice({ ...DEVICE, expiresAt: clock.ms + 600_000 });
    expect(store.device(device.deviceCode)).toBeUndefined();
    expect(store.deviceByUserCode(device.userCode)).toBeUndefined();
  });

  it('forgets refresh tokens never used once they expire, when the next one is issued', () => {
    const clock = { ms: 0 };
    const store = createUserGrantStore(() => clock.ms);
    const grant = { clientId: 'reviewer', environmentId: 'env', userId: 'user', scope: 'openid', signedInAt: 0 };
    const stale = store.issueRefreshToken({ ...grant, expiresAt: 60_000 });
    const later = store.issueRefreshToken({ ...grant, expiresAt: 120_000 });
    clock.ms = 60_000;
    const next = store.issueRefreshToken({ ...grant, expiresAt: 180_000 });
    expect(store.takeRefreshToken(stale)).toBeUndefined();
    expect(store.takeRefreshToken(later)).toMatchObject({ expiresAt: 120_000 });
    expect(store.takeRefreshToken(next)).toMatchObject({ expiresAt: 180_000 });
  });
});
