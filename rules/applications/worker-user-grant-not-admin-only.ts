import { defineRule } from '../../src/engine/define-rule.js';
import { applicationRef, oidcApplicationsOf, whetherWorker } from '../../src/pingone/applications.js';
import { allOf, reportsIf } from '../../src/pingone/unknown-answers.js';
import { REFERENCES } from '../shared/references.js';
import { describeGrants } from '../shared/wording.js';
import { severityOverride } from '../shared/severity.js';
import { signInGrantsOf, whetherSignInGrant } from '../../src/pingone/sign-in-grants.js';

const SEVERITY = 'medium';

export default defineRule({
  id: 'worker-user-grant-not-admin-only',
  meta: {
    title: 'Worker app signs in users who are not admins',
    description: 'Require worker applications that sign users in to restrict access to admin users (accessControl.role.type ADMIN_USERS_ONLY).',
    severity: SEVERITY,
    category: 'applications',
    tags: ['worker', 'access-control', 'admin-users', 'least-privilege'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['AC-3', 'AC-6(5)'], 'iso-27001-2022': ['A.8.2', 'A.5.15'], 'soc2-2017': ['CC6.1', 'CC6.3'], 'cis-v8.1': ['5.4', '6.8'], 'pci-dss-4.0.1': ['7.2.2', '8.4.1'] },
    docs: {
      frameworkRationale: 'A worker app that signs users in but admits non-admins opens the admin API sign-in to every user of the environment.',
      rationale:
        'A worker app with a user grant is an admin tool: its tokens carry the signed-in user’s admin roles over the Management API. Without `accessControl.role.type` set to ADMIN_USERS_ONLY, PingOne lets every user of the environment, customers included, complete a sign-in to it and receive its tokens (refresh tokens too). Those tokens carry no admin roles, but the app’s consent, refresh tokens and session then exist for people it was never meant for, any scope it requests is issued to them, and a phished regular account gets further than a sign-in error. ADMIN_USERS_ONLY admits only users holding Organization Admin, Environment Admin, Identity Data Admin or Client Application Developer, which is what StackOne’s guide and Ping’s MCP server ask for. A group restriction (`accessControl.group`) narrows the audience too, so the finding drops to low there.',
      remediation: [
        'Console: Applications > Applications > the worker app > Access, and select Admin Only under Role-based access (optionally add the admin group under Group Membership Policy).',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"accessControl": {"role": {"type": "ADMIN_USERS_ONLY"}}` (keep any `group` entry you have).',
      ],
      references: [
        {
          title: 'PingOne API: control access to applications through roles and groups',
          url: 'https://developer.pingidentity.com/pingone-api/foundations/pingone-roles-scopes-and-permissions/control-access-to-applications-through-roles-and-groups.html',
        },
        REFERENCES.pingWorkerApplications,
        REFERENCES.stackOneGuide,
        REFERENCES.rfc9700PrivilegeRestriction,
      ],
      severityRationale:
        'Medium: non-admin users cannot call the Management API with these tokens, so this is not an escalation by itself, but every user of the environment can obtain tokens for an admin client. Low when a group restriction already limits who signs in.',
    },
    messages: {
      notAdminOnly:
        'Worker app {{app}} signs users in with {{grants}} but does not restrict access to admin users, so every user of environment {{environment}} can get its tokens: set accessControl.role.type to ADMIN_USERS_ONLY.',
      groupOnly:
        'Worker app {{app}} signs users in with {{grants}} and restricts access to groups only, not to admin users: add accessControl.role.type ADMIN_USERS_ONLY so a non-admin added to those groups still cannot sign in.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report, leaveUnjudged }) {
    return oidcApplicationsOf(snapshot)
      .filter(({ app }) => app.accessControl?.role?.type !== 'ADMIN_USERS_ONLY')
      .flatMap((located) => {
        const { app, env } = located;
        return reportsIf(allOf(whetherWorker(app), whetherSignInGrant(app)), applicationRef(located), leaveUnjudged, () => {
          const groupRestricted = (app.accessControl?.group?.groups.length ?? 0) > 0;
          return [
            report(
              groupRestricted ? 'groupOnly' : 'notAdminOnly',
              { app: app.name, grants: describeGrants(signInGrantsOf(app)), environment: env.environment.name },
              {
                resource: applicationRef(located),
                pointer: '/accessControl/role/type',
                ...severityOverride(groupRestricted ? 'low' : SEVERITY, SEVERITY),
              },
            ),
          ];
        });
      });
  },
});
