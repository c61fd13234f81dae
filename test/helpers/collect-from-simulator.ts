import { createApiClient } from '../../src/fetch/api-client.js';
import { collectSnapshot } from '../../src/fetch/collect-snapshot.js';
import { resolveConnectionSettings } from '../../src/fetch/settings.js';
import type { Dataset, RunningSimulator } from '../../src/simulator/index.js';
import type { Snapshot } from '../../src/snapshot/model.js';
import type { fakeClock } from '../fetch/stub-server.js';

/** Every environment of the simulator's organization as the collector reads it, signed in as the dataset's first auditor. */
export async function collectFromSimulator(simulator: RunningSimulator, dataset: Dataset, clock: ReturnType<typeof fakeClock>): Promise<Snapshot> {
  const auditor = dataset.credentials[0]!;
  const settings = resolveConnectionSettings(
    { apiUrl: simulator.apiUrl, authUrl: simulator.authUrl },
    { PINGONE_CLIENT_ID: auditor.clientId, PINGONE_CLIENT_SECRET: auditor.clientSecret, PINGONE_ENVIRONMENT_ID: auditor.environmentId },
  );
  const client = createApiClient(settings, { maxRps: 500, timeoutMs: 2000, now: clock.now, sleep: clock.sleep });
  try {
    return await collectSnapshot(client, { allEnvironments: true });
  } finally {
    await client.close();
  }
}
