import { afterEach, describe, expect, it } from 'vitest';
import { generateDataset, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { datasetViolations } from './api-schemas.js';
import { apiGet, workerToken } from './simulator-client.js';

const options = { environments: 3, appsPerEnvironment: 7, usersPerEnvironment: 40, groupsPerEnvironment: 4, adminShare: 0.1, seed: 42 };

let simulator: RunningSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

describe('generateDataset', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateDataset(options)).toEqual(generateDataset(options));
    expect(generateDataset({ ...options, seed: 43 }).organization.id).not.toBe(generateDataset(options).organization.id);
  });

  it('builds the requested sizes with admins and a working auditor worker', async () => {
    const dataset = generateDataset(options);
    expect(dataset.environments).toHaveLength(3);
    for (const entry of dataset.environments) {
      expect(entry.users).toHaveLength(40);
      expect(entry.groups).toHaveLength(4);
      expect(entry.applications.filter((app) => app.name !== 'pingone-audit')).toHaveLength(7);
      expect(entry.roleAssignments.some((assignment) => assignment.user !== undefined)).toBe(true);
    }
    simulator = await startSimulator({ dataset });
    const token = await workerToken(simulator, dataset, 'pingone-audit');
    const envId = dataset.environments[2]!.environment.id;
    const users = await apiGet(simulator, token, `/environments/${envId}/users?limit=1000`);
    expect(users.body.count).toBe(40);
  });

  it('produces resources that conform to the derived schemas', () => {
    expect(datasetViolations(generateDataset(options))).toEqual([]);
  });
});
