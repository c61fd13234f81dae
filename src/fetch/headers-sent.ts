import { subscribe } from 'node:diagnostics_channel';

/** The header that names each request of a run (see `createHttpClient`); unique across runs in one process. */
export const transactionIdHeader = 'x-ping-external-transaction-id';

// undici publishes each request's header block on this channel as it writes it to the socket: the request has gone
// out. A request may wait in undici's pool for a connection after `request()` returned (seen: up to 17 ms on a busy
// machine, 37 of 247 requests), so this, not the call, is when it starts.
const sendHeadersChannel = 'undici:client:sendHeaders';
const waiting = new Map<string, () => void>();
const idPattern = new RegExp(`\r\n${transactionIdHeader}: ([^\r]*)\r\n`);
let subscribed = false;

const onHeaders = (message: unknown) => {
  const header = (message as { headers?: unknown }).headers;
  const id = typeof header === 'string' ? idPattern.exec(header)?.[1] : undefined;
  const onSent = id === undefined ? undefined : waiting.get(id);
  if (onSent === undefined) return;
  waiting.delete(id!);
  onSent();
};

/**
 * Calls `onSent` once, when undici writes the headers of the request whose `x-ping-external-transaction-id` is
 * `transactionId`; returns a function that forgets it (call it when the exchange ends: a request refused before it
 * went out never calls `onSent`).
 */
export function whenHeadersSent(transactionId: string, onSent: () => void): () => void {
  if (!subscribed) {
    subscribe(sendHeadersChannel, onHeaders);
    subscribed = true;
  }
  waiting.set(transactionId, onSent);
  return () => waiting.delete(transactionId);
}
