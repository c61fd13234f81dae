import type { DatasetCredential } from './dataset.js';
import { loadDataset } from './load-dataset.js';
import { startSimulator, type RunningSimulator } from './start-simulator.js';

/** The worker the demo signs in with: the auditor's own app in the Administrators environment. */
const DEMO_AUDITOR_APP = 'pingone-audit';

/** The demo's tenant: the simulator serving the built-in `demo` dataset, and the worker app's credential. */
export interface DemoTenant {
  simulator: RunningSimulator;
  /** The client secret inside is the dataset's; never print it. */
  credential: DatasetCredential;
}

/**
 * Starts the simulator on the built-in `demo` dataset (no rate limit, no latency, no faults) and finds the
 * credential of its `pingone-audit` worker app. Throws a `UserFacingError` (`dataset-invalid`) when the shipped
 * dataset is missing or broken, and an `Error` when it has no credential for that app.
 */
export async function startDemoTenant(): Promise<DemoTenant> {
  const dataset = loadDataset('demo');
  const credential = dataset.credentials.find((candidate) => dataset.environments.some((env) => env.applications.some((app) => app.id === candidate.clientId && app.name === DEMO_AUDITOR_APP)));
  if (credential === undefined) throw new Error(`The demo dataset has no credentials for the "${DEMO_AUDITOR_APP}" worker.`);
  return { simulator: await startSimulator({ dataset }), credential };
}
