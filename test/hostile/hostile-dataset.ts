import { loadDataset, type Dataset } from '../../src/simulator/index.js';
import { HOSTILE_STRINGS } from '../helpers/hostile-strings.js';

/**
 * The demo organization as an attacker who can name things in it would leave it: every hostile
 * string of `HOSTILE_STRINGS` is the name (or username) of some environment, application, group,
 * population, sign-on policy, custom role, gateway or admin user, in turn, and the applications'
 * descriptions and redirect URIs carry them too. Ids stay as they are: they name files and paths.
 */
export function hostileDataset(): Dataset {
  const dataset = structuredClone(loadDataset('demo'));
  const named: Array<{ name?: unknown; username?: unknown }> = [];
  for (const env of dataset.environments) {
    named.push(env.environment, ...env.applications, ...env.groups, ...env.populations, ...env.signOnPolicies, ...env.customRoles, ...env.gateways);
  }
  const admins = new Set(dataset.environments.flatMap((env) => env.roleAssignments.map((assignment) => assignment.user?.id)));
  const users = dataset.environments.flatMap((env) => env.users.filter((user) => admins.has(user.id)));
  named.forEach((resource, index) => {
    resource.name = HOSTILE_STRINGS[index % HOSTILE_STRINGS.length]!.value;
  });
  // Whatever the demo grows, the 50,000-character name lands on an environment: its name reaches every report.
  dataset.environments[0]!.environment.name = HOSTILE_STRINGS.find((hostile) => hostile.name === 'very long')!.value;
  // And the invisible characters on another, beside the string it has: they must reach every JSON written, escaped.
  const invisibleNamed = dataset.environments[1]!.environment;
  invisibleNamed.name = `${String(invisibleNamed.name)} ${HOSTILE_STRINGS.find((hostile) => hostile.name === 'invisible characters')!.value}`;
  users.forEach((user, index) => {
    user.username = HOSTILE_STRINGS[(named.length + index) % HOSTILE_STRINGS.length]!.value;
  });
  dataset.environments
    .flatMap((env) => env.applications)
    .forEach((application, index) => {
      const hostile = HOSTILE_STRINGS[(index + 7) % HOSTILE_STRINGS.length]!.value;
      application.description = hostile;
      if (Array.isArray(application.redirectUris)) application.redirectUris = [...application.redirectUris, `https://app.example/cb?next=${hostile}`];
    });
  // A hostile or future API could answer with secrets beside the configuration: none may be stored or shown.
  const [first, second] = dataset.environments.flatMap((env) => env.applications);
  Object.assign(first!, { clientSecret: PLANTED_SECRETS.clientSecret, secret: PLANTED_SECRETS.secret });
  Object.assign(second!, { signing: { privateKey: PLANTED_SECRETS.privateKey } });
  return dataset;
}

/** Secret-like values the hostile API returns inside application answers. */
export const PLANTED_SECRETS = {
  clientSecret: 'planted-client-secret-7d1f0c9a2b',
  secret: 'planted-secret-field-3e8a51c0d4',
  privateKey: '-----BEGIN PRIVATE KEY-----\nMIIplantedkeymaterial0123456789\n-----END PRIVATE KEY-----',
} as const;

/** Every hostile string is in the dataset at least once. */
export function usedHostileStrings(dataset: Dataset): string[] {
  const text = JSON.stringify(dataset);
  return HOSTILE_STRINGS.map((hostile) => hostile.value).filter((value) => text.includes(JSON.stringify(value).slice(1, -1)));
}
