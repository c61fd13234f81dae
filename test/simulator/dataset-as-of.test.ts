import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/simulator/index.js';

const DAY = 86_400_000;
let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'dataset-as-of-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A one-user dataset file, with `asOf` when given; the user last signed in three days before 2025-01-10. */
async function datasetFile(asOf: string | undefined): Promise<string> {
  const file = path.join(folder, `${asOf ?? 'none'}.json`.replace(/:/g, '-'));
  const users = [
    { id: 'u1', username: 'ops', lastSignOn: { at: '2025-01-07T00:00:00.000Z', remoteIp: '198.51.100.1' } },
    { id: 'u2', username: 'never' },
  ];
  await writeFile(file, JSON.stringify({ ...(asOf === undefined ? {} : { asOf }), organization: { id: 'org' }, environments: [{ environment: { id: 'env', name: 'Env' }, users }] }));
  return file;
}

describe('a dataset with asOf', () => {
  it('serves each last sign-on as long ago as it was on the asOf date', async () => {
    const file = await datasetFile('2025-01-10T00:00:00.000Z');
    const [user, never] = loadDataset(file).environments[0]!.users;
    // Moved by whole days, so that two loads the same day agree: three days old, plus less than a day.
    const age = Date.now() - Date.parse(user!.lastSignOn!.at!);
    expect(age).toBeGreaterThanOrEqual(3 * DAY);
    expect(age).toBeLessThan(4 * DAY);
    expect(loadDataset(file).environments[0]!.users[0]!.lastSignOn).toEqual(user!.lastSignOn);
    expect(user!.lastSignOn!.remoteIp).toBe('198.51.100.1');
    expect(never!.lastSignOn).toBeUndefined();
  });

  it('leaves the times as written without it', async () => {
    expect(loadDataset(await datasetFile(undefined)).environments[0]!.users[0]!.lastSignOn!.at).toBe('2025-01-07T00:00:00.000Z');
  });

  it('keeps the demo’s dormant admin dormant and its active admins active, whatever today is', () => {
    const users = loadDataset('demo').environments.flatMap((env) => env.users);
    const ageInDays = (username: string) => (Date.now() - Date.parse(users.find((user) => user.username === username)!.lastSignOn!.at!)) / DAY;
    expect(ageInDays('sam.ortiz')).toBeGreaterThan(90);
    expect(ageInDays('alice.nakamura')).toBeLessThan(90);
  });
});
