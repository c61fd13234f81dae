import type { Dataset, RunningSimulator } from '../../src/simulator/index.js';

/** The environment that points the CLI at `simulator` and signs in as the dataset's auditor worker (client secret). */
export function auditorEnv(simulator: RunningSimulator, auditor: Dataset['credentials'][number]): Record<string, string> {
  return {
    PINGONE_CLIENT_ID: auditor.clientId,
    PINGONE_CLIENT_SECRET: auditor.clientSecret,
    PINGONE_ENVIRONMENT_ID: auditor.environmentId,
    PINGONE_API_URL: simulator.apiUrl,
    PINGONE_AUTH_URL: simulator.authUrl,
  };
}
