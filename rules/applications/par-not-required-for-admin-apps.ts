import { defineRule } from '../../src/engine/define-rule.js';

import { applicationRef, oidcApplicationsOf, userGrantsOf, whetherUserGrant, whetherWorker } from '../../src/pingone/applications.js';
import { allOf, reportsIf } from '../../src/pingone/unknown-answers.js';
import { REFERENCES } from '../shared/references.js';
import { describeGrants } from '../shared/wording.js';

export default defineRule({
  id: 'par-not-required-for-admin-apps',
  meta: {
    title: 'Pushed authorization requests not required on an admin app',
    description: 'Require pushed authorization requests (PAR) on worker apps that sign users in.',
    severity: 'low',
    category: 'applications',
    tags: ['oauth', 'par', 'admin-access', 'rfc9126'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['SC-8', 'SC-23', 'AC-6(5)'], 'iso-27001-2022': ['A.8.2', 'A.8.5'], 'soc2-2017': ['CC6.1', 'CC6.7'], 'cis-v8.1': ['16.11'], 'pci-dss-4.0.1': ['8.3.2'] },
    docs: {
      frameworkRationale: 'Authorization requests for admin sign-in travel through the browser unprotected without PAR, a session-authenticity gap on privileged access.',
      rationale:
        'A worker app that allows a user grant issues tokens carrying the signed-in user’s admin roles over the Management API, which makes it the highest-value client in the tenant. With pushed authorization requests (RFC 9126) the client sends the authorization request over an authenticated back channel and the browser carries only a one-time `request_uri`: the parameters (scopes, redirect URI, PKCE challenge) cannot be read or altered on the way, and PingOne knows the request came from the real client before any user sees a sign-in page. FAPI 2.0 requires PAR for this reason. With `parRequirement` OPTIONAL (the default) the front-channel request stays available to anyone who crafts one. Before requiring PAR, confirm the client sends pushed requests: several integrators’ clients do not, and requiring it would break them.',
      remediation: [
        'Check that the client supports PAR (`POST /{envId}/as/par`, then `/as/authorize?request_uri=…`); most OAuth libraries do.',
        'Console: Applications > Applications > the application > Configuration > edit, and turn on Require Pushed Authorization Request.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"parRequirement": "REQUIRED"`.',
      ],
      references: [
        { title: 'RFC 9126 §1 (pushed authorization requests: integrity and client authentication)', url: 'https://www.rfc-editor.org/rfc/rfc9126#section-1' },
        { title: 'PingOne: pushed authorization requests', url: 'https://docs.pingidentity.com/pingone/applications/p1_pushed_authorization_request.html' },
        REFERENCES.fapi2SecurityProfile,
        REFERENCES.pingUpdateApplication,
      ],
      severityRationale:
        'Low: PAR is defence in depth; PKCE with S256 and exact redirect URIs already protect the code flow. It is asked for only on worker apps with user grants because their tokens administer the tenant, and turning it on can break a client that does not send pushed requests.',
    },
    messages: {
      parOptional: 'Worker app {{app}} signs users in with {{grants}} and issues admin tokens, but accepts authorization requests through the browser without PAR: set parRequirement to REQUIRED.',
      parOptionalIntegration:
        'Worker app {{app}} signs users in with {{grants}} for integration {{profiles}} without requiring PAR: require it once you have confirmed that the integration’s client sends pushed authorization requests.',
    },
    precision: 'high',
  },
  check(snapshot, context) {
    return oidcApplicationsOf(snapshot)
      .filter(({ app }) => app.parRequirement !== 'REQUIRED')
      .flatMap((located) => {
        const { app } = located;
        const target = { resource: applicationRef(located), pointer: '/parRequirement' };
        return reportsIf(allOf(whetherWorker(app), whetherUserGrant(app)), target.resource, context.leaveUnjudged, () => {
          const profiles = context.integrations.profilesFor(app);
          const data = { app: app.name, grants: describeGrants(userGrantsOf(app)) };
          if (profiles.length === 0) return [context.report('parOptional', data, target)];
          return [context.report('parOptionalIntegration', { ...data, profiles: profiles.join(', ') }, target)];
        });
      });
  },
});
