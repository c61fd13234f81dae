import { defineRule } from '../../src/engine/define-rule.js';

import type { User } from '../../src/snapshot/model.js';
import { ADMIN_USER_ROLE_NAMES, actorRef, isAdminUserRole } from '../../src/pingone/admin-actors.js';
import { environmentName } from '../../src/pingone/role-coverage.js';
import { severityOverride } from '../shared/severity.js';
import { listNames } from '../shared/wording.js';

const SEVERITY = 'high';

export default defineRule({
  id: 'admin-user-without-mfa',
  meta: {
    title: 'Admin user with MFA disabled',
    description: 'Require multi-factor authentication to be enabled (mfaEnabled) for every user who holds an admin role.',
    severity: SEVERITY,
    category: 'roles',
    tags: ['mfa', 'admin-users', 'authentication'],
    requires: ['users', 'userRoleAssignments', 'groups', 'groupRoleAssignments', 'groupMembers', 'roles'],
    frameworks: { 'nist-800-53-r5': ['IA-2(1)', 'AC-6(5)'], 'iso-27001-2022': ['A.8.5', 'A.8.2'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['6.5'], 'pci-dss-4.0.1': ['8.4.1'] },
    docs: {
      frameworkRationale: 'An admin user without MFA enabled signs in to privileged access with a single factor.',
      rationale:
        'An admin user’s roles, direct or through a group, reach the Management API through the admin console and through every worker app that signs users in (StackOne’s connector, pingctl, Ping CLI, Ping’s MCP server). `mfaEnabled: false` on the user record means PingOne MFA is switched off for that user, so no MFA step can be completed by them: depending on the sign-on policy they either sign in with a password alone (no MFA step, or an MFA step that bypasses users without a usable method) or are locked out of the apps that demand MFA. Either way the account is one phished or reused password away from administering the environment. The rule reads the flag only: a user without the field is not reported, and disabled users are skipped.',
      remediation: [
        'Console: Directory > Users > the admin > Services > Authentication, and turn Multi-Factor Authentication on; make sure the admin has a paired method (FIDO2 security key or authenticator app preferred).',
        'API: `PUT /environments/{envId}/users/{userId}/mfaEnabled` with `{"mfaEnabled": true}`, then pair a device with `POST /environments/{envId}/users/{userId}/devices`.',
        'If the account is no longer used for administration, remove its role assignments instead (Directory > Users > Roles, or `DELETE /environments/{envId}/users/{userId}/roleAssignments/{roleAssignmentId}`).',
      ],
      references: [
        { title: 'PingOne API: enable users MFA (mfaEnabled)', url: 'https://developer.pingidentity.com/pingone-api/mfa/users/enable-users-mfa.html' },
        { title: 'PingOne: managing a user’s MFA service and methods', url: 'https://docs.pingidentity.com/pingone/directory/p1_manage_a_users_devices.html' },
        { title: 'NIST SP 800-63B §4.2 (AAL2: two distinct authentication factors)', url: 'https://pages.nist.gov/800-63-3/sp800-63b.html#aal2' },
        { title: 'CISA: multifactor authentication (phishing-resistant MFA first)', url: 'https://www.cisa.gov/MFA' },
      ],
      severityRationale: `High when the user holds a role PingOne counts as admin (${ADMIN_USER_ROLE_NAMES.join(', ')}): a stolen password then changes the environment or its identities. Medium for read-only, narrow and custom roles, where it exposes data but changes less.`,
    },
    messages: {
      mfaDisabled: 'Admin user {{user}} (environment {{environment}}) holds {{roles}} but has MFA disabled (mfaEnabled false): enable MFA and pair a phishing-resistant method, or remove the roles.',
    },
    precision: 'high',
  },
  check(_snapshot, { index, report }) {
    return index
      .adminActors()
      .filter((admin) => admin.kind === 'user')
      .flatMap((admin) => {
        const user = admin.actor as User;
        if (user.enabled === false || user.mfaEnabled !== false) return [];
        const roleNames = [...new Set(admin.roles.map(({ role, assignment }) => role?.name ?? `role ${assignment.role.id}`))];
        const severity = admin.roles.some(({ role }) => isAdminUserRole(role)) ? SEVERITY : 'medium';
        const data = { user: user.username, environment: environmentName(admin.environmentId, index), roles: listNames(roleNames) };
        return [report('mfaDisabled', data, { resource: actorRef(admin), pointer: '/mfaEnabled', ...severityOverride(severity, SEVERITY) })];
      });
  },
});
