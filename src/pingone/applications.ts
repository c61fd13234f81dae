import type { Application, EnvironmentSnapshot, GrantType, KnownValueField, ResourceRef, Snapshot } from '../snapshot/model.js';
import { oncePerSnapshot } from './once-per-snapshot.js';
import { answer, describeUnknown, unknownValuesOf, type Answer, type LeaveUnjudged, type UnknownFieldValue } from './unknown-answers.js';

/** An application together with the environment it was collected in. */
export interface LocatedApplication {
  app: Application;
  env: EnvironmentSnapshot;
}

/** Every application of the snapshot, environment by environment (made once per snapshot: most rules ask). */
export const applicationsOf: (snapshot: Snapshot) => LocatedApplication[] = oncePerSnapshot((snapshot) => snapshot.environments.flatMap((env) => env.applications.map((app) => ({ app, env }))));

/**
 * The applications whose settings the customer owns: every application but PingOne's own (see
 * {@link isPingOneBuiltIn}). Rules that judge an application's settings read these, so that nobody
 * is told to fix a redirect URI or grant that PingOne sets and the console does not let them change.
 */
export const customerApplicationsOf: (snapshot: Snapshot) => LocatedApplication[] = oncePerSnapshot((snapshot) => applicationsOf(snapshot).filter(({ app }) => !isPingOneBuiltIn(app)));

/** The customer's OpenID Connect applications: the ones with grants, redirect URIs and tokens it sets. */
export const oidcApplicationsOf: (snapshot: Snapshot) => LocatedApplication[] = oncePerSnapshot((snapshot) => customerApplicationsOf(snapshot).filter(({ app }) => isOidc(app)));

/** The customer's SAML applications: the ones with assertion signing and SP verification settings it sets. */
export const samlApplicationsOf: (snapshot: Snapshot) => LocatedApplication[] = oncePerSnapshot((snapshot) => customerApplicationsOf(snapshot).filter(({ app }) => app.protocol === 'SAML'));

/**
 * True (and the app reported as not judged, naming the value) when `value` is one this version
 * does not know for `field`: a rule that depends on it must not guess what a new value means.
 */
export function skipUnknownValue(located: LocatedApplication, field: KnownValueField, value: unknown, skip: LeaveUnjudged): boolean {
  const unknown = unknownValuesOf(field, [value]);
  if (unknown.length === 0) return false;
  skip(applicationRef(located), describeUnknown(unknown));
  return true;
}

/** The resource a finding about an application points at. */
export function applicationRef({ app, env }: LocatedApplication): ResourceRef {
  return { type: 'application', id: app.id, name: app.name, environmentId: env.environment.id };
}

/** Grants through which a user signs in: PingOne then authorizes with that user's roles. */
export const USER_GRANTS: readonly GrantType[] = ['AUTHORIZATION_CODE', 'IMPLICIT', 'DEVICE_CODE'];

/** Whether the app's `grantTypes` lists `grant`. */
export function hasGrant(app: Application, grant: GrantType): boolean {
  return (app.grantTypes ?? []).includes(grant);
}

/** The user grants an application allows, in its own order. */
export function userGrantsOf(app: Application): GrantType[] {
  return (app.grantTypes ?? []).filter((grant) => USER_GRANTS.includes(grant));
}

/** Whether the app allows a grant through which a user signs in ({@link USER_GRANTS}). */
export function usesUserGrant(app: Application): boolean {
  return userGrantsOf(app).length > 0;
}

/** A worker application (EnumApplicationType WORKER): the type that can hold admin roles of its own. */
export function isWorker(app: Application): boolean {
  return app.type === 'WORKER';
}

/** Whether the app is a worker; "cannot tell" for an application type this version does not know. */
export function whetherWorker(app: Application): Answer {
  return answer(isWorker(app), unknownValuesOf('application type', [app.type]));
}

/** The app's grant types that this version does not know: any of them may be a grant that signs users in. */
export function unknownGrantsOf(app: Application): UnknownFieldValue[] {
  return unknownValuesOf('grant type', app.grantTypes ?? []);
}

/** Whether the app allows a user grant; "cannot tell" when it allows none but some grant this version does not know. */
export function whetherUserGrant(app: Application): Answer {
  return answer(usesUserGrant(app), unknownGrantsOf(app));
}

/** An OpenID Connect application (EnumApplicationProtocol OPENID_CONNECT). */
export function isOidc(app: Application): boolean {
  return app.protocol === 'OPENID_CONNECT';
}

/** A public client cannot keep a secret, so it does not authenticate at the token endpoint. */
export function isPublicClient(app: Application): boolean {
  return app.tokenEndpointAuthMethod === 'NONE';
}

/**
 * A native app or single-page app (EnumApplicationType NATIVE_APP, SINGLE_PAGE_APP): its code runs
 * on the user's device or in their browser, where anyone can read it, so it cannot keep a secret
 * whatever its settings say (RFC 6749 §2.1 client types, RFC 8252 §8.5).
 */
export function runsOnUserDevice(app: Application): boolean {
  return app.type === 'NATIVE_APP' || app.type === 'SINGLE_PAGE_APP';
}

/**
 * Applications PingOne creates and manages (admin console, self-service, application portal): the
 * Management OpenAPI gives them their own types (EnumApplicationType PING_ONE_ADMIN_CONSOLE,
 * PING_ONE_SELF_SERVICE, PING_ONE_PORTAL) and schemas whose OIDC settings are PingOne's.
 */
const PING_MANAGED_APPLICATION_TYPES: readonly string[] = ['PING_ONE_ADMIN_CONSOLE', 'PING_ONE_SELF_SERVICE', 'PING_ONE_PORTAL'];

/** Whether PingOne creates and manages the application (one of the types above), so its settings are not the customer's to fix. */
export function isPingOneBuiltIn(app: Application): boolean {
  return PING_MANAGED_APPLICATION_TYPES.includes(app.type);
}

/** An OIDC application that may hold refresh tokens (the refresh_token grant is allowed). */
export function issuesRefreshTokens(app: Application): boolean {
  return isOidc(app) && hasGrant(app, 'REFRESH_TOKEN');
}
