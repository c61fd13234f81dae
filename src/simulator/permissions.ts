import type { ApiRoleAssignment } from './api-types.js';
import type { Actor, DatasetIndex } from './dataset-index.js';

/**
 * The simulator's whole authorization model, kept small on purpose. A GET needs one of the caller's
 * roles to grant the endpoint's area and to be scoped over its target. Built-in roles are matched by
 * name, as PingOne's role ids differ per tenant. Custom roles grant nothing here.
 */
export type Area =
  /** Environment record, its custom roles. */
  | 'environment'
  /** Applications and their grants, attributes, sign-on policy assignments and role assignments. */
  | 'applications'
  /** `…/applications/{id}/secret`: the sensitive `applications:read:secret` permission. */
  | 'applicationSecrets'
  /** Sign-on, password, MFA and FIDO policies, and identity providers. */
  | 'policies'
  | 'gateways'
  /** Keys, certificates, webhooks and custom domains. */
  | 'settings'
  /** Users, groups, populations, memberships. */
  | 'identities'
  /** Role assignments held by users and groups. */
  | 'identityRoleAssignments';

const allAreas: readonly Area[] = ['environment', 'applications', 'applicationSecrets', 'policies', 'gateways', 'settings', 'identities', 'identityRoleAssignments'];

// Identity Data Admin reaching applications follows StackOne's guide (domain.md §1); the read-only
// variants grant the same reads as their admin roles, minus secrets. Organization Admin's permissions
// stop at the organization (environments, licences, custom roles: Ping's "PingOne Role Permissions"
// page); inside an environment it needs an environment role, as its holders get on creating one.
/**
 * What each built-in role reads, by name. `pingone-audit whoami` predicts from its own table, written
 * from Ping's role pages (src/pingone/built-in-role-reads.ts); a test holds the two against each other.
 */
const areasByRoleName: Readonly<Record<string, readonly Area[]>> = {
  'Organization Admin': ['environment'],
  'Environment Admin': allAreas,
  'Configuration Read Only': ['environment', 'applications', 'policies', 'gateways', 'settings'],
  'Identity Data Admin': ['environment', 'applications', 'identities', 'identityRoleAssignments'],
  'Identity Data Read Only': ['environment', 'applications', 'identities', 'identityRoleAssignments'],
  'Client Application Developer': ['environment', 'applications', 'applicationSecrets'],
  'Application Owner': ['applications'],
  'Help Desk Admin': ['identities'],
};

/** Roles that let their holders manage (and so delete) other role assignments in scope. */
const assigningRoleNames = new Set(['Organization Admin', 'Environment Admin']);

/** What a request reaches: its environment, and for application routes the application. */
export interface Target {
  environmentId: string;
  applicationId?: string;
}

/** Does one assignment's scope reach the target? Organization scope reaches every environment. */
function scopeCovers(index: DatasetIndex, assignment: ApiRoleAssignment, target: Target, area?: Area): boolean {
  const { id, type } = assignment.scope;
  switch (type) {
    case 'ORGANIZATION':
      return id === index.dataset.organization.id;
    case 'ENVIRONMENT':
      return id === target.environmentId;
    case 'POPULATION':
      return index.populationEnvironment(id) === target.environmentId && (area === 'identities' || area === 'identityRoleAssignments');
    case 'APPLICATION':
      return target.applicationId === id;
    default:
      // GROUP reaches that group's members only, and the simulator's targets are never narrower than an
      // application, so it grants no read here; an unknown scope type grants nothing either.
      return false;
  }
}

function areasOf(index: DatasetIndex, assignment: ApiRoleAssignment): readonly Area[] {
  const role = index.role(assignment.role.id);
  if (role === undefined || role.type === 'CUSTOM') return [];
  return areasByRoleName[role.name] ?? [];
}

/** Whether one of the actor's roles grants the area over the target, within its scope. */
export function isAllowed(index: DatasetIndex, actor: Actor, area: Area, target: Target): boolean {
  return index.assignmentsOf(actor).some((assignment) => areasOf(index, assignment).includes(area) && scopeCovers(index, assignment, target, area));
}

/** Environments in which the actor holds any role: what `GET /environments` lists for it. */
export function visibleEnvironmentIds(index: DatasetIndex, actor: Actor): Set<string> {
  const assignments = index.assignmentsOf(actor).filter((assignment) => areasOf(index, assignment).length > 0);
  const visible = new Set<string>();
  for (const { environment } of index.dataset.environments) {
    // A population-scoped role also makes its environment visible, hence an identity area here.
    if (assignments.some((assignment) => scopeCovers(index, assignment, { environmentId: environment.id }, 'identities'))) {
      visible.add(environment.id);
    }
  }
  return visible;
}

/** Whether the actor holds any built-in role that grants an area. */
export function holdsAnyRole(index: DatasetIndex, actor: Actor): boolean {
  return index.assignmentsOf(actor).some((assignment) => areasOf(index, assignment).length > 0);
}

/** PingOne's `readOnly` is relative to the caller: can this actor delete the assignment? */
export function isReadOnlyFor(index: DatasetIndex, actor: Actor, assignment: ApiRoleAssignment, environmentId: string): boolean {
  const assignee = assignment.user ?? assignment.group ?? assignment.application ?? assignment.gateway;
  if (assignee?.id === actor.id) return true;
  const scopeEnvironment = assignment.scope.type === 'ENVIRONMENT' ? assignment.scope.id : environmentId;
  return !index.assignmentsOf(actor).some((held) => {
    const name = index.role(held.role.id)?.name;
    return name !== undefined && assigningRoleNames.has(name) && scopeCovers(index, held, { environmentId: scopeEnvironment });
  });
}
