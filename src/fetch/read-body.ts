import type { Readable } from 'node:stream';

/** Default cap on one answer's body: PingOne's largest pages (1,000 groups, 200 users) are a few MB. */
export const defaultMaxAnswerBytes = 32 * 1024 * 1024;

/**
 * Reads an answer body as UTF-8, chunk by chunk, and gives up as soon as it passes `maxBytes` (or
 * its `content-length` says it will): the rest is never read into memory and the stream is
 * destroyed. Returns undefined when the answer was too large.
 */
export async function readBoundedBody(body: Readable, contentLength: string | string[] | undefined, maxBytes: number): Promise<string | undefined> {
  const declared = Number(Array.isArray(contentLength) ? contentLength[0] : contentLength);
  if (Number.isFinite(declared) && declared > maxBytes) return abandon(body);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return abandon(body);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/** Closes the connection under the body; the abort it reports is the point, not a failure. */
function abandon(body: Readable): undefined {
  body.on('error', () => undefined);
  body.destroy();
  return undefined;
}
