import path from 'node:path';
import { terminalText } from '../output/terminal-text.js';
import type { ApiApplication } from './api-types.js';
import type { Dataset } from './dataset.js';

/** Where the token of a sandbox sign-in is kept between the lines printed below. */
const SANDBOX_TOKEN_CACHE = 'sandbox-token.json';

/** One word for a POSIX shell, quoted only when it needs to be. */
function shellWord(text: string): string {
  return /^[\w./:=@%+-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The applications a user can sign in to from pingone-audit: a public client with device code or a loopback redirect. */
function signInApplications(dataset: Dataset): Array<{ application: ApiApplication; environmentId: string; redirectPort?: number }> {
  return dataset.environments.flatMap(({ environment, applications }) =>
    applications.flatMap((application) => {
      if (application.enabled === false || application.tokenEndpointAuthMethod !== 'NONE') return [];
      const grants = application.grantTypes ?? [];
      const loopback = (application.redirectUris ?? []).map((uri) => /^http:\/\/127\.0\.0\.1:(\d+)\/callback$/.exec(uri)).find((match) => match !== null);
      if (!grants.includes('DEVICE_CODE') || !grants.includes('AUTHORIZATION_CODE') || loopback === undefined) return [];
      return [{ application, environmentId: environment.id, redirectPort: Number(loopback![1]) }];
    }),
  );
}

/**
 * The lines `simulate` prints: how to point pingone-audit at the simulator, then ready-to-paste
 * commands for client credentials (the first worker with credentials in the dataset) and for a user
 * sign-in by device code and by authorization code (the first public client that allows both). A
 * client secret is never printed: the line reads it from the dataset file when pasted.
 */
export function sandboxLines(dataset: Dataset, datasetFile: string, apiUrl: string, authUrl: string): string[] {
  const applications = dataset.environments.flatMap((entry) => entry.applications);
  const name = (clientId: string): string => terminalText(applications.find((app) => app.id === clientId)?.name ?? 'worker');
  const lines = ['', 'In another terminal, point pingone-audit at it:', `  export PINGONE_API_URL=${apiUrl} PINGONE_AUTH_URL=${authUrl}`];
  const [worker, ...others] = dataset.credentials;
  if (worker !== undefined) {
    const secret = `require(${JSON.stringify(path.resolve(datasetFile))}).credentials[0].clientSecret`;
    const method = applications.find((app) => app.id === worker.clientId)?.tokenEndpointAuthMethod;
    lines.push(
      '',
      `Client credentials, as the worker "${name(worker.clientId)}" (the secret is read from the dataset when you paste the line, never printed):`,
      `  export PINGONE_CLIENT_ID=${shellWord(worker.clientId)} PINGONE_ENVIRONMENT_ID=${shellWord(worker.environmentId)}`,
      `  export PINGONE_CLIENT_SECRET="$(node -p ${shellWord(secret)})"`,
      ...(method === 'CLIENT_SECRET_POST' ? ['  export PINGONE_TOKEN_ENDPOINT_AUTH_METHOD=CLIENT_SECRET_POST'] : []),
      '  pingone-audit scan --all-environments',
    );
  }
  const [signIn] = signInApplications(dataset);
  if (signIn !== undefined) {
    const app = `--client-id ${shellWord(signIn.application.id)} --environment-id ${shellWord(signIn.environmentId)}`;
    const port = signIn.redirectPort === 7464 ? '' : ` --redirect-port ${signIn.redirectPort}`;
    lines.push(
      '',
      `A user sign-in to "${terminalText(signIn.application.name)}": open the address login prints, pick a user, approve:`,
      `  pingone-audit login --auth device-code ${app} --token-cache ${SANDBOX_TOKEN_CACHE}`,
      `  pingone-audit login --auth authorization-code ${app}${port} --token-cache ${SANDBOX_TOKEN_CACHE}`,
      `  pingone-audit whoami --token-cache ${SANDBOX_TOKEN_CACHE}`,
    );
  }
  if (others.length > 0) {
    lines.push('', "Other workers with a secret in the dataset: paste the client credentials lines with one's ids, and its [n] in place of credentials[0]:");
    lines.push(...others.map((credential, index) => `  [${index + 1}] "${name(credential.clientId)}": client id ${credential.clientId}, environment ${credential.environmentId}`));
  }
  return lines;
}
