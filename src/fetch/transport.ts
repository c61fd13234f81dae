import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';

/** One HTTP exchange as the client sees it: status, headers (lower-case names) and the body still streaming. */
export interface TransportResponse {
  statusCode: number;
  headers: IncomingMessage['headers'];
  body: IncomingMessage;
}

export interface Transport {
  /**
   * Sends one request on a kept-alive connection of `url`'s origin. Rejects with the socket's error
   * (ECONNREFUSED, ECONNRESET, "socket hang up") or, once `signal` aborts, an AbortError; an abort after
   * the answer started also fails the body's stream.
   */
  send(url: URL, method: 'GET' | 'POST', headers: Record<string, string>, body: string | undefined, signal: AbortSignal): Promise<TransportResponse>;
  /** Drops every connection; requests still in flight fail. */
  close(): Promise<void>;
}

/**
 * Node's own HTTP client, with at most `connections` kept-alive connections per origin and one request
 * at a time on each (no pipelining). It is part of Node, so a command that collects loads no HTTP
 * library of ours (undici was 112 modules, about a fifth of `demo`'s cold start).
 */
export function createTransport(connections: number): Transport {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: connections }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: connections }),
  };
  return {
    send(url, method, headers, body, signal) {
      const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
      const request = url.protocol === 'https:' ? https.request : http.request;
      // The form's length up front, as undici sent it, rather than chunked transfer coding.
      const sized = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
      return new Promise((resolve, reject) => {
        const outgoing = request(url, { method, headers: sized, agent, signal }, (response) => resolve({ statusCode: response.statusCode ?? 0, headers: response.headers, body: response }));
        // Errors after the answer started reach the body's stream too; this listener only keeps them from being unhandled.
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
      return Promise.resolve();
    },
  };
}
