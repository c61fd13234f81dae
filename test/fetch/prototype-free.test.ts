import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/fetch/api-client.js';
import { resolveConnectionSettings } from '../../src/fetch/settings.js';
import { canonicalSnapshot } from '../../src/snapshot/write-snapshot.js';
import { buildSnapshot } from '../helpers/snapshot-builder.js';
import { clientSecret, fakeClock, ids, startStub, tokenReply, type StubServer } from './stub-server.js';

const servers: StubServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('JSON from the API', () => {
  it('never turns a "__proto__" member into a prototype, in the client or in the write step', async () => {
    const body = '{"id":"app-1","name":"x","__proto__":{"type":"WORKER","polluted":true}}';
    const server = await startStub((request) => tokenReply(request) ?? { body });
    servers.push(server);
    const clock = fakeClock();
    const settings = resolveConnectionSettings(
      { apiUrl: `${server.origin}/v1`, authUrl: server.origin },
      { PINGONE_CLIENT_ID: ids.client, PINGONE_CLIENT_SECRET: clientSecret, PINGONE_ENVIRONMENT_ID: ids.adminEnv },
    );
    const client = createApiClient(settings, { now: clock.now, sleep: clock.sleep });
    const application = (await client.get('/environments/x/applications/app-1')) as Record<string, unknown>;
    await client.close();
    const written = canonicalSnapshot(buildSnapshot({ environments: [{ applications: [application as never] }] }));
    const role = written.environments[0]?.applications[0] as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(role)).toBe(Object.prototype);
    expect(role.polluted).toBeUndefined();
    expect(role.type).toBeUndefined();
  });
});
