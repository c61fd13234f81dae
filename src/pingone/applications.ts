import type { Application, EnvironmentSnapshot, GrantType, ResourceRef, Snapshot } from '../snapshot/model.js';

/** An application together with the environment it was collected in. */
export interface LocatedApplication {
  app: Application;
  env: EnvironmentSnapshot;
}

/** Every application of the snapshot, environment by environment. */
export function applicationsOf(snapshot: Snapshot): LocatedApplication[] {
  return snapshot.environments.flatMap((env) => env.applications.map((app) => ({ app, env })));
}

/** The OpenID Connect applications of the snapshot: the ones with grants, redirect URIs and tokens. */
export function oidcApplicationsOf(snapshot: Snapshot): LocatedApplication[] {
  return applicationsOf(snapshot).filter(({ app }) => isOidc(app));
}

/** The resource a finding about an application points at. */
export function applicationRef({ app, env }: LocatedApplication): ResourceRef {
  return { type: 'application', id: app.id, name: app.name, environmentId: env.environment.id };
}

/** Grants through which a user signs in: PingOne then authorizes with that user's roles. */
export const USER_GRANTS: readonly GrantType[] = ['AUTHORIZATION_CODE', 'IMPLICIT', 'DEVICE_CODE'];

export function hasGrant(app: Application, grant: GrantType): boolean {
  return (app.grantTypes ?? []).includes(grant);
}

/** The user grants an application allows, in its own order. */
export function userGrantsOf(app: Application): GrantType[] {
  return (app.grantTypes ?? []).filter((grant) => USER_GRANTS.includes(grant));
}

export function usesUserGrant(app: Application): boolean {
  return userGrantsOf(app).length > 0;
}

/** "authorization_code and device_code": grant names as OAuth spells them on the wire. */
export function describeGrants(grants: readonly GrantType[]): string {
  const names = grants.map((grant) => grant.toLowerCase());
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function isWorker(app: Application): boolean {
  return app.type === 'WORKER';
}

export function isOidc(app: Application): boolean {
  return app.protocol === 'OPENID_CONNECT';
}

/** A public client cannot keep a secret, so it does not authenticate at the token endpoint. */
export function isPublicClient(app: Application): boolean {
  return app.tokenEndpointAuthMethod === 'NONE';
}

/** Applications PingOne creates in every environment (admin console, self-service, application portal). */
export function isPingOneBuiltIn(app: Application): boolean {
  return ['PING_ONE_ADMIN_CONSOLE', 'PING_ONE_SELF_SERVICE', 'PING_ONE_PORTAL'].includes(app.type);
}

/** An OIDC application that may hold refresh tokens (the refresh_token grant is allowed). */
export function issuesRefreshTokens(app: Application): boolean {
  return isOidc(app) && hasGrant(app, 'REFRESH_TOKEN');
}
