import type { DeviceAuthenticationPolicy, Fido2Policy, IdentityProvider, PasswordPolicy, Resource, ResourceScope } from '../snapshot/model.js';
import { apiPath } from './api-path.js';
import { attachChildren, failDependents, readChildren, readCollection, type CollectContext, type CollectPhase } from './collect-context.js';

type ListKind = 'passwordPolicies' | 'deviceAuthenticationPolicies' | 'fido2Policies' | 'identityProviders';

/** One environment-level list whose kind, path segment, `_embedded` key and progress phase share a name. */
async function collectList<T>(context: CollectContext, environmentId: string, kind: ListKind & CollectPhase): Promise<T[]> {
  const items = await readCollection<T>(context, kind, environmentId, () => `${apiPath`/environments/${environmentId}`}/${kind}`, kind);
  context.progress({ phase: kind, environmentId, done: items?.length ?? 0 });
  return items ?? [];
}

/**
 * How users sign on, beyond sign-on policies: password policies, MFA policies (the API's device
 * authentication policies, from Ping's MFA API), the FIDO policies they point at, and external
 * identity providers. One list read each, none paged per item.
 */
export async function collectAuthentication(context: CollectContext, environmentId: string) {
  const [passwordPolicies, deviceAuthenticationPolicies, fido2Policies, identityProviders] = await Promise.all([
    collectList<PasswordPolicy>(context, environmentId, 'passwordPolicies'),
    collectList<DeviceAuthenticationPolicy>(context, environmentId, 'deviceAuthenticationPolicies'),
    collectList<Fido2Policy>(context, environmentId, 'fido2Policies'),
    collectList<IdentityProvider>(context, environmentId, 'identityProviders'),
  ]);
  return { passwordPolicies, deviceAuthenticationPolicies, fido2Policies, identityProviders };
}

/** Resources (the audiences of access tokens, with their lifetimes), each with its scopes. */
export async function collectResources(context: CollectContext, environmentId: string): Promise<Resource[]> {
  const resources = await readCollection<Resource>(context, 'resources', environmentId, () => apiPath`/environments/${environmentId}/resources`, 'resources');
  if (resources === undefined) {
    failDependents(context, ['resourceScopes'], environmentId, 'resources');
    return [];
  }
  const scopes = await readChildren<Resource, ResourceScope>(
    context,
    'resourceScopes',
    environmentId,
    resources,
    (resource) => apiPath`/environments/${environmentId}/resources/${resource.id}/scopes`,
    'scopes',
    { parentType: 'resource' },
  );
  context.progress({ phase: 'resources', environmentId, done: resources.length, total: resources.length });
  return attachChildren(resources, 'scopes', scopes);
}
