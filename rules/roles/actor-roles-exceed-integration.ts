import { defineRule } from '../../src/engine/define-rule.js';
import type { NoOptions, RuleContext } from '../../src/engine/types.js';
import type { EffectiveRoleAssignment } from '../../src/snapshot/lookup.js';
import { isBuiltInRole } from '../../src/pingone/admin-actors.js';
import { applicationRef, applicationsOf, hasGrant, whetherWorker, type LocatedApplication } from '../../src/pingone/applications.js';
import { reportsIf } from '../../src/pingone/unknown-answers.js';
import { isKnownValue } from '../../src/snapshot/model.js';
import { INTEGRATION_ROLE_NEEDS, type IntegrationRoleNeeds } from '../../src/pingone/integration-role-needs.js';
import { REFERENCES } from '../shared/references.js';
import { roleCoverage } from '../../src/pingone/role-coverage.js';

const MESSAGES = {
  roleNotNeeded: 'Worker app {{app}} is bound to {{profiles}}, which needs {{needs}}; its {{role}} goes beyond that: remove it.',
  scopeTooWide: 'Worker app {{app}} is bound to {{profiles}}, which needs {{needs}}; its {{role}} reaches every environment: scope it to the environments the integration manages.',
  rolesOnSignInIntegration:
    'Worker app {{app}} is bound to {{profiles}}, whose calls PingOne authorizes with the signed-in admin’s roles, yet it allows client_credentials and holds {{role}}, usable by anyone with its secret: remove the role and the client_credentials grant.',
} as const;

export default defineRule({
  id: 'actor-roles-exceed-integration',
  meta: {
    title: 'Worker app holds roles its integration does not need',
    description: 'Require worker applications bound to an integration profile to hold only the roles that integration needs, at the narrowest scope.',
    severity: 'medium',
    category: 'roles',
    tags: ['admin-roles', 'least-privilege', 'worker', 'integrations'],
    requires: ['applications', 'applicationRoleAssignments', 'roles'],
    frameworks: { 'nist-800-53-r5': ['AC-6', 'AC-6(7)'], 'iso-27001-2022': ['A.8.2', 'A.5.18'], 'soc2-2017': ['CC6.3'], 'cis-v8.1': ['6.8'], 'pci-dss-4.0.1': ['7.2.5'] },
    docs: {
      frameworkRationale: 'Roles beyond what the integration needs break least privilege for an application account.',
      rationale:
        'An integration’s worker app is a credential that lives outside PingOne, in the integrator’s systems or a pipeline’s secrets. Its roles should be exactly what the integration’s guide asks for: PingDataSync needs Identity Data Admin for the synced environment; the CLIs in client-credentials mode need environment-scoped administration roles for the environments they manage; StackOne, pingctl’s and Ping CLI’s sign-in modes need no roles on the app at all, because PingOne checks the signed-in admin’s roles. Anything beyond that, or a needed role at organization scope (which reaches every environment, including future ones), is privilege a leaked secret would hand over for nothing (RFC 9700 §2.3). Apps are bound to integrations by configuration or recognised by their redirect URIs. Terraform’s needs depend on what it manages and are not judged; custom roles are not judged either. Roles on an app that only signs users in are ignored by PingOne and reported by admin-role-missing instead.',
      remediation: [
        'Console: Applications > Applications > the worker app > Roles: remove the roles the message names, or remove and grant them again scoped to the managed environment.',
        'API: `DELETE /environments/{envId}/applications/{appId}/roleAssignments/{roleAssignmentId}`, then `POST /environments/{envId}/applications/{appId}/roleAssignments` with `{"role":{"id":"<roleId>"},"scope":{"type":"ENVIRONMENT","id":"<managed envId>"}}` if a narrower assignment is needed.',
        'For a sign-in integration with client_credentials enabled: remove the grant too, since the integration signs admins in.',
      ],
      references: [
        {
          title: 'PingDirectory: PingDataSync prerequisites for PingOne (Identity Data Admin)',
          url: 'https://docs.pingidentity.com/pingdirectory/latest/pingdatasync_server_administration_guide/pd_sync_prerequisites.html',
        },
        REFERENCES.stackOneGuide,
        { title: 'Ping DevOps: pingctl worker application configuration', url: 'https://developer.pingidentity.com/devops/reference/pingone-config.html' },
        REFERENCES.pingWorkerApplications,
        REFERENCES.rfc9700PrivilegeRestriction,
      ],
      severityRationale:
        'Medium: the excess privilege is only usable by whoever holds the integration’s credential, but that credential is stored outside PingOne, often by a third party, so its exposure is out of the tenant’s hands.',
    },
    messages: MESSAGES,
    precision: 'high',
  },
  check(snapshot, context) {
    return applicationsOf(snapshot)
      .filter(({ app }) => (app._embedded?.roleAssignments?.length ?? 0) > 0)
      .flatMap((located) => reportsIf(whetherWorker(located.app), applicationRef(located), context.leaveUnjudged, () => excessRoles(located, context)));
  },
});

function excessRoles(located: LocatedApplication, context: RuleContext<NoOptions, typeof MESSAGES>) {
  const { app, env } = located;
  const profiles = context.integrations.profilesFor(app).filter((id) => id in INTEGRATION_ROLE_NEEDS);
  const needs = profiles.map((id) => INTEGRATION_ROLE_NEEDS[id]!);
  if (needs.length === 0 || needs.some((need) => need.appRoles === undefined)) return [];
  const signInOnly = needs.every((need) => need.authorizedBy === 'signed-in user');
  // Without client_credentials PingOne ignores the app's roles; admin-role-missing reports those.
  if (signInOnly && !hasGrant(app, 'CLIENT_CREDENTIALS')) return [];
  const data = { app: app.name, profiles: profiles.join(' and '), needs: needs.map((need) => need.summary).join('; ') };
  return (app._embedded?.roleAssignments ?? []).flatMap((assignment, i) => {
    const effective: EffectiveRoleAssignment = { assignment, role: context.index.role(assignment.role.id), via: { kind: 'direct' } };
    const messageId = signInOnly ? 'rolesOnSignInIntegration' : verdict(effective, needs);
    if (messageId === 'scopeTooWide' && !isKnownValue('role assignment scope type', assignment.scope.type)) {
      // A scope PingOne added later may be narrower than every scope the integration's guide names.
      context.leaveUnjudged(applicationRef(located), `its role assignment ${i} has scope type ${assignment.scope.type}, which this version does not know`);
      return [];
    }
    if (messageId === undefined) return [];
    const role = roleCoverage(effective, env.environment.id, context.index).label;
    return [context.report(messageId, { ...data, role }, { resource: applicationRef(located), pointer: `/_embedded/roleAssignments/${i}` })];
  });
}

/** Why one assignment exceeds what the integrations need, or undefined when it does not (or is a custom role). */
function verdict({ role, assignment }: EffectiveRoleAssignment, needs: readonly IntegrationRoleNeeds[]): 'roleNotNeeded' | 'scopeTooWide' | undefined {
  if (role === undefined || role.type === 'CUSTOM') return undefined;
  const allowing = needs.filter((need) => (need.appRoles ?? []).some((name) => isBuiltInRole(role, name)));
  if (allowing.length === 0) return 'roleNotNeeded';
  return allowing.some((need) => (need.scopes ?? []).includes(assignment.scope.type)) ? undefined : 'scopeTooWide';
}
