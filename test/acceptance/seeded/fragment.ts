import type { ResourceType } from '../../../src/snapshot/model.js';
import type { ApiApplication, ApiSignOnPolicyAssignment } from '../../../src/simulator/api-types.js';
import type { DatasetEnvironment } from '../../../src/simulator/dataset.js';
import { type Overrides, webApp, withOverrides } from '../../helpers/snapshot-builder.js';

/** The environment the fragments are seeded into, and the only one the acceptance scan reads. */
export const SEEDED_ENV_ID = '5eed0000-0000-4000-8000-000000000000';
/** Its default sign-on policy: a login step then MFA with no bypass, so an app assigned it passes every sign-on rule. */
export const MFA_POLICY_ID = '5eed0000-0000-4000-8000-00000000a001';

/** A resource of the seeded environment, as findings name it. */
export interface SeededResource {
  type: ResourceType;
  id: string;
}

/** What a fragment adds to the seeded environment: any of its lists, in the simulator's (the API's) shapes. */
export type EnvironmentSeed = Partial<Omit<DatasetEnvironment, 'environment'>>;

/**
 * One rule's share of the seeded tenant: a resource misconfigured the way the rule catches, and
 * correct counterparts that no rule (this one or any other) may report or leave unjudged. Ids come
 * from {@link seededId} with the fragment's own number, so that no two fragments share one.
 */
export interface Fragment {
  /** The rule id, exactly as registered. */
  rule: string;
  bad: SeededResource;
  good: SeededResource[];
  seed: EnvironmentSeed;
}

/**
 * An OIDC web app that follows every rule (authorization code with S256 PKCE and PAR,
 * private_key_jwt, an HTTPS redirect URI, bounded refresh tokens, CORS closed); override only what
 * the fragment is about. Pair it with {@link signsInWithMfa}.
 */
export function hardenedWebApp(id: string, name: string, overrides: Overrides<ApiApplication> = {}): ApiApplication {
  const home = `https://${id}.apps.example.com`;
  // The unit tests' hardened web app, without the children the snapshot embeds (the simulator serves those apart).
  const { _embedded: _children, ...settings } = webApp({ id, name, jwksUrl: `${home}/jwks.json`, redirectUris: [`${home}/callback`], postLogoutRedirectUris: [`${home}/signed-out`] });
  return withOverrides<ApiApplication>(settings, overrides);
}

/** {@link hardenedWebApp} as a single-page app: no client authentication, CORS open to its own origin only. */
export function hardenedSpa(id: string, name: string, overrides: Partial<ApiApplication> = {}): ApiApplication {
  const origin = `https://${id}.apps.example.com`;
  return hardenedWebApp(id, name, {
    type: 'SINGLE_PAGE_APP',
    tokenEndpointAuthMethod: 'NONE',
    jwksUrl: undefined,
    corsSettings: { behavior: 'ALLOW_SPECIFIC_ORIGINS', origins: [origin] },
    ...overrides,
  });
}

/** The `item`th id of fragment number `fragment` (1–65535): a UUID, as PingOne ids are. */
export function seededId(fragment: number, item: number): string {
  return `5eed${fragment.toString(16).padStart(4, '0')}-0000-4000-8000-${item.toString(16).padStart(12, '0')}`;
}

/** The assignment of the seeded environment's MFA policy to each app, so that no sign-on rule reports them. */
export function signsInWithMfa(...applicationIds: string[]): ApiSignOnPolicyAssignment[] {
  return applicationIds.map((id) => ({
    id: id.replace('-8000-', '-a55e-'),
    application: { id },
    signOnPolicy: { id: MFA_POLICY_ID },
    priority: 1,
  }));
}
