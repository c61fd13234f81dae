import { isBuiltInRole } from '../pingone/admin-actors.js';
import type { LocatedApplication } from '../pingone/applications.js';
import { environmentName, roleCoverage, type RoleCoverage } from '../pingone/role-coverage.js';
import { audienceCoverage, signInAudience } from '../pingone/sign-in-audience.js';
import type { SnapshotIndex } from '../snapshot/lookup.js';
import type { User } from '../snapshot/model.js';
import type { AppRoleExpectation, SignInAdminRoleExpectation } from './types.js';

/** The outcome of a role check: pass, fail, or not evaluated because role data is missing. */
export interface RoleOutcome {
  status: 'pass' | 'fail' | 'not-evaluated';
  expected: string;
  actual: string;
  pointer: string;
  /** What a partial role lacks, or a doubt about the data, for the checklist. */
  note?: string;
  reason?: string;
}

/**
 * A user who may sign in to the app (its own environment, enabled, inside its group restriction)
 * holds one of the `full` roles for the app's environment, directly or through a group; a `partial`
 * role passes with a note saying what it lacks, as the integrators' guides accept it.
 */
export function evaluateSignInAdminRole(located: LocatedApplication, expect: SignInAdminRoleExpectation, index: SnapshotIndex): RoleOutcome {
  const environmentId = located.env.environment.id;
  const environment = environmentName(environmentId, index);
  const expected = `a user who can sign in holds ${[...expect.full, ...(expect.partial ?? []).map((partial) => `${partial.role} (partial)`)].join(' or ')} for environment ${environment}`;
  const audience = signInAudience(located.app, located.env, index);
  const held = audience.users.flatMap((user) => administeringCoverages(user, environmentId, index).map((coverage) => ({ user, coverage })));
  const holding = (name: string, whole: boolean) => held.find(({ coverage }) => isBuiltInRole(coverage.assignment.role, name) && !isNarrowed(coverage) === whole);
  const describe = (found: { user: User; coverage: RoleCoverage }) => `${found.user.username} holds ${found.coverage.label}`;
  const full = expect.full.map((name) => holding(name, true)).find((found) => found !== undefined);
  const partial = (expect.partial ?? []).map((candidate) => ({ candidate, found: holding(candidate.role, true) })).find(({ found }) => found !== undefined);
  // A suitable role scoped to a population, group or application is partial, as admin-role-missing says.
  const scoped = [...expect.full, ...(expect.partial ?? []).map(({ role }) => role)].map((name) => holding(name, false)).find((found) => found !== undefined);
  const suitable = full ?? partial?.found ?? scoped;
  // The collector reads members of role-holding groups only: with a restriction to other groups, who may sign in is unknown.
  if (suitable && !audience.restrictionApplied) {
    const reason = `the app restricts sign-in to groups whose members were not collected (they hold no role), so whether ${suitable.user.username} (who holds ${suitable.coverage.label}) may sign in is unknown`;
    return { status: 'not-evaluated', expected, actual: 'unknown', pointer: '/accessControl/group', reason };
  }
  if (full) return { status: 'pass', expected, actual: describe(full), pointer: '' };
  if (partial?.found) {
    return { status: 'pass', expected, actual: describe(partial.found), pointer: '', note: `${partial.candidate.role} covers identity data only: it lacks ${partial.candidate.lacks}` };
  }
  if (scoped) {
    return { status: 'pass', expected, actual: describe(scoped), pointer: '', note: `partial: ${scoped.coverage.label} ${scoped.coverage.reason}` };
  }
  const { best, complete } = audienceCoverage(audience, environmentId, index);
  if (!complete) {
    return { status: 'not-evaluated', expected, actual: 'unknown', pointer: '', reason: 'the role assignments of some users who can sign in were not collected' };
  }
  const outside = audience.excluded.find((user) =>
    administeringCoverages(user, environmentId, index).some((coverage) => !isNarrowed(coverage) && expect.full.some((name) => isBuiltInRole(coverage.assignment.role, name))),
  );
  if (outside) {
    return { status: 'fail', expected, actual: `${outside.username} holds a suitable role but is outside the groups allowed to sign in`, pointer: '/accessControl/group' };
  }
  const actual = best ? `the best is ${best.label}, held by ${best.user.username}, which ${best.reason}` : 'no user who can sign in holds an admin role';
  return { status: 'fail', expected, actual, pointer: '' };
}

/** The application holds one of `roles` (any administering role when absent), scoped as asked. */
export function evaluateAppRole(located: LocatedApplication, expect: AppRoleExpectation, index: SnapshotIndex): RoleOutcome {
  const environmentId = located.env.environment.id;
  const pointer = '/_embedded/roleAssignments';
  const wanted = expect.roles === undefined ? 'an administering role' : expect.roles.join(' or ');
  const expected = `the app holds ${wanted}${expect.scope === 'own-environment' ? ` for environment ${environmentName(environmentId, index)}` : ''}`;
  const assignments = located.app._embedded?.roleAssignments;
  if (assignments === undefined) return { status: 'not-evaluated', expected, actual: 'unknown', pointer, reason: 'the application’s role assignments were not collected' };
  const coverages = assignments.map((assignment) => roleCoverage({ assignment, role: index.role(assignment.role.id), via: { kind: 'direct' } }, environmentId, index));
  const matches = coverages.filter(
    (coverage) =>
      (expect.roles === undefined ? administers(coverage, expect.scope) : expect.roles.some((name) => isBuiltInRole(coverage.assignment.role, name))) &&
      (expect.scope === 'any' || (coverage.inScope && coverage.limitedTo === undefined)),
  );
  const actual = coverages.length === 0 ? 'no roles' : coverages.map((coverage) => coverage.label).join('; ');
  if (matches.length === 0) return { status: 'fail', expected, actual, pointer };
  // Least privilege: a role the guide does not ask for is one more thing a leaked secret opens.
  const beyond = expect.roles === undefined ? [] : coverages.filter((coverage) => !expect.roles!.some((name) => isBuiltInRole(coverage.assignment.role, name)));
  if (beyond.length === 0) return { status: 'pass', expected, actual, pointer };
  const note = `beyond what the integration needs (${expect.roles!.join(' or ')}), the app also holds ${beyond.map((coverage) => coverage.label).join('; ')}: remove ${beyond.length === 1 ? 'it' : 'them'}, as a leaked secret opens every role the app holds`;
  return { status: 'pass', expected, actual, pointer, note };
}

/** Any administering role; Organization Admin administers the organization, so it counts only where any scope does. */
function administers(coverage: RoleCoverage, scope: AppRoleExpectation['scope']): boolean {
  return coverage.roleLevel !== 'none' || (scope === 'any' && isBuiltInRole(coverage.assignment.role, 'Organization Admin'));
}

/** Roles that administer something in the environment, whatever part of it their scope reaches. */
function administeringCoverages(user: User, environmentId: string, index: SnapshotIndex): RoleCoverage[] {
  return index
    .userRoles(environmentId, user)
    .map((assignment) => roleCoverage(assignment, environmentId, index))
    .filter((coverage) => coverage.inScope && coverage.level !== 'none');
}

/** Whether the role is scoped to a population, group or application, short of the whole environment. */
function isNarrowed(coverage: RoleCoverage): boolean {
  const { type } = coverage.assignment.assignment.scope;
  return type === 'POPULATION' || type === 'GROUP' || type === 'APPLICATION';
}
