import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTokenCache, writeTokenCache } from '../../src/fetch/login/token-cache.js';
import { Secret } from '../../src/fetch/secret.js';

const identity = { authUrl: 'http://127.0.0.1:1', clientId: '11111111-2222-4333-8444-555555555555', environmentId: '3f9c1a2e-7b4d-4e8f-9a61-0c2d5e7f8a90' };
const session = () => ({ accessToken: new Secret('eyJ.fresh.token'), expiresAt: Date.now() + 3_600_000 });

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-token-cache-write-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('writing the token cache', () => {
  it('is not stopped by a temporary file a crashed run with the same pid left behind, and leaves that file alone', async () => {
    const file = path.join(work, 'cache.json');
    const stale = path.join(work, `.cache.json.${process.pid}.tmp`);
    await writeFile(stale, 'left by a crashed run', { mode: 0o600 });
    writeTokenCache(file, identity, session());
    expect(readTokenCache(file, identity, () => {})?.accessToken.reveal()).toBe('eyJ.fresh.token');
    expect(await readFile(stale, 'utf8')).toBe('left by a crashed run');
    expect((await readdir(work)).sort()).toEqual([path.basename(stale), 'cache.json']);
  });

  // The refresh token is the auth server's to choose: whoever opens the file must see every character of it.
  it('writes a refresh token with bidi, zero-width and line-separator characters escaped, and reads it back the same', async () => {
    const file = path.join(work, 'cache.json');
    const refreshToken = 'refresh\u202egnp.exe\u200b\u2028\u2029\u061c\ufeffend';
    writeTokenCache(file, identity, { ...session(), refreshToken: new Secret(refreshToken) });
    const text = await readFile(file, 'utf8');
    expect(text).not.toMatch(/[\u061c\u200b\u202e\u2028\u2029\ufeff]/);
    expect(text).toContain('"refreshToken": "refresh\\u202egnp.exe\\u200b\\u2028\\u2029\\u061c\\ufeffend"');
    expect(readTokenCache(file, identity, () => {})?.refreshToken?.reveal()).toBe(refreshToken);
  });

  it.runIf(process.platform !== 'win32')('writes the cache readable by its owner alone (mode 0600)', async () => {
    const file = path.join(work, 'cache.json');
    writeTokenCache(file, identity, session());
    writeTokenCache(file, identity, session());
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(work)).toEqual(['cache.json']);
  });
});
