import { describe, expect, it } from 'vitest';
import actorEnvironmentAdminOrgScope from '../../rules/roles/actor-environment-admin-org-scope.js';
import actorOrganizationAdmin from '../../rules/roles/actor-organization-admin.js';
import actorRolesExceedIntegration from '../../rules/roles/actor-roles-exceed-integration.js';
import adminUserWithoutMfa from '../../rules/roles/admin-user-without-mfa.js';
import workerInheritedActorRoles from '../../rules/roles/worker-inherited-actor-roles.js';
import clientCredentialsNonWorker from '../../rules/grants/client-credentials-non-worker.js';
import deviceGrantUnconfigured from '../../rules/grants/device-grant-unconfigured.js';
import workerMixedGrants from '../../rules/grants/worker-mixed-grants.js';
import workerUserGrantNotAdminOnly from '../../rules/grants/worker-user-grant-not-admin-only.js';
import appNoSignOnPolicy from '../../rules/policies/app-no-sign-on-policy.js';
import mfaBypassNoDevice from '../../rules/policies/mfa-bypass-no-device.js';
import signOnPolicyNoMfa from '../../rules/policies/sign-on-policy-no-mfa.js';
import samlAssertionUnsigned from '../../rules/saml/saml-assertion-unsigned.js';
import samlResponseUnsigned from '../../rules/saml/saml-response-unsigned.js';
import samlSpVerificationMissing from '../../rules/saml/saml-sp-verification-missing.js';
import { runRule } from '../helpers/rule-tester.js';
import { ADMIN_ENV_ID, assignment, buildSnapshot, user, webApp, workerApp } from '../helpers/snapshot-builder.js';
import { loginAction, mfaAction, policy } from './sign-on-policy-fixtures.js';
import { samlApp } from './saml-fixtures.js';

const BATCH_B = [
  workerMixedGrants,
  clientCredentialsNonWorker,
  deviceGrantUnconfigured,
  workerUserGrantNotAdminOnly,
  actorOrganizationAdmin,
  actorEnvironmentAdminOrgScope,
  actorRolesExceedIntegration,
  workerInheritedActorRoles,
  adminUserWithoutMfa,
  signOnPolicyNoMfa,
  mfaBypassNoDevice,
  appNoSignOnPolicy,
  samlAssertionUnsigned,
  samlResponseUnsigned,
  samlSpVerificationMissing,
];

const mfaAssignment = (id: string) => ({ signOnPolicyAssignments: [{ id, signOnPolicy: { id: 'sop-mfa' }, priority: 1 }] });

/** A tenant that follows every recommendation of these rules. */
const hardened = buildSnapshot({
  environments: [
    { id: ADMIN_ENV_ID, name: 'Administrators', users: [user({ id: 'user-ops', username: 'ops@acme.test', _embedded: { roleAssignments: [assignment('Environment Admin')] } })] },
    {
      applications: [
        webApp(),
        samlApp({ _embedded: mfaAssignment('sopa-saml') }),
        workerApp({ id: 'app-sync', name: 'PingDataSync', tokenEndpointAuthMethod: 'PRIVATE_KEY_JWT', jwksUrl: 'https://sync.example.com/jwks' }),
        workerApp({
          id: 'app-admin-tool',
          name: 'Admin tool',
          grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
          tokenEndpointAuthMethod: 'NONE',
          accessControl: { role: { type: 'ADMIN_USERS_ONLY' } },
          _embedded: { roleAssignments: [], ...mfaAssignment('sopa-tool') },
        }),
      ],
      signOnPolicies: [policy('sop-mfa', [loginAction(), mfaAction()], { default: true })],
    },
  ],
});

describe('batch B rules on a hardened tenant', () => {
  for (const rule of BATCH_B) {
    it(`${rule.id} finds nothing`, () => {
      expect(runRule(rule, { name: 'hardened', snapshot: hardened, profileBindings: { 'app-sync': ['pingdatasync'] } })).toEqual([]);
    });
  }
});
