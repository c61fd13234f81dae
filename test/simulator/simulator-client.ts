import { loadDataset, type Dataset, type RunningSimulator } from '../../src/simulator/index.js';
import type { ApiApplication as Application } from '../../src/simulator/api-types.js';

/** A fresh copy of the demo dataset, safe to change in one test. */
export function demoDataset(): Dataset {
  return structuredClone(loadDataset('demo'));
}

export function environmentNamed(dataset: Dataset, name: string) {
  const entry = dataset.environments.find((candidate) => candidate.environment.name === name);
  if (entry === undefined) throw new Error(`no environment ${name}`);
  return entry;
}

export function applicationNamed(dataset: Dataset, name: string): Application {
  const app = dataset.environments.flatMap((entry) => entry.applications).find((candidate) => candidate.name === name);
  if (app === undefined) throw new Error(`no application ${name}`);
  return app;
}

export function userNamed(dataset: Dataset, username: string) {
  const user = dataset.environments.flatMap((entry) => entry.users).find((candidate) => candidate.username === username);
  if (user === undefined) throw new Error(`no user ${username}`);
  return user;
}

export function roleId(dataset: Dataset, name: string): string {
  const role = dataset.roles.find((candidate) => candidate.name === name);
  if (role === undefined) throw new Error(`no role ${name}`);
  return role.id;
}

export async function requestToken(simulator: RunningSimulator, credential: { clientId: string; clientSecret: string; environmentId: string }, method: 'basic' | 'post' = 'basic'): Promise<Response> {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (method === 'basic') headers.authorization = `Basic ${Buffer.from(`${credential.clientId}:${credential.clientSecret}`).toString('base64')}`;
  else {
    form.set('client_id', credential.clientId);
    form.set('client_secret', credential.clientSecret);
  }
  return fetch(`${simulator.authUrl}/${credential.environmentId}/as/token`, { method: 'POST', headers, body: form.toString() });
}

/** A client_credentials token for a worker listed in the dataset's credentials. */
export async function workerToken(simulator: RunningSimulator, dataset: Dataset, appName: string): Promise<string> {
  const app = applicationNamed(dataset, appName);
  const credential = dataset.credentials.find((candidate) => candidate.clientId === app.id);
  if (credential === undefined) throw new Error(`no credentials for ${appName}`);
  const response = await requestToken(simulator, credential, app.tokenEndpointAuthMethod === 'CLIENT_SECRET_POST' ? 'post' : 'basic');
  if (response.status !== 200) throw new Error(`token for ${appName}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** GET on the API: `path` is under `/v1` or an absolute URL (a `next` link). */
export async function apiGet(simulator: RunningSimulator, token: string, path: string): Promise<{ status: number; body: any; headers: Headers }> {
  const url = path.startsWith('http') ? path : `${simulator.apiUrl}${path}`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Left as text: the malformed-body fault is meant to fail parsing.
  }
  return { status: response.status, body, headers: response.headers };
}
