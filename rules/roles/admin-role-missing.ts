import { defineRule } from '../../src/engine/define-rule.js';
import type { NoOptions, ResourceRef, RuleContext, RuleIntegrations, RuleReport } from '../../src/engine/types.js';
import type { Application } from '../../src/snapshot/model.js';
import { INTEGRATION_ROLE_NEEDS } from '../../src/pingone/integration-role-needs.js';
import { REFERENCES } from '../shared/references.js';
import { describeGrants } from '../shared/wording.js';
import { applicationRef, applicationsOf, hasGrant, userGrantsOf, whetherUserGrant, whetherWorker, type LocatedApplication } from '../../src/pingone/applications.js';
import { reportsIf } from '../../src/pingone/unknown-answers.js';
import { isBuiltInRole } from '../../src/pingone/admin-actors.js';
import { roleCoverage } from '../../src/pingone/role-coverage.js';
import { audienceCoverage, bestUserCoverage, signInAudience } from '../../src/pingone/sign-in-audience.js';

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

type Context = RuleContext<NoOptions, typeof MESSAGES>;
type Report = RuleReport<typeof MESSAGES>;
/** What every admin-role-missing message about a sign-in grant names. */
type SignInData = { app: string; grants: string; environment: string };

function checkUserGrants(located: LocatedApplication, context: Context): Report[] {
  const { app, env } = located;
  const grants = userGrantsOf(app);
  const resource = applicationRef(located);
  const data = { app: app.name, grants: describeGrants(grants), environment: env.environment.name };
  const reports: Report[] = [];
  const finding = signInCoverageFinding(located, context, data, resource, grants.length === 0 ? '/grantTypes' : `/grantTypes/${(app.grantTypes ?? []).indexOf(grants[0]!)}`);
  if (finding) reports.push(finding);
  const ownRoles = app._embedded?.roleAssignments ?? [];
  if (ownRoles.length > 0 && !hasGrant(app, 'CLIENT_CREDENTIALS')) {
    reports.push(
      context.report(
        'appRolesIgnored',
        { ...data, count: ownRoles.length },
        {
          resource,
          pointer: '/_embedded/roleAssignments',
          severity: 'low',
        },
      ),
    );
  }
  return reports;
}

/** What is wrong with the roles of the users who may sign in, if anything can be said. */
function signInCoverageFinding(located: LocatedApplication, { index, report, leaveUnjudged }: Context, data: SignInData, resource: ResourceRef, grantPointer: string): Report | undefined {
  const environmentId = located.env.environment.id;
  const audience = signInAudience(located.app, located.env, index);
  const { best, complete } = audienceCoverage(audience, environmentId, index);
  if (complete && best?.unknownScopeType !== undefined) {
    leaveUnjudged(resource, `${best.user.username} holds ${best.label}, whose scope type ${best.unknownScopeType} this version does not know`);
    return undefined;
  }
  // Unread role data could hide the admin the integration uses: say nothing rather than guess.
  if (!complete || best?.level === 'full' || best?.level === 'unknown') return undefined;
  const outside = bestUserCoverage(audience.excluded, environmentId, index);
  if (outside?.level === 'full') {
    return report(
      'adminOutsideAllowedGroups',
      { ...data, admin: outside.user.username, role: outside.label },
      {
        resource,
        pointer: '/accessControl/group/groups',
      },
    );
  }
  if (best !== undefined && best.level !== 'none') {
    return report(
      'userGrantPartial',
      { ...data, role: best.label, admin: best.user.username, reason: best.reason },
      {
        resource,
        pointer: grantPointer,
        severity: 'medium',
      },
    );
  }
  const found = best
    ? `the closest is ${best.label}, held by ${best.user.username}, which ${best.reason}`
    : audience.excludesSomeone
      ? 'no admin user is in the groups allowed to sign in to it'
      : 'no user of the environment holds an admin role';
  return report('userGrantNoAdmin', { ...data, found }, { resource, pointer: grantPointer });
}

function checkClientCredentials(located: LocatedApplication, { index, integrations, report, leaveUnjudged }: Context): Report[] {
  const { app, env } = located;
  const assignments = app._embedded?.roleAssignments;
  // Absent means not collected: the engine reports the gap; no finding from missing data.
  if (!hasGrant(app, 'CLIENT_CREDENTIALS') || assignments === undefined) return [];
  const environmentId = env.environment.id;
  const data = { app: app.name, environment: env.environment.name, suggestion: suggestedRole(app, integrations) };
  const pointer = '/_embedded/roleAssignments';
  if (assignments.length === 0) return [report('clientCredentialsNoRoles', data, { resource: applicationRef(located), pointer })];
  const coverages = assignments.map((assignment) => roleCoverage({ assignment, role: index.role(assignment.role.id), via: { kind: 'direct' } }, environmentId, index));
  const inScope = coverages.filter((coverage) => coverage.inScope);
  if (inScope.length === 0) {
    const roles = coverages.map((coverage) => coverage.label).join('; ');
    return [report('clientCredentialsOtherEnvironments', { ...data, roles }, { resource: applicationRef(located), pointer, severity: 'low' })];
  }
  // A group or application scope never reaches the environment as a whole, whatever the role;
  // Organization Admin reaches the organization, not what lies inside an environment.
  const reaching = inScope.filter((coverage) => coverage.limitedTo === undefined && coverage.unknownScopeType === undefined);
  if (reaching.some((coverage) => !isBuiltInRole(coverage.assignment.role, 'Organization Admin'))) return [];
  if (reaching.length > 0 && inScope.every((coverage) => coverage.unknownScopeType === undefined)) {
    return [report('clientCredentialsOrganizationOnly', data, { resource: applicationRef(located), pointer, severity: 'medium' })];
  }
  const unknownScope = inScope.find((coverage) => coverage.unknownScopeType !== undefined);
  if (unknownScope) {
    leaveUnjudged(applicationRef(located), `its role ${unknownScope.label} has scope type ${unknownScope.unknownScopeType}, which this version does not know`);
    return [];
  }
  const roles = inScope.map((coverage) => coverage.label).join('; ');
  return [report('clientCredentialsLimited', { ...data, roles }, { resource: applicationRef(located), pointer, severity: 'medium' })];
}

/** The role a bound integration's profile asks for, naming the integration; else least privilege, with an example. */
function suggestedRole(app: Application, integrations: RuleIntegrations): string {
  const bound = integrations.profilesFor(app).find((id) => INTEGRATION_ROLE_NEEDS[id] !== undefined);
  if (bound === undefined) return 'the least role its job needs (for example Identity Data Admin)';
  return `${INTEGRATION_ROLE_NEEDS[bound]!.suggestedRole} (what the ${integrations.titleOf(bound)} profile asks for)`;
}
