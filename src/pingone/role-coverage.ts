import type { EffectiveRoleAssignment, SnapshotIndex } from '../snapshot/lookup.js';
import type { Role } from '../snapshot/model.js';
import { normaliseRoleName } from './role-names.js';

/**
 * How much of the Management API of one environment a role assignment opens:
 * - `full`: every action in the environment (Environment Admin);
 * - `unknown`: a custom or unmapped role whose permissions are not judged here;
 * - `identity-only`: users, groups, populations, applications, MFA devices, but not sign-on policies,
 *   password policies, identity providers or certificates (Identity Data Admin, or any role scoped to a population);
 * - `read-only`: reads only (Configuration Read Only, Identity Data Read Only);
 * - `limited`: a role scoped to one group (it acts on that group's members only) or one application
 *   (that application only): never the environment as a whole, whatever the role;
 * - `none`: nothing there (wrong scope, or a role such as Application Owner that does not administer the environment,
 *   or Organization Admin, whose permissions stop at the organization: see {@link ORGANIZATION_ADMIN_REASON}).
 */
export type CoverageLevel = 'full' | 'unknown' | 'identity-only' | 'read-only' | 'limited' | 'none';

/** Best first; `unknown` ranks above partial levels so a custom role never causes a finding by itself. */
const COVERAGE_ORDER: readonly CoverageLevel[] = ['full', 'unknown', 'identity-only', 'read-only', 'limited', 'none'];

/** How far one role assignment lets its holder manage one environment, and why, in words fit for a message. */
export interface RoleCoverage {
  level: CoverageLevel;
  /** What the role would cover if its scope reached the environment. */
  roleLevel: CoverageLevel;
  /** Whether the assignment's scope reaches the environment at all. */
  inScope: boolean;
  /** Role, scope and origin in words: "Environment Admin for environment Staging through group Admins". */
  label: string;
  /** Why the level is what it is, as a clause. */
  reason: string;
  /** Set when the assignment is scoped to another environment than the one asked about. */
  otherEnvironmentId?: string;
  /** Set for a GROUP or APPLICATION scope: what the role is limited to, in words ("group Helpdesk"). */
  limitedTo?: string;
  /** Set when the scope type is one this version does not know: the assignment is not judged. */
  unknownScopeType?: string;
  assignment: EffectiveRoleAssignment;
}

const IDENTITY_ONLY = 'covers users, groups, populations and applications but not sign-on policies, password policies, identity providers or certificates';

/**
 * Why Organization Admin covers nothing inside an environment. Ping's "PingOne Built-in Role Permissions" page
 * (developer.pingidentity.com/pingone-api/platform/reference/roles-and-permissions-in-pingone/pingone-role-permissions.html)
 * lists for it environments (create, promote, read, update, delete), licences, the organization, custom roles
 * and the application *catalog*, and no permission to read an environment's applications, users, groups or
 * sign-on policies; "Built-in Admin Roles" adds that it can assign Environment Admin only. PingOne gives the
 * creator of an environment Environment Admin there, which is why Organization Admin often looks sufficient.
 */
const ORGANIZATION_ADMIN_REASON = 'administers the organization (environments, licences, custom roles) but reads nothing inside an environment: no applications, users or sign-on policies';

/** Built-in roles by normalised name; the API's names and the docs' "… Read-Only Admin" spellings both appear. */
const BUILT_IN_COVERAGE = new Map<string, { level: CoverageLevel; reason: string }>([
  ['organization admin', { level: 'none', reason: ORGANIZATION_ADMIN_REASON }],
  ['environment admin', { level: 'full', reason: 'covers every Management API action' }],
  ['identity data admin', { level: 'identity-only', reason: IDENTITY_ONLY }],
  ['identity data read only', { level: 'read-only', reason: 'reads identity data only' }],
  ['identity data read only admin', { level: 'read-only', reason: 'reads identity data only' }],
  ['configuration read only', { level: 'read-only', reason: 'reads configuration only' }],
  ['configuration read only admin', { level: 'read-only', reason: 'reads configuration only' }],
  ['client application developer', { level: 'none', reason: 'manages applications and their secrets only' }],
  ['application owner', { level: 'none', reason: 'covers only the applications it is scoped to' }],
  ['davinci admin', { level: 'none', reason: 'covers DaVinci only' }],
  ['davinci admin read only', { level: 'none', reason: 'covers DaVinci only' }],
]);

