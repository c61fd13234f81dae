import { defineRule } from '../../src/engine/define-rule.js';
import { isBuiltInRole, machineAssignmentsWhere } from '../../src/pingone/admin-actors.js';
import { REFERENCES } from '../shared/references.js';

export default defineRule({
  id: 'actor-environment-admin-org-scope',
  meta: {
    title: 'Worker app or gateway holds Environment Admin for the whole organization',
    description: 'Disallow organization-scoped Environment Admin on worker applications and gateways; scope it to the environments they manage.',
    severity: 'high',
    category: 'roles',
    tags: ['admin-roles', 'least-privilege', 'worker', 'gateway', 'scope'],
    requires: ['applications', 'applicationRoleAssignments', 'gateways', 'gatewayRoleAssignments', 'roles'],
    frameworks: { 'nist-800-53-r5': ['AC-6', 'AC-6(5)'], 'iso-27001-2022': ['A.8.2', 'A.5.18'], 'soc2-2017': ['CC6.3'], 'cis-v8.1': ['6.8'], 'pci-dss-4.0.1': ['7.2.2', '7.2.5'] },
    docs: {
      frameworkRationale: 'Environment Admin over the whole organization gives a worker far more than the environments it manages.',
      rationale:
        'Environment Admin covers every Management API action in an environment: applications and their secrets, identity providers, certificates and keys, sign-on policies, users and the roles of other admins. Assigned at organization scope it covers every environment, including ones created later, so production sits behind the same credential as every sandbox. A worker app or gateway usually manages one or two environments; scoping its role to them keeps a leaked secret from reaching the rest (RFC 9700 §2.3). Ping’s getting-started guide assigns this role at organization scope to a bootstrap worker in the administrators environment, which is the one place it may be deliberate.',
      remediation: [
        'List the environments the actor really manages.',
        'Console: Applications > Applications > the worker app > Roles (or Integrations > Gateways > the gateway > Roles): remove the organization-level Environment Admin and grant Environment Admin (or a narrower role) for each of those environments.',
        'API: `DELETE /environments/{envId}/applications/{appId}/roleAssignments/{roleAssignmentId}`, then `POST /environments/{envId}/applications/{appId}/roleAssignments` with `{"role":{"id":"<Environment Admin id>"},"scope":{"type":"ENVIRONMENT","id":"<managed envId>"}}` per environment (gateways: `/gateways/{gatewayId}/roleAssignments`).',
      ],
      references: [REFERENCES.pingAdminRoleAssignments, REFERENCES.pingBuiltInRoles, REFERENCES.pingWorkerApplications, REFERENCES.rfc9700PrivilegeRestriction],
      severityRationale:
        'High: one non-human credential administers every environment, present and future, including reading every application’s secret. Not critical because the credential must be stolen first and the assignment is sometimes a deliberate bootstrap.',
    },
    messages: {
      organizationScope:
        'The {{actor}} in environment {{environment}} holds Environment Admin for the whole organization, so its credential administers every environment, including future ones: scope the role to the environments it manages.',
    },
    precision: 'very-high',
  },
  check(_snapshot, { index, report }) {
    return machineAssignmentsWhere(index, ({ role, assignment }) => isBuiltInRole(role, 'Environment Admin') && assignment.scope.type === 'ORGANIZATION').map(
      ({ actor, environment, resource, pointer }) => report('organizationScope', { actor, environment }, { resource, pointer }),
    );
  },
});
