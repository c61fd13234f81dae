import { generateDataset } from '../src/simulator/index.js';
import { writeSnapshot } from '../src/snapshot/write-snapshot.js';
import { datasetSnapshot } from './dataset-snapshot.js';

/**
 * The realistic organization of issue 19 as a snapshot folder written by the real writer: 10 environments,
 * 10,000 applications and 4,000 admin users (what the collector keeps of a large tenant), about 14,500 files.
 * `scale` < 1 for a quicker, smaller one. Resolves to the number of files written.
 */
export async function writeRealisticSnapshot(dir: string, scale = 1): Promise<number> {
  const dataset = generateDataset({
    environments: 10,
    appsPerEnvironment: Math.round(1000 * scale),
    usersPerEnvironment: Math.round(400 * scale),
    groupsPerEnvironment: 20,
    adminShare: 1,
    seed: 19,
  });
  return (await writeSnapshot(datasetSnapshot(dataset), dir)).files;
}
