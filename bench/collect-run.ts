/**
 * One collection in a process of its own, so that its peak memory is its own: `node collect-run.js
 * '<CollectJob JSON>'` with the client secret in PINGONE_CLIENT_SECRET. Prints a CollectResult as JSON.
 */
import { createHash } from 'node:crypto';
import { createApiClient, collectSnapshot, resolveConnectionSettings } from '../src/fetch/index.js';
import { canonicalSnapshot } from '../src/snapshot/write-snapshot.js';
import { stableStringify } from '../src/snapshot/stable-json.js';

export interface CollectJob {
  apiUrl: string;
  authUrl: string;
  clientId: string;
  environmentId: string;
  /** Omitted: no client-side limit worth the name (the naive baseline, latency-bound runs). */
  maxRps?: number;
  adaptiveRate?: boolean;
  concurrency?: number;
  parallelPerEnvironment?: number;
}

export interface CollectResult {
  wallMs: number;
  requests: number;
  requestsByEndpoint: Record<string, number>;
  complete: boolean;
  /** Digest of the canonical snapshot without its manifest: equal digests, equal data. */
  dataDigest: string;
  maxRssMiB: number;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as CollectJob;
  const settings = resolveConnectionSettings(
    { apiUrl: job.apiUrl, authUrl: job.authUrl },
    { PINGONE_CLIENT_ID: job.clientId, PINGONE_CLIENT_SECRET: process.env.PINGONE_CLIENT_SECRET, PINGONE_ENVIRONMENT_ID: job.environmentId },
  );
  const client = createApiClient(settings, {
    maxRps: job.maxRps ?? 100_000,
    ...(job.adaptiveRate === true ? { adaptiveRate: true } : {}),
    ...(job.concurrency === undefined ? {} : { concurrency: job.concurrency }),
  });
  const started = performance.now();
  try {
    const snapshot = await collectSnapshot(client, {
      allEnvironments: true,
      ...(job.parallelPerEnvironment === undefined ? {} : { parallelPerEnvironment: job.parallelPerEnvironment }),
    });
    const wallMs = performance.now() - started;
    const { roles, environments } = canonicalSnapshot(snapshot);
    const result: CollectResult = {
      wallMs,
      requests: client.requestCount(),
      requestsByEndpoint: client.requestsByEndpoint(),
      complete: snapshot.manifest.collection.complete,
      dataDigest: createHash('sha256').update(stableStringify({ roles, environments })).digest('hex').slice(0, 16),
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await client.close();
  }
}

await main();
