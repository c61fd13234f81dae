import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { runRule, TEST_NOW } from '../helpers/rule-tester.js';
import { ADMIN_ENV_ID, assignment, buildSnapshot, user, webApp, workerApp } from '../helpers/snapshot-builder.js';
import { loginAction, mfaAction, policy } from './sign-on-policy-fixtures.js';
import { customDomain, signingKey, webhook } from './key-fixtures.js';
import { samlApp } from './saml-fixtures.js';

/** The sign-in hardening of the web app fixture (PKCE S256, PAR, CORS closed, bounded refresh tokens), for the worker that signs admins in. */
const { id: _id, name: _name, type: _type, tokenEndpointAuthMethod: _auth, jwksUrl: _jwks, _embedded: _children, ...hardenedSignInSettings } = webApp();

/** Admins who signed in last week. */
const recentSignOn = { lastSignOn: { at: new Date(TEST_NOW.getTime() - 7 * 86_400_000).toISOString() } };

/** The new kinds, hardened: a strong default password policy, a FIDO2-only default MFA policy, and one-hour access tokens. */
const hardenedAuthentication = (env: string) => ({
  populations: [{ id: `pop-staff-${env}`, name: 'Staff', default: true }],
  passwordPolicies: [{ id: `pwp-standard-${env}`, name: 'Standard', default: true, excludesCommonlyUsed: true, length: { min: 12, max: 255 }, lockout: { failureCount: 5, durationSeconds: 900 } }],
  deviceAuthenticationPolicies: [
    { id: `dap-passkeys-${env}`, name: 'Passkeys only', default: true, sms: { enabled: false }, voice: { enabled: false }, email: { enabled: false }, fido2: { enabled: true } },
  ],
  fido2Policies: [{ id: `fido-default-${env}`, name: 'Passkeys', default: true, userVerification: { option: 'REQUIRED', enforceDuringAuthentication: true } }],
  resources: [
    { id: `res-p1-${env}`, name: 'PingOne API', type: 'PINGONE_API', accessTokenValiditySeconds: 3_600 },
    { id: `res-orders-${env}`, name: 'Orders API', type: 'CUSTOM', accessTokenValiditySeconds: 900, _embedded: { scopes: [{ id: `scope-orders-read-${env}`, name: 'orders:read' }] } },
  ],
});

const mfaAssignment = (id: string) => ({ signOnPolicyAssignments: [{ id, signOnPolicy: { id: 'sop-mfa' }, priority: 1 }] });

/** A tenant that follows every recommendation of every rule. */
const hardened = buildSnapshot({
  environments: [
    {
      id: ADMIN_ENV_ID,
      name: 'Administrators',
      users: [user({ id: 'user-ops', username: 'ops@acme.test', ...recentSignOn, _embedded: { roleAssignments: [assignment('Environment Admin')] } })],
      ...hardenedAuthentication('admin'),
    },
    {
      applications: [
        webApp(),
        samlApp({ corsSettings: { behavior: 'ALLOW_NO_ORIGINS' }, _embedded: mfaAssignment('sopa-saml') }),
        // PingDataSync's sync source and destination can only send a client secret, as its profile expects.
        workerApp({ id: 'app-sync', name: 'PingDataSync', tokenEndpointAuthMethod: 'CLIENT_SECRET_POST' }),
        workerApp({
          ...hardenedSignInSettings,
          id: 'app-admin-tool',
          name: 'Admin tool',
          grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
          tokenEndpointAuthMethod: 'NONE',
          redirectUris: ['http://127.0.0.1:7464/callback'],
          accessControl: { role: { type: 'ADMIN_USERS_ONLY' } },
          _embedded: { roleAssignments: [], ...mfaAssignment('sopa-tool') },
        }),
      ],
      // Who signs in to the admin tool: an Environment Admin of this environment, with MFA.
      users: [user({ id: 'user-reviewer', username: 'reviewer@acme.test', ...recentSignOn, _embedded: { roleAssignments: [assignment('Environment Admin')] } })],
      signOnPolicies: [policy('sop-mfa', [loginAction(), mfaAction()], { default: true })],
      ...hardenedAuthentication('prod'),
      // Sound keys, a partner certificate far from expiry, a verifying https webhook, a custom domain with a fresh certificate.
      keys: [signingKey()],
      certificates: [signingKey({ id: 'cert-partner', name: 'Partner', keyLength: 3072, signatureAlgorithm: 'SHA384withRSA' })],
      subscriptions: [webhook()],
      customDomains: [customDomain()],
      identityProviders: [{ id: 'idp-corp', name: 'Corporate', type: 'SAML', enabled: true, spSigning: { key: { id: 'key-1' }, algorithm: 'SHA256withRSA' } }],
    },
  ],
});

describe('every rule on a hardened tenant', () => {
  for (const rule of rules) {
    it(`${rule.id} finds nothing`, () => {
      expect(runRule(rule, { name: 'hardened', snapshot: hardened, profileBindings: { 'app-sync': ['pingdatasync'] } })).toEqual([]);
    });
  }
});
