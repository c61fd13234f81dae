import type { EnvironmentSnapshot, Resource, ResourceRef } from '../snapshot/model.js';

/** PingOne's access token lifetime when a resource does not set `accessTokenValiditySeconds`: one hour (OpenAPI `Resource`). */
const DEFAULT_ACCESS_TOKEN_VALIDITY_SECONDS = 3_600;

/** How long access tokens for the resource stay valid, in seconds. */
export function accessTokenValidityOf(resource: Resource): number {
  return resource.accessTokenValiditySeconds ?? DEFAULT_ACCESS_TOKEN_VALIDITY_SECONDS;
}

/** The resource a finding about a resource (an access-token audience) points at. */
export function resourceRef(resource: Resource, env: EnvironmentSnapshot): ResourceRef {
  return { type: 'resource', id: resource.id, name: resource.name, environmentId: env.environment.id };
}
