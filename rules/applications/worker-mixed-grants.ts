import { defineRule } from '../../src/engine/define-rule.js';
import { applicationRef, hasGrant, oidcApplicationsOf, whetherWorker } from '../../src/pingone/applications.js';
import { allOf, reportsIf } from '../../src/pingone/unknown-answers.js';
import { REFERENCES } from '../shared/references.js';
import { grantPointer, signInGrantsOf, whetherSignInGrant } from '../../src/pingone/sign-in-grants.js';
import { describeGrants } from '../shared/wording.js';
import { plural } from '../../src/wording.js';

export default defineRule({
  id: 'worker-mixed-grants',
  meta: {
    title: 'Worker app mixes client credentials with user sign-in',
    description: 'Disallow worker applications that allow client_credentials together with a grant that signs a user in.',
    severity: 'medium',
    category: 'applications',
    tags: ['worker', 'grants', 'least-privilege', 'admin-roles'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['AC-6', 'AC-6(5)', 'IA-9'], 'iso-27001-2022': ['A.8.2', 'A.5.15'], 'soc2-2017': ['CC6.3'], 'cis-v8.1': ['5.4', '6.8'], 'pci-dss-4.0.1': ['7.2.5', '8.6.1'] },
    docs: {
      frameworkRationale: 'A worker that acts both as itself and for signed-in admins mixes a service account with interactive privileged access.',
      rationale:
        'PingOne authorizes a worker app’s Management API calls in two different ways: with client_credentials by the app’s own role assignments, with authorization_code, implicit, device_code or CIBA by the signed-in user’s. An app that allows both is two admin clients under one client id and one secret. The interactive half is usually guarded (admins only, a sign-on policy with MFA, a short session), but whoever holds the secret can skip all of that and call the API with the app’s own roles, no user and no MFA involved. It also makes reviews wrong: the roles shown on the app apply to one half only. None of the integrations the auditor knows (StackOne, PingDataSync, pingctl, Ping CLI, Terraform) needs both on one app.',
      remediation: [
        'Decide which half the integration uses. For an interactive tool keep the user grant; for a service keep client_credentials. Create a second worker app for the other use if both are needed.',
        'Console: Applications > Applications > the worker app > Configuration > edit, and clear either Client Credentials or the user grant types (Authorization Code, Implicit, Device Authorization, CIBA). If you clear Client Credentials, also remove the app’s roles on the Roles tab: user-grant tokens ignore them.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"grantTypes"` holding one kind only; then `DELETE /environments/{envId}/applications/{appId}/roleAssignments/{roleAssignmentId}` for roles the app no longer uses.',
      ],
      references: [
        REFERENCES.pingWorkerApplications,
        REFERENCES.rfc9700PrivilegeRestriction,
        { title: 'OAuth 2.1 §4.2 (client credentials: the client acts on its own behalf)', url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-4.2' },
      ],
      severityRationale:
        'Medium: the secret becomes a standing admin credential beside a guarded interactive flow, so the controls on that flow (admin-only access, MFA) no longer bound who can act. It needs the secret to exploit, which is why it is not high.',
    },
    messages: {
      mixedGrants:
        'Worker app {{app}} allows client_credentials (authorized by the app’s own {{roles}}) and {{grants}} (authorized by the signed-in user’s roles): whoever holds its secret skips the user sign-in and its MFA. Split it into two apps, or keep one kind of grant.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report, leaveUnjudged }) {
    return oidcApplicationsOf(snapshot)
      .filter(({ app }) => hasGrant(app, 'CLIENT_CREDENTIALS'))
      .flatMap((located) => {
        const { app } = located;
        return reportsIf(allOf(whetherWorker(app), whetherSignInGrant(app)), applicationRef(located), leaveUnjudged, () => {
          const count = app._embedded?.roleAssignments?.length;
          const roles = count === undefined ? 'roles' : plural(count, 'role assignment');
          const data = { app: app.name, grants: describeGrants(signInGrantsOf(app)), roles };
          return [report('mixedGrants', data, { resource: applicationRef(located), pointer: grantPointer(app, 'CLIENT_CREDENTIALS') })];
        });
      });
  },
});
