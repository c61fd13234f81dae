import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { unrecordedKinds } from '../../src/snapshot/collection-coverage.js';
import { loadSnapshot } from '../../src/snapshot/load-snapshot.js';
import type { Snapshot } from '../../src/snapshot/model.js';
import { canonicalSnapshot, writeSnapshot } from '../../src/snapshot/write-snapshot.js';
import { fakeClock } from '../fetch/stub-server.js';
import { collectFromSimulator } from '../helpers/collect-from-simulator.js';
import { folderContents, temporaryFolder } from './snapshot-fixtures.js';

/** The demo organization as the collector really reads it: the schema must accept what the API returns. */
let simulator: RunningSimulator;
let collected: Snapshot;
const dataset = loadDataset('demo');
const clock = fakeClock();

const collect = () => collectFromSimulator(simulator, dataset, clock);

beforeAll(async () => {
  simulator = await startSimulator({ dataset, now: clock.now });
  collected = await collect();
});
afterAll(() => simulator.close());

describe('a snapshot collected from the simulator', () => {
  it('is written, loaded back without a problem, and equals what was collected', async () => {
    const dir = await temporaryFolder();
    await writeSnapshot(collected, dir);
    const snapshot = await loadSnapshot(dir);
    expect(snapshot).toEqual(canonicalSnapshot(collected));
    expect(snapshot.environments.flatMap((env) => env.applications).length).toBeGreaterThan(0);
  });

  it('records every kind the model says is collected, in every environment, so nothing loads as not collected', () => {
    expect(unrecordedKinds(collected.manifest)).toEqual([]);
    expect(collected.manifest.environmentIds.length).toBeGreaterThan(1);
  });

  it('writes the same resource files when the unchanged organization is collected again', async () => {
    const [first, second] = [await temporaryFolder(), await temporaryFolder()];
    await writeSnapshot(collected, first);
    await writeSnapshot(await collect(), second);
    const { 'manifest.json': _firstManifest, ...resources } = await folderContents(first);
    const { 'manifest.json': _secondManifest, ...again } = await folderContents(second);
    expect(Object.keys(resources).length).toBeGreaterThan(10);
    expect(again).toEqual(resources);
  });
});
