import type { Certificate, CustomDomain, Subscription } from '../snapshot/model.js';
import { apiPath } from './api-path.js';
import { readCollection, type CollectContext } from './collect-context.js';

/**
 * Signing and encryption keys, and certificates: `GET …/keys` and `GET …/certificates` answer with
 * metadata as JSON (the PEM and PKCS#12 forms need another Accept header, which the client never sends).
 */
export async function collectKeysAndCertificates(context: CollectContext, environmentId: string): Promise<{ keys: Certificate[]; certificates: Certificate[] }> {
  const [keys, certificates] = await Promise.all([
    readCollection<Certificate>(context, 'keys', environmentId, () => apiPath`/environments/${environmentId}/keys`, 'keys'),
    readCollection<Certificate>(context, 'certificates', environmentId, () => apiPath`/environments/${environmentId}/certificates`, 'certificates'),
  ]);
  context.progress({ phase: 'keys', environmentId, done: (keys?.length ?? 0) + (certificates?.length ?? 0) });
  return { keys: keys ?? [], certificates: certificates ?? [] };
}

/** Webhooks, without the request headers they send: those usually carry the destination's credentials. */
export async function collectSubscriptions(context: CollectContext, environmentId: string): Promise<Subscription[]> {
  const subscriptions = await readCollection<Subscription>(context, 'subscriptions', environmentId, () => apiPath`/environments/${environmentId}/subscriptions`, 'subscriptions');
  let dropped = 0;
  const kept = (subscriptions ?? []).map((subscription) => {
    const { httpEndpoint, connectionDetails, ...rest } = subscription;
    const endpoints = { httpEndpoint: withoutHeaders(httpEndpoint), connectionDetails: withoutHeaders(connectionDetails) };
    dropped += endpoints.httpEndpoint.dropped + endpoints.connectionDetails.dropped;
    return {
      ...rest,
      ...(endpoints.httpEndpoint.value === undefined ? {} : { httpEndpoint: endpoints.httpEndpoint.value }),
      ...(endpoints.connectionDetails.value === undefined ? {} : { connectionDetails: endpoints.connectionDetails.value }),
    } as Subscription;
  });
  if (dropped > 0) context.recorder.note(`Environment ${environmentId}: the request headers of ${dropped} webhook endpoints were not stored (they may hold credentials).`);
  context.progress({ phase: 'subscriptions', environmentId, done: kept.length });
  return kept;
}

function withoutHeaders(endpoint: unknown): { value: unknown; dropped: number } {
  if (endpoint === null || typeof endpoint !== 'object' || Array.isArray(endpoint) || !('headers' in endpoint)) return { value: endpoint, dropped: 0 };
  const { headers: _headers, ...rest } = endpoint as Record<string, unknown>;
  return { value: rest, dropped: 1 };
}

/** The environment's custom domains. */
export async function collectCustomDomains(context: CollectContext, environmentId: string): Promise<CustomDomain[]> {
  const domains = await readCollection<CustomDomain>(context, 'customDomains', environmentId, () => apiPath`/environments/${environmentId}/customDomains`, 'customDomains');
  context.progress({ phase: 'customDomains', environmentId, done: domains?.length ?? 0 });
  return domains ?? [];
}
