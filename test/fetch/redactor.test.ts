import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/fetch/api-client.js';
import { createRedactor, redactedMark } from '../../src/fetch/redactor.js';
import { resolveConnectionSettings } from '../../src/fetch/settings.js';
import { clientSecret, fakeClock, ids, startStub, tokenReply } from './stub-server.js';

const secret = 'p@ss/w0rd+with spaces&more==';

describe('redactor', () => {
  it('replaces a registered secret in its raw, URL-encoded, form-encoded, base64, base64url and JSON-escaped forms', () => {
    const redactor = createRedactor();
    redactor.add(secret);
    const forms = [secret, encodeURIComponent(secret), new URLSearchParams({ v: secret }).toString().slice(2), Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url')];
    for (const form of forms) expect(redactor.redact(`echo: ${form} end`)).toBe(`echo: ${redactedMark} end`);
    expect(redactor.redact(JSON.stringify({ said: `"${secret}"` }))).not.toContain('w0rd');
  });

  it('replaces a registered secret that a server base64- or hex-encoded inside a longer echo, at any byte offset', () => {
    // A gateway that base64-encodes the whole refused request puts the secret (or the Basic header, or a
    // client assertion) at an arbitrary offset: its base64 there is none of the forms encoded on its own.
    const redactor = createRedactor();
    redactor.add(secret);
    for (const [prefix, sent] of [
      ['', secret],
      ['x', secret],
      ['xy', secret],
      ['POST /as/token body=client_secret=', new URLSearchParams({ v: secret }).toString().slice(2)],
    ]) {
      const echoed = Buffer.from(`${prefix}${sent} trailing text`);
      for (const encoded of [echoed.toString('base64'), echoed.toString('base64url'), echoed.toString('hex'), echoed.toString('hex').toUpperCase()]) {
        const redacted = redactor.redact(`echo: ${encoded} end`);
        expect(redacted).toContain(redactedMark);
        const kept = redacted.match(/[\w+/=-]{4,}/g) ?? [];
        for (const run of kept) for (let offset = 0; offset < 4; offset++) expect(Buffer.from(run.slice(offset), 'base64').toString('latin1')).not.toMatch(/w0rd(\+|%2B)with/);
        expect(redacted.toLowerCase()).not.toContain(Buffer.from('w0rd').toString('hex'));
      }
    }
  });

  it('replaces credentials it was never told about by their shape: bearer and Basic values, JWTs', () => {
    const redactor = createRedactor();
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    expect(redactor.redact(`Authorization: Bearer opaque-token-0123456789abcdef; id_token=${jwt}`)).toBe(`Authorization: Bearer ${redactedMark}; id_token=${redactedMark}`);
    expect(redactor.redact('authorization: Basic YWRtaW46aHVudGVyMmh1bnRlcjI=')).toBe(`authorization: Basic ${redactedMark}`);
  });

  it('leaves ordinary text alone, short values included', () => {
    const redactor = createRedactor();
    redactor.add('abc');
    expect(redactor.redact('Basic authentication failed for abc: the actor is not authorized')).toBe('Basic authentication failed for abc: the actor is not authorized');
  });
});

describe('redaction of answers that succeed', () => {
  it("keeps the run's token out of data echoed into a 200, and leaves other token-shaped data alone", async () => {
    const unrelatedJwt = 'eyJhbGciOiJub25lIn0.eyJ4IjoxfQ.';
    const server = await startStub((request) => tokenReply(request) ?? { body: { id: 'app-1', name: `echo ${request.headers.authorization ?? ''}`, description: unrelatedJwt } });
    const clock = fakeClock();
    const settings = resolveConnectionSettings(
      { apiUrl: `${server.origin}/v1`, authUrl: server.origin },
      { PINGONE_CLIENT_ID: ids.client, PINGONE_CLIENT_SECRET: clientSecret, PINGONE_ENVIRONMENT_ID: ids.adminEnv },
    );
    const client = createApiClient(settings, { now: clock.now, sleep: clock.sleep });
    try {
      const app = (await client.get('/environments/x/applications/app-1')) as { name: string; description: string };
      expect(app.name).toBe(`echo ${redactedMark}`);
      expect(app.description).toBe(unrelatedJwt);
    } finally {
      await client.close();
      await server.close();
    }
  });
});
