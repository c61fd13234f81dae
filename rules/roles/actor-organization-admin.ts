import { defineRule } from '../../src/engine/define-rule.js';
import { isBuiltInRole, machineAssignmentsWhere } from '../../src/pingone/admin-actors.js';
import { REFERENCES } from '../shared/references.js';

export default defineRule({
  id: 'actor-organization-admin',
  meta: {
    title: 'Worker app or gateway holds Organization Admin',
    description: 'Disallow the Organization Admin role on worker applications and gateways.',
    severity: 'high',
    category: 'roles',
    tags: ['admin-roles', 'least-privilege', 'worker', 'gateway', 'organization'],
    requires: ['applications', 'applicationRoleAssignments', 'gateways', 'gatewayRoleAssignments', 'roles'],
    frameworks: { 'nist-800-53-r5': ['AC-6', 'AC-6(5)'], 'iso-27001-2022': ['A.8.2', 'A.5.18'], 'soc2-2017': ['CC6.3'], 'cis-v8.1': ['5.4', '6.8'], 'pci-dss-4.0.1': ['7.2.2', '7.2.5'] },
    docs: {
      frameworkRationale: 'Organization Admin on a worker or gateway is the broadest privilege held by a machine credential.',
      rationale:
        'Organization Admin creates, promotes and deletes environments, manages licences, custom roles and the administrators’ own security settings, and can give Environment Admin for every environment to anyone, itself included. On a worker app it is held by a client secret (or key) that sits in some automation’s configuration, needs no MFA and is not tied to a person; on a gateway it is held by an on-premises connection. Whoever obtains that credential owns the whole organization. Ping’s getting-started guide gives Organization Admin to one bootstrap worker in the administrators environment, because creating environments needs it; any other worker or gateway with it is over-privileged, and even the bootstrap one should exist only while environments are being created (RFC 9700 §2.3).',
      remediation: [
        'Find what the actor actually calls; most integrations need one environment-scoped role (Identity Data Admin for directory sync, Environment Admin for configuration tools).',
        'Console: Applications > Applications > the worker app > Roles (or Integrations > Gateways > the gateway > Roles), remove Organization Admin and grant the narrower role scoped to the environments it manages.',
        'API: `DELETE /environments/{envId}/applications/{appId}/roleAssignments/{roleAssignmentId}` (gateways: `/environments/{envId}/gateways/{gatewayId}/roleAssignments/{roleAssignmentId}`), then `POST` the narrower assignment with `"scope": {"type": "ENVIRONMENT", "id": "<envId>"}`.',
        'If one worker must create environments, keep it alone in the administrators environment, authenticate it with private_key_jwt, rotate its credentials, and suppress this finding for it with that reason.',
      ],
      references: [REFERENCES.pingBuiltInRoles, REFERENCES.pingAdminRoleAssignments, REFERENCES.pingWorkerApplications, REFERENCES.rfc9700PrivilegeRestriction],
      severityRationale:
        'High: a single non-human credential controls every environment and every administrator of the organization; its theft is a full compromise. Not critical because it is sometimes deliberate (the bootstrap worker) and the credential must still be stolen.',
    },
    messages: {
      organizationAdmin:
        'The {{actor}} in environment {{environment}} holds Organization Admin: its credential alone can create and delete environments and make anyone an admin of all of them. Replace it with environment-scoped roles for what it manages.',
    },
    precision: 'very-high',
  },
  check(_snapshot, { index, report }) {
    return machineAssignmentsWhere(index, (effective) => isBuiltInRole(effective.role, 'Organization Admin')).map(({ actor, environment, resource, pointer }) =>
      report('organizationAdmin', { actor, environment }, { resource, pointer }),
    );
  },
});
