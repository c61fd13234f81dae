import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface StubReply {
  status?: number;
  headers?: Record<string, string>;
  /** Serialized as JSON unless already a string. */
  body?: unknown;
  /** Drop the connection without answering. */
  destroy?: boolean;
  /** Answer this late. */
  delayMs?: number;
  /** Send the headers and half the body, then never the rest. */
  stallBody?: boolean;
}

export interface StubServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: StubRequest[];
  close(): Promise<void>;
}

/** A tiny HTTP server on 127.0.0.1 that records every request and answers with `handler`. */
export async function startStub(handler: (request: StubRequest) => StubReply | Promise<StubReply>): Promise<StubServer> {
  const requests: StubRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(request);
      const reply = await handler(request);
      if (reply.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (reply.destroy) {
        req.socket.destroy();
        return;
      }
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...reply.headers });
      if (reply.stallBody === true) res.write(text.slice(0, Math.floor(text.length / 2)));
      else res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A clock whose sleep only advances time and records the wait: retries and rate limits cost no real time. */
export function fakeClock(start = 1_700_000_000_000) {
  let time = start;
  const waits: number[] = [];
  return {
    waits,
    now: () => time,
    sleep: async (ms: number) => {
      waits.push(ms);
      time += ms;
    },
  };
}

/** The most of these times (ms, oldest first) that fall in any 1,000-ms window. */
export function mostInASecond(times: number[]): number {
  let most = 0;
  for (let first = 0, last = 0; last < times.length; last += 1) {
    while (times[last]! - times[first]! >= 1000) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** An unsigned JWT with the given payload (the collector never verifies signatures). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.signature`;
}

export const ids = {
  client: '11111111-1111-4111-8111-111111111111',
  adminEnv: '22222222-2222-4222-8222-222222222222',
  env: '33333333-3333-4333-8333-333333333333',
  org: '44444444-4444-4444-8444-444444444444',
};

export const clientSecret = 'super-secret-value-that-must-never-leak-0123456789';

/** Answers the token request for the test worker app; `undefined` for any other request. */
export function tokenReply(request: StubRequest, token = fakeJwt({ client_id: ids.client, env: ids.adminEnv, org: ids.org, exp: 4_000_000_000 })): StubReply | undefined {
  if (request.method === 'POST' && request.url === `/${ids.adminEnv}/as/token`) {
    return { body: { access_token: token, token_type: 'Bearer', expires_in: 3600 } };
  }
  return undefined;
}
