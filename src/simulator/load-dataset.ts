import { existsSync } from 'node:fs';
import { notJsonProblem } from '../engine/json-errors.js';
import { UserFacingError } from '../errors.js';
import { readUserFile } from '../read-user-file.js';
import { packagePath, readPackageFile } from '../paths.js';
import type { Dataset, DatasetEnvironment } from './dataset.js';
import { withFutureValues } from './future-values.js';

/**
 * Datasets shipped with the tool, by name. `demo-future` is the demo organization as a later
 * PingOne might serve it: enum values no version knows, extra fields, group- and app-scoped roles.
 */
const builtInDatasets = ['demo', 'demo-future'] as const;

/** The seed `demo-future` is drawn with. */
const FUTURE_SEED = 12;

/** Path of a built-in dataset (`demo`), or the given path when it is not a built-in name. */
export function datasetPath(nameOrPath: string): string {
  const name = nameOrPath === 'demo-future' ? 'demo' : nameOrPath;
  return isBuiltIn(name) ? packagePath(...builtInFile(name)) : nameOrPath;
}

function isBuiltIn(name: string): boolean {
  return (builtInDatasets as readonly string[]).includes(name);
}

/** Where the package keeps a built-in dataset, from its root. */
function builtInFile(name: string): string[] {
  return ['src', 'simulator', 'datasets', `${name}.json`];
}

const environmentLists = [
  'populations',
  'users',
  'groups',
  'applications',
  'applicationAttributes',
  'grants',
  'signOnPolicyAssignments',
  'flowPolicyAssignments',
  'signOnPolicies',
  'signOnPolicyActions',
  'roleAssignments',
  'customRoles',
  'gateways',
  'resources',
  'resourceScopes',
  'passwordPolicies',
  'deviceAuthenticationPolicies',
  'fido2Policies',
  'identityProviders',
  'keys',
  'certificates',
  'subscriptions',
  'customDomains',
] as const satisfies ReadonlyArray<keyof DatasetEnvironment>;

/** Reads a dataset file (or draws `demo-future` from the demo); lists an environment leaves out default to empty. */
export function loadDataset(nameOrPath: string): Dataset {
  if (nameOrPath === 'demo-future') return withFutureValues(loadDataset('demo'), FUTURE_SEED);
  const file = datasetPath(nameOrPath);
  // A built-in dataset is package data: one missing is an incomplete installation, which readPackageFile says.
  const text = isBuiltIn(nameOrPath) ? readPackageFile(...builtInFile(nameOrPath)) : readDatasetFile(file);
  let parsed: Partial<Dataset>;
  try {
    parsed = JSON.parse(text) as Partial<Dataset>;
  } catch (error) {
    throw new UserFacingError('dataset-invalid', notJsonProblem(text, file, error), { hint: 'Fix the syntax of the dataset file and try again.', cause: error });
  }
  if (typeof parsed.organization?.id !== 'string' || !Array.isArray(parsed.environments)) {
    throw new UserFacingError('dataset-invalid', `The simulator dataset ${file} needs an "organization" with an id and an "environments" list.`, {
      hint: 'See src/simulator/dataset.ts for the format and src/simulator/datasets/demo.json for an example.',
    });
  }
  return withSignOnsBroughtForward({
    ...parsed,
    organization: parsed.organization,
    roles: parsed.roles ?? [],
    credentials: parsed.credentials ?? [],
    environments: parsed.environments.map((entry) => {
      const filled = { ...entry } as DatasetEnvironment;
      for (const list of environmentLists) (filled[list] as unknown[]) = entry[list] ?? [];
      return filled;
    }),
  });
}

function readDatasetFile(file: string): string {
  if (!existsSync(file)) {
    throw new UserFacingError('dataset-invalid', `No simulator dataset at ${file}.`, { hint: `Use a built-in dataset (${builtInDatasets.join(', ')}) or the path of a dataset JSON file.` });
  }
  // Only a regular file is opened: a FIFO would block the simulator for ever.
  return readUserFile(file, file, 'Simulator dataset', 'Pass the path of a dataset JSON file, or a built-in dataset name.');
}

/**
 * A dataset with `asOf` wrote its users' `lastSignOn.at` as of that date: each is moved forward by
 * the time since, so a sign-on "three days ago" stays three days ago whenever the demo runs, and a
 * dormant admin stays exactly as dormant. Without `asOf` the times are served as written.
 */
function withSignOnsBroughtForward(dataset: Dataset, now = Date.now()): Dataset {
  const asOf = typeof dataset.asOf === 'string' ? Date.parse(dataset.asOf) : Number.NaN;
  if (Number.isNaN(asOf)) return dataset;
  // Whole days: two loads of the same dataset on the same day serve the same times (tests compare snapshots of two simulators).
  const day = 86_400_000;
  const shift = Math.floor((now - asOf) / day) * day;
  const moved = (at: string) => (Number.isNaN(Date.parse(at)) ? at : new Date(Date.parse(at) + shift).toISOString());
  return {
    ...dataset,
    environments: dataset.environments.map((env) => ({
      ...env,
      users: env.users.map((user) => {
        const at = user.lastSignOn?.at;
        return at === undefined ? user : { ...user, lastSignOn: { ...user.lastSignOn, at: moved(at) } };
      }),
    })),
  };
}
