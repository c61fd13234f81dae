import { afterEach, describe, expect, it } from 'vitest';
import { Client } from 'undici';
import { transactionIdHeader, whenHeadersSent } from '../../src/fetch/headers-sent.js';
import { startStub, type StubServer } from './stub-server.js';

const servers: StubServer[] = [];
const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('whenHeadersSent', () => {
  // The rate limiter counts a start from this call: a request queued behind another on the only connection has not gone out.
  it('calls back when undici writes the request, not when it is queued', async () => {
    const events: string[] = [];
    const server = await startStub((request) => {
      events.push(`answered ${request.headers[transactionIdHeader]}`);
      return { body: {} };
    });
    servers.push(server);
    const client = new Client(server.origin, { pipelining: 1 });
    clients.push(client);
    const send = async (id: string) => {
      const forget = whenHeadersSent(id, () => events.push(`sent ${id}`));
      try {
        const answer = await client.request({ method: 'GET', path: '/', headers: { [transactionIdHeader]: id } });
        await answer.body.text();
      } finally {
        forget();
      }
    };
    await Promise.all([send('first'), send('second')]);
    expect(events).toEqual(['sent first', 'answered first', 'sent second', 'answered second']);
  });

  it('never calls back for a request it was told to forget', async () => {
    const server = await startStub(() => ({ body: {} }));
    servers.push(server);
    const client = new Client(server.origin);
    clients.push(client);
    let called = false;
    whenHeadersSent('forgotten', () => {
      called = true;
    })();
    const answer = await client.request({ method: 'GET', path: '/', headers: { [transactionIdHeader]: 'forgotten' } });
    await answer.body.text();
    expect(called).toBe(false);
  });
});
