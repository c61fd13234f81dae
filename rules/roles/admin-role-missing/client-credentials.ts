import type { RuleIntegrations } from '../../../src/engine/types.js';
import type { Application } from '../../../src/snapshot/model.js';
import { isBuiltInRole } from '../../../src/pingone/admin-actors.js';
import { applicationRef, hasGrant, type LocatedApplication } from '../../../src/pingone/applications.js';
import { INTEGRATION_ROLE_NEEDS } from '../../../src/pingone/integration-role-needs.js';
import { roleCoverage } from '../../../src/pingone/role-coverage.js';
import type { AdminRoleMissingContext, AdminRoleMissingReport } from '../admin-role-missing.js';

/**
 * Findings for a worker app that gets tokens with client_credentials: PingOne authorizes its calls with the app's own
 * roles, so they must reach inside its environment. None when the grant is off or the app's roles were not collected.
 */
export function checkClientCredentials(located: LocatedApplication, { index, integrations, report, leaveUnjudged }: AdminRoleMissingContext): AdminRoleMissingReport[] {
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