/** What one role assignment covers in one environment, and why. */
export function roleCoverage(effective: EffectiveRoleAssignment, environmentId: string, index: SnapshotIndex): RoleCoverage {
  const { assignment, role, via } = effective;
  const intrinsic = intrinsicCoverage(role);
  const { scope } = assignment;
  const through = via.kind === 'group' ? ` through group ${via.groupName}` : '';
  const named = (scopeWords: string) => `${role?.name ?? `role ${assignment.role.id}`} for ${scopeWords}${through}`;
  const result = (level: CoverageLevel, inScope: boolean, scopeWords: string, reason: string): RoleCoverage => ({
    level,
    roleLevel: intrinsic.level,
    inScope,
    label: named(scopeWords),
    reason,
    assignment: effective,
  });

  switch (scope.type) {
    case 'ORGANIZATION': {
      const inScope = index.organizationId === undefined || scope.id === index.organizationId;
      return inScope ? result(intrinsic.level, true, 'the organization', intrinsic.reason) : result('none', false, `organization ${scope.id}`, 'is scoped to another organization');
    }
    case 'ENVIRONMENT': {
      const words = `environment ${environmentName(scope.id, index)}`;
      if (scope.id === environmentId) return result(intrinsic.level, true, words, intrinsic.reason);
      return { ...result('none', false, words, 'is scoped to another environment'), otherEnvironmentId: scope.id };
    }
    case 'POPULATION': {
      const populationEnvironment = index.populationEnvironment(scope.id) ?? assignment.environment?.id;
      const words = `population ${populationName(scope.id, populationEnvironment, index)}`;
      if (populationEnvironment === undefined) return result('unknown', true, words, 'is scoped to a population not in the snapshot');
      if (populationEnvironment !== environmentId) {
        return { ...result('none', false, words, 'is scoped to a population of another environment'), otherEnvironmentId: populationEnvironment };
      }
      // A population scope narrows any role to that population's identity data.
      const level = intrinsic.level === 'full' ? 'identity-only' : intrinsic.level;
      return result(level, true, words, `${intrinsic.reason}, and only for the users of that population`);
    }
    case 'GROUP':
    case 'APPLICATION': {
      const isGroup = scope.type === 'GROUP';
      const scopeEnvironment = isGroup ? index.groupEnvironment(scope.id) : index.applicationEnvironment(scope.id);
      const words = isGroup ? `group ${groupName(scope.id, scopeEnvironment, index)}` : `application ${applicationName(scope.id, scopeEnvironment, index)}`;
      if (scopeEnvironment !== undefined && scopeEnvironment !== environmentId) {
        return { ...result('none', false, words, `is scoped to a ${isGroup ? 'group' : 'application'} of another environment`), otherEnvironmentId: scopeEnvironment };
      }
      // Ping: a group-scoped role acts on that group's members only, an application-scoped one on that
      // app only; neither reaches the environment, so the best it can be is partial.
      const level = intrinsic.level === 'none' ? 'none' : 'limited';
      const limit = isGroup ? 'only for the members of that group' : 'only for that application';
      return { ...result(level, true, words, `${intrinsic.reason}, but ${limit}, never the whole environment`), limitedTo: words };
    }
    default: {
      // A scope type PingOne added after this version: what it reaches is unknown, so it is not judged.
      const type = String(scope.type);
      return { ...result('unknown', true, `scope ${type} ${scope.id}`, `has scope type ${type}, which this version does not know`), unknownScopeType: type };
    }
  }
}

/** The best coverage among assignments (out-of-scope ones ordered by what they would cover), or undefined if none. */
export function bestCoverage(assignments: readonly EffectiveRoleAssignment[], environmentId: string, index: SnapshotIndex): RoleCoverage | undefined {
  const coverages = assignments.map((assignment) => roleCoverage(assignment, environmentId, index));
  return coverages.sort(compareCoverage)[0];
}

/** Sort comparator, best coverage first ({@link COVERAGE_ORDER}); ties go to the role that would cover more. */
export function compareCoverage(a: RoleCoverage, b: RoleCoverage): number {
  const rank = (level: CoverageLevel) => COVERAGE_ORDER.indexOf(level);
  return rank(a.level) - rank(b.level) || rank(a.roleLevel) - rank(b.roleLevel);
}

function intrinsicCoverage(role: Role | undefined): { level: CoverageLevel; reason: string } {
  if (role === undefined) return { level: 'unknown', reason: 'is a role not in the snapshot' };
  const builtIn = role.type === 'CUSTOM' ? undefined : BUILT_IN_COVERAGE.get(normaliseRoleName(role.name));
  return builtIn ?? { level: 'unknown', reason: 'is a custom or unmapped role whose permissions are not judged' };
}

/** The environment's name for messages; its id when the snapshot does not hold it. */
export function environmentName(environmentId: string, index: SnapshotIndex): string {
  return index.environment(environmentId)?.environment.name ?? environmentId;
}

function groupName(groupId: string, environmentId: string | undefined, index: SnapshotIndex): string {
  return (environmentId === undefined ? undefined : index.group(environmentId, groupId))?.name ?? groupId;
}

function applicationName(applicationId: string, environmentId: string | undefined, index: SnapshotIndex): string {
  const env = environmentId === undefined ? undefined : index.environment(environmentId);
  return env?.applications.find((app) => app.id === applicationId)?.name ?? applicationId;
}

function populationName(populationId: string, environmentId: string | undefined, index: SnapshotIndex): string {
  const env = environmentId === undefined ? undefined : index.environment(environmentId);
  return env?.populations.find((population) => population.id === populationId)?.name ?? populationId;
}
