import type { Certificate, CustomDomain, EnvironmentSnapshot, IdentityProvider, ResourceRef, Snapshot, Subscription } from '../snapshot/model.js';
import { isLoopbackHost } from './redirect-uris.js';
import { unknownValuesOf, type UnknownFieldValue } from './unknown-answers.js';

/** A signing or encryption key (`/keys`) or a certificate (`/certificates`), with its environment. */
export interface LocatedCertificate {
  type: 'key' | 'certificate';
  item: Certificate;
  env: EnvironmentSnapshot;
}

/** Every key, then every certificate, environment by environment. */
export function keysAndCertificatesOf(snapshot: Snapshot): LocatedCertificate[] {
  return snapshot.environments.flatMap((env) => [...env.keys.map((item) => ({ type: 'key' as const, item, env })), ...env.certificates.map((item) => ({ type: 'certificate' as const, item, env }))]);
}

/** The resource a finding about a key or certificate points at. */
export function certificateRef({ type, item, env }: LocatedCertificate): ResourceRef {
  return { type, id: item.id, name: item.name, environmentId: env.environment.id };
}

/** The resource a finding about a custom domain points at, named by its domain name. */
export function customDomainRef(domain: CustomDomain, env: EnvironmentSnapshot): ResourceRef {
  return { type: 'customDomain', id: domain.id, name: domain.domainName, environmentId: env.environment.id };
}

/** The resource a finding about an external identity provider points at. */
export function identityProviderRef(provider: IdentityProvider, env: EnvironmentSnapshot): ResourceRef {
  return { type: 'identityProvider', id: provider.id, name: provider.name, environmentId: env.environment.id };
}

/**
 * Whether a signature algorithm, in the Java names PingOne uses (`SHA256withRSA`; Management
 * OpenAPI EnumCertificateKeySignagureAlgorithm), hashes with SHA-1. PingOne's enums list no SHA-1
 * algorithm, so such a value comes from an older or imported key; any spelling of SHA-1 counts.
 */
function isSha1SignatureAlgorithm(algorithm: string): boolean {
  return /^SHA-?1(?:with|_)/i.test(algorithm);
}

/**
 * What a signature algorithm is: SHA-1, acceptable (a SHA-2 algorithm of the enum), absent, or a
 * value this version does not know (the rule leaves the resource unjudged, naming it).
 */
export function judgeSignatureAlgorithm(algorithm: unknown): 'sha1' | 'acceptable' | 'absent' | { unknown: UnknownFieldValue[] } {
  if (algorithm === undefined) return 'absent';
  if (typeof algorithm === 'string' && isSha1SignatureAlgorithm(algorithm)) return 'sha1';
  const unknown = unknownValuesOf('signature algorithm', [algorithm]);
  return unknown.length === 0 ? 'acceptable' : { unknown };
}

const millisecondsPerDay = 86_400_000;

/**
 * Whole days from `now` until the ISO 8601 date-time `expiresAt` (rounded down; negative once it has
 * passed); undefined when `expiresAt` is not a date.
 */
export function daysUntil(expiresAt: string, now: Date): number | undefined {
  const at = Date.parse(expiresAt);
  return Number.isNaN(at) ? undefined : Math.floor((at - now.getTime()) / millisecondsPerDay);
}

/** A webhook with its environment. */
export interface LocatedSubscription {
  subscription: Subscription;
  env: EnvironmentSnapshot;
}

/** Every webhook, environment by environment. */
export function subscriptionsOf(snapshot: Snapshot): LocatedSubscription[] {
  return snapshot.environments.flatMap((env) => env.subscriptions.map((subscription) => ({ subscription, env })));
}

/** The resource a finding about a webhook points at. */
export function subscriptionRef({ subscription, env }: LocatedSubscription): ResourceRef {
  return { type: 'subscription', id: subscription.id, name: subscription.name, environmentId: env.environment.id };
}

/**
 * Where a webhook sends its events: `https`, `http` to a loopback host, `http` to any other host,
 * none (no HTTP endpoint: a TCP/IP destination), or a URL that does not parse.
 */
export function webhookDestination(subscription: Subscription): 'https' | 'http-loopback' | 'http' | 'none' | 'unparsable' | { scheme: string } {
  const url = subscription.httpEndpoint?.url;
  if (url === undefined) return 'none';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'unparsable';
  }
  if (parsed.protocol === 'https:') return 'https';
  if (parsed.protocol === 'http:') return isLoopbackHost(parsed.hostname) ? 'http-loopback' : 'http';
  return { scheme: parsed.protocol.slice(0, -1) };
}
