import { defineRule } from '../../src/engine/define-rule.js';
import type { NoOptions, RuleContext, RuleReport } from '../../src/engine/types.js';
import { REFERENCES } from '../shared/references.js';
import { applicationRef, applicationsOf, whetherUserGrant, whetherWorker } from '../../src/pingone/applications.js';
import { reportsIf } from '../../src/pingone/unknown-answers.js';
import { checkClientCredentials } from './admin-role-missing/client-credentials.js';
import { checkUserGrants } from './admin-role-missing/user-grants.js';

const TRAP = 'signs users in with {{grants}}, so PingOne authorizes its Management API calls with the signed-in user’s admin roles, not the app’s';

const MESSAGES = {
  userGrantNoAdmin: `Worker app {{app}} ${TRAP}; no user who can sign in holds Environment Admin for environment {{environment}} ({{found}}): assign it to the integration’s admin user or a group it belongs to.`,
  userGrantPartial: `Worker app {{app}} ${TRAP}; the best role a user who can sign in holds is {{role}} (held by {{admin}}), which {{reason}}: calls beyond that return 403. Assign Environment Admin for environment {{environment}} if the integration needs more.`,
  adminOutsideAllowedGroups: `Worker app {{app}} ${TRAP}; {{admin}} holds {{role}} but is not in the groups allowed to sign in to the app (accessControl.group): add {{admin}} to one of them, or allow a group {{admin}} belongs to.`,
  appRolesIgnored:
    'Worker app {{app}} has {{count}} role assignment(s) of its own, but it only signs users in ({{grants}}): PingOne ignores the app’s roles for those tokens, so they grant nothing and mislead whoever reviews the setup. Remove them, and put the roles on the signing-in user.',
  clientCredentialsNoRoles:
    'Worker app {{app}} gets tokens with client_credentials, so PingOne authorizes its calls with the app’s own roles, and it has none: every Management API call returns 403. Grant it {{suggestion}} for environment {{environment}}.',
  clientCredentialsLimited:
    'Worker app {{app}} gets tokens with client_credentials, so PingOne authorizes its calls with the app’s own roles, and in environment {{environment}} they reach only part of it ({{roles}}): calls about anything else return 403. Fine if that is all it manages; otherwise grant it {{suggestion}} for environment {{environment}}.',
  clientCredentialsOrganizationOnly:
    'Worker app {{app}} gets tokens with client_credentials, and its only role that reaches environment {{environment}} is Organization Admin, which administers the organization (environments, licences, custom roles) but reads nothing inside an environment: calls about its applications, users and sign-on policies return 403. Fine if the app only creates and manages environments; otherwise grant it {{suggestion}} for environment {{environment}}.',
  clientCredentialsOtherEnvironments:
    'Worker app {{app}} gets tokens with client_credentials, and all its roles are scoped elsewhere ({{roles}}): calls to its own environment {{environment}} return 403. Fine if it only manages those; otherwise grant it {{suggestion}} for environment {{environment}}.',
} as const;

export default defineRule({
  id: 'admin-role-missing',
  meta: {
    title: 'Worker app has no admin role PingOne will use',
    description: 'Require every worker application to be backed by an admin role that PingOne actually checks: the signed-in user’s for user grants, the app’s own for client credentials.',
    severity: 'high',
    category: 'roles',
    tags: ['403', 'worker', 'management-api', 'admin-roles'],
    requires: ['applications', 'applicationRoleAssignments', 'users', 'userRoleAssignments', 'groups', 'groupRoleAssignments', 'groupMembers', 'roles'],
    frameworks: { 'nist-800-53-r5': ['AC-6(5)', 'AC-3', 'CM-6'], 'iso-27001-2022': ['A.5.18', 'A.8.2'], 'soc2-2017': ['CC6.3'], 'cis-v8.1': ['6.8'], 'pci-dss-4.0.1': ['7.2.1'] },
    docs: {
      frameworkRationale: 'A worker whose admin role PingOne does not check either fails or depends on access nobody reviewed.',
      rationale:
        'Management API access comes from admin role assignments, not OAuth scopes. A worker app that gets tokens with client_credentials is authorized by its own roles; one that signs a user in (authorization_code, implicit, device_code) is authorized by that user’s roles, direct or through groups, and its own roles count for nothing. Integrations set up the second way (StackOne’s connector, Ping’s MCP server, pingctl’s PKCE mode) look perfect and still get HTTP 403 on every call when the user who signs in lacks a suitable role in the app’s environment. Only users of the app’s own environment can sign in to it, so only their roles are counted; members of groups that hold no role are not collected, so a group restriction on such groups is not applied. Custom roles are not judged and keep the rule quiet.',
      remediation: [
        'Console, user grants: Directory > Users > the integration’s admin user > Roles > Grant Roles, and give Environment Admin for the app’s environment (Organization Admin is not enough: Ping’s built-in role permissions give it nothing inside an environment); or do the same on a group the user belongs to (Directory > Groups > Roles).',
        'Console, group restriction: Applications > the app > Access, and add a group the admin belongs to (or add the admin to an allowed group).',
        'Console, client credentials: Applications > the app > Roles > Grant Roles, scoped to the environment it manages.',
        'API: resolve role ids with `GET /roles`, then `POST /environments/{envId}/users/{userId}/roleAssignments` (or `/groups/{groupId}/roleAssignments`, or `/applications/{appId}/roleAssignments` for client credentials) with `{"role":{"id":"<roleId>"},"scope":{"type":"ENVIRONMENT","id":"<envId>"}}`.',
        'API, ignored app roles: `DELETE /environments/{envId}/applications/{appId}/roleAssignments/{roleAssignmentId}`.',
      ],
      references: [REFERENCES.pingAdminRoleAssignments, REFERENCES.pingWorkerApplications, REFERENCES.pingBuiltInRoles, REFERENCES.stackOneGuide, REFERENCES.rfc9700PrivilegeRestriction],
      severityRationale:
        'High: the integration fails on every call. Medium when the best role found is partial (Identity Data Admin, a population scope, or read-only), or a client-credentials app holds only Organization Admin: some calls fail. Low for app roles that user grants ignore, and for client-credentials roles that only cover other environments (often intended: a worker in one environment managing another).',
    },
    messages: MESSAGES,
    precision: 'high',
  },
  check(snapshot, context) {
    // An application or grant type this version does not know may be a worker, or a grant that
    // signs users in: such an app is left unjudged, naming the value, where it would be reported.
    return applicationsOf(snapshot).flatMap((located) =>
      reportsIf(whetherWorker(located.app), applicationRef(located), context.leaveUnjudged, () => [
        ...reportsIf(whetherUserGrant(located.app), applicationRef(located), context.leaveUnjudged, () => checkUserGrants(located, context)),
        ...checkClientCredentials(located, context),
      ]),
    );
  },
});

/** The rule context its helpers (./admin-role-missing/) report through. */
export type AdminRoleMissingContext = RuleContext<NoOptions, typeof MESSAGES>;
/** One admin-role-missing report. */
export type AdminRoleMissingReport = RuleReport<typeof MESSAGES>;
