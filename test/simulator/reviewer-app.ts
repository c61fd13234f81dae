import type { Dataset } from '../../src/simulator/index.js';
import type { ApiApplication as Application } from '../../src/simulator/api-types.js';
import { demoDataset, environmentNamed, userNamed } from './simulator-client.js';

/** The application reviewers sign in to in these tests: a public client in the Administrators environment. */
export const REVIEWER_APP_ID = '7d0c5a52-3f1e-4c8b-9a6d-2e4f8b1c0a93';
/** An enabled Administrators user with no admin role at all (the demo's farah.haddad is disabled). */
const NO_ROLE_USER = { id: '4c1f9e2a-6b3d-4e7a-8f05-d2a9c6b1e3f7', username: 'gabriel.reyes' };

/**
 * The demo organization plus a sign-in application for reviewers, as the README tells admins to
 * create it: WORKER, authorization code + device code + refresh token, PKCE S256 required, no client
 * secret, the loopback redirect on `redirectPort`, and no access-control restriction (so a user with
 * no admin role can sign in, and meet 403s). The demo users used: alice.nakamura (Organization
 * Admin), bruno.costa (Environment Admin over Production only through the Platform Admins group),
 * dana.okafor (Configuration Read Only through a group, Identity Data Read Only direct, both over
 * Production); and one user added here, gabriel.reyes, with no admin role.
 */
export function datasetWithReviewerApp(redirectPort: number, overrides: Partial<Application> = {}): Dataset {
  const dataset = demoDataset();
  const admin = environmentNamed(dataset, 'Administrators');
  admin.applications.push({
    id: REVIEWER_APP_ID,
    name: 'pingone-audit reviewer sign-in',
    enabled: true,
    type: 'WORKER',
    protocol: 'OPENID_CONNECT',
    grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN', 'DEVICE_CODE'],
    responseTypes: ['CODE'],
    pkceEnforcement: 'S256_REQUIRED',
    tokenEndpointAuthMethod: 'NONE',
    redirectUris: [`http://127.0.0.1:${redirectPort}/callback`],
    refreshTokenType: 'OPAQUE_TOKEN',
    devicePollingInterval: 5,
    deviceTimeout: 600,
    ...overrides,
  });
  const population = admin.populations[0]!.id;
  admin.users.push({ ...NO_ROLE_USER, email: 'gabriel.reyes@acme.example', enabled: true, population: { id: population }, memberOfGroupIDs: [] });
  return dataset;
}

export const reviewerIds = (dataset: Dataset) => ({
  adminEnv: environmentNamed(dataset, 'Administrators').environment.id,
  prodEnv: environmentNamed(dataset, 'Production').environment.id,
  alice: userNamed(dataset, 'alice.nakamura').id,
  bruno: userNamed(dataset, 'bruno.costa').id,
  dana: userNamed(dataset, 'dana.okafor').id,
  noRole: NO_ROLE_USER.id,
});
