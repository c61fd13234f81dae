import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * A refusal that repeats the request back, headers and body included, in every text field a client
 * might print: PingOne's `message` and `details[]`, OAuth's `error_description`, and a response header.
 */
export function echoRequest(status: number, request: IncomingMessage, body: string) {
  const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : (value ?? '')}`);
  const echo = `${request.method ?? 'GET'} ${request.url ?? '/'} ${headers.join('; ')}${body === '' ? '' : ` body: ${body}`}`;
  return {
    status,
    body: {
      id: randomUUID(),
      code: 'ACCESS_FAILED',
      message: `Request refused: ${echo}`,
      details: [{ code: 'ECHO', message: echo }],
      error: 'invalid_request',
      error_description: echo,
    },
    headers: { 'x-echo-authorization': request.headers.authorization ?? '' },
  };
}
