import { describe, expect, it } from 'vitest';
import { createTokenMinter, MAX_REMEMBERED } from '../../src/simulator/access-tokens.js';

const ENVIRONMENT = '3f9c1a2e-7b4d-4e8f-9a61-0c2d5e7f8a90';
const LIFETIME_SECONDS = 3600;

function minterAt(clock: { ms: number }) {
  return createTokenMinter({ authUrl: () => 'http://127.0.0.1:1', organizationId: 'org', lifetimeSeconds: LIFETIME_SECONDS, now: () => clock.ms });
}

function mintToken(minter: ReturnType<typeof createTokenMinter>): string {
  return minter.mint({ clientId: 'worker', environmentId: ENVIRONMENT }).token;
}

describe("the simulator's memory of verified access tokens", () => {
  it('forgets expired tokens, so that a long serve does not keep every token it ever issued', () => {
    const clock = { ms: Date.UTC(2026, 10, 30) };
    const minter = minterAt(clock);
    const early = [mintToken(minter), mintToken(minter), mintToken(minter)];
    for (const token of early) expect(minter.verify(token)).toHaveProperty('claims');
    expect(minter.rememberedCount()).toBe(3);
    clock.ms += LIFETIME_SECONDS * 1000;
    const later = mintToken(minter);
    expect(minter.verify(later)).toHaveProperty('claims.env', ENVIRONMENT);
    expect(minter.rememberedCount()).toBe(1);
    for (const token of early) expect(minter.verify(token)).toEqual({ refused: 'The access token has expired.' });
    expect(minter.rememberedCount()).toBe(1);
  });

  it('forgets a remembered token that has expired when it is used again', () => {
    const clock = { ms: Date.UTC(2026, 10, 30) };
    const minter = minterAt(clock);
    const token = mintToken(minter);
    expect(minter.verify(token)).toHaveProperty('claims');
    clock.ms += LIFETIME_SECONDS * 1000 + 1;
    expect(minter.verify(token)).toEqual({ refused: 'The access token has expired.' });
    expect(minter.rememberedCount()).toBe(0);
  });

  it(`remembers at most ${MAX_REMEMBERED} valid tokens; a token dropped while valid is still accepted by its signature`, () => {
    const minter = minterAt({ ms: Date.UTC(2026, 10, 30) });
    const first = mintToken(minter);
    expect(minter.verify(first)).toHaveProperty('claims');
    for (let i = 0; i < MAX_REMEMBERED + 5; i += 1) minter.verify(mintToken(minter));
    expect(minter.rememberedCount()).toBe(MAX_REMEMBERED);
    expect(minter.verify(first)).toHaveProperty('claims.client_id', 'worker');
    expect(minter.verify(`${first.slice(0, -1)}${first.endsWith('A') ? 'B' : 'A'}`)).toEqual({ refused: 'The access token signature is invalid.' });
  });
});
