import type { ResourceRef } from '../../../src/engine/types.js';
import { applicationRef, hasGrant, userGrantsOf, type LocatedApplication } from '../../../src/pingone/applications.js';
import { audienceCoverage, bestUserCoverage, signInAudience } from '../../../src/pingone/sign-in-audience.js';
import { describeGrants } from '../../shared/wording.js';
import type { AdminRoleMissingContext, AdminRoleMissingReport } from '../admin-role-missing.js';

/** What every admin-role-missing message about a sign-in grant names. */
type SignInData = { app: string; grants: string; environment: string };

/**
 * Findings for a worker app that signs users in: PingOne authorizes its calls with the signed-in user's roles, so
 * those are judged (at most one finding), and any roles of the app's own that such tokens ignore are reported too.
 */
export function checkUserGrants(located: LocatedApplication, context: AdminRoleMissingContext): AdminRoleMissingReport[] {
  const { app, env } = located;
  const grants = userGrantsOf(app);
  const resource = applicationRef(located);
  const data = { app: app.name, grants: describeGrants(grants), environment: env.environment.name };
  const reports: AdminRoleMissingReport[] = [];
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
function signInCoverageFinding(
  located: LocatedApplication,
  { index, report, leaveUnjudged }: AdminRoleMissingContext,
  data: SignInData,
  resource: ResourceRef,
  grantPointer: string,
): AdminRoleMissingReport | undefined {
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
