import type { Environment, EnvironmentSnapshot } from '../snapshot/model.js';
import { collectActors } from './collect-actors.js';
import { collectApplications } from './collect-applications.js';
import { collectAuthentication, collectResources } from './collect-authentication.js';
import { collectCustomRoles, collectGateways, collectPopulations, collectSignOnPolicies } from './collect-configuration.js';
import type { CollectContext } from './collect-context.js';
import { collectCustomDomains, collectKeysAndCertificates, collectSubscriptions } from './collect-keys-webhooks-domains.js';

/** Everything the auditor reads in one environment; the parts run side by side under the shared limiter. */
export async function collectEnvironment(context: CollectContext, environment: Environment, maxUsers: number | undefined): Promise<EnvironmentSnapshot> {
  const id = environment.id;
  const [applications, signOnPolicies, populations, roles, gateways, actors, authentication, resources, { keys, certificates }, subscriptions, customDomains] = await Promise.all([
    collectApplications(context, id),
    collectSignOnPolicies(context, id),
    collectPopulations(context, id),
    collectCustomRoles(context, id),
    collectGateways(context, id),
    collectActors(context, id, maxUsers),
    collectAuthentication(context, id),
    collectResources(context, id),
    collectKeysAndCertificates(context, id),
    collectSubscriptions(context, id),
    collectCustomDomains(context, id),
  ]);
  return {
    environment,
    applications,
    users: actors.users,
    groups: actors.groups,
    populations,
    signOnPolicies,
    roles,
    gateways,
    ...authentication,
    resources,
    keys,
    certificates,
    subscriptions,
    customDomains,
  };
}
