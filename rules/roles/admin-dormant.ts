import { defineRule } from '../../src/engine/define-rule.js';
import type { Severity } from '../../src/engine/types.js';
import type { User } from '../../src/snapshot/model.js';
import { actorRef, isAdminUserRole } from '../../src/pingone/admin-actors.js';
import { environmentName } from '../../src/pingone/role-coverage.js';
import { severityOverride } from '../shared/severity.js';
import { listNames } from '../shared/wording.js';

const SEVERITY: Severity = 'medium';
const DAY_MS = 86_400_000;

/** Milliseconds since the epoch, or undefined for a missing or unreadable timestamp. */
function timeOf(value: unknown): number | undefined {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? undefined : time;
}

export default defineRule({
  id: 'admin-dormant',
  meta: {
    title: 'Admin user has not signed in for a long time',
    description: 'Disallow admin roles on users who have not signed in within the configured number of days, or never have.',
    severity: SEVERITY,
    category: 'roles',
    tags: ['admin-users', 'least-privilege', 'account-lifecycle'],
    requires: ['users', 'userRoleAssignments', 'groups', 'groupRoleAssignments', 'groupMembers', 'roles'],
    frameworks: { 'nist-800-53-r5': ['AC-2', 'AC-2(3)', 'AC-6(5)'], 'iso-27001-2022': ['A.5.16', 'A.5.18', 'A.8.2'], 'soc2-2017': ['CC6.2', 'CC6.3'], 'cis-v8.1': ['5.3'], 'pci-dss-4.0.1': ['8.2.6'] },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          maxDaysSinceSignOn: { type: 'integer', minimum: 1, description: 'Days an admin user may go without signing in before the roles count as dormant.' },
        },
      },
      defaults: { maxDaysSinceSignOn: 90 },
    },
    docs: {
      frameworkRationale: 'An admin who has not signed in for months holds privileges nobody uses, which account management says to disable.',
      rationale:
        'An admin role on an account nobody uses is all risk and no work: its owner moved on, left or never started, nobody notices a password reset or a new MFA device on it, and whoever takes it over administers the environment. PingOne records each user’s last successful sign-on in `lastSignOn.at` (read-only, on the user record the users list already returns, so the rule costs no request). The rule reports users who hold an admin role, directly or through a group, and whose last sign-on is older than the option (90 days by default, the review period most access policies use), or who have never signed in, unless the account itself is younger than that period. Disabled users are skipped: they cannot sign in. A last sign-on that is not a date, or lies more than a day after the audit’s clock, is left unjudged rather than read as never. PingOne updates `lastSignOn` on sign-ons through its own flows; an administrator who only ever signs in through an external identity provider may look dormant here, so check before removing roles.',
      remediation: [
        'Ask the owner whether the access is still needed; if not, remove the role assignments (Directory > Users > the user > Roles, or `DELETE /environments/{envId}/users/{userId}/roleAssignments/{roleAssignmentId}`), or the group membership that grants them.',
        'If the account is no longer used at all, disable it (`PUT /environments/{envId}/users/{userId}/enabled` with `{"enabled": false}`) or delete it.',
        'Review admin role holders on a schedule: `pingone-audit scan` with this rule in the gate catches new dormant accounts.',
      ],
      references: [
        { title: 'PingOne API: users data model (lastSignOn)', url: 'https://developer.pingidentity.com/pingone-api/platform/users.html' },
        { title: 'NIST SP 800-53 Rev. 5 AC-2(3) (disable accounts after a period of inactivity)', url: 'https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final' },
        { title: 'CIS Controls v8 5.3 (disable dormant accounts after 45 days of inactivity)', url: 'https://www.cisecurity.org/controls/v8' },
      ],
      severityRationale:
        'Medium: a dormant account is an opening only once someone takes it over. High when the roles are ones PingOne counts as admin (Organization Admin, Environment Admin, Identity Data Admin, Client Application Developer), which change the environment or its identities.',
    },
    messages: {
      dormant:
        'Admin user {{user}} (environment {{environment}}) holds {{roles}} but last signed in {{days}} days ago, more than {{max}}: remove the roles or disable the account if they are no longer needed.',
      neverSignedIn: 'Admin user {{user}} (environment {{environment}}) holds {{roles}} but has never signed in: remove the roles or disable the account if they are not needed.',
    },
    precision: 'high',
  },
  check(_snapshot, { index, now, options, report, leaveUnjudged }) {
    const maxMs = options.maxDaysSinceSignOn * DAY_MS;
    return index
      .adminActors()
      .filter((admin) => admin.kind === 'user')
      .flatMap((admin) => {
        const user = admin.actor as User;
        if (user.enabled === false) return [];
        const roleNames = [...new Set(admin.roles.map(({ role, assignment }) => role?.name ?? `role ${assignment.role.id}`))];
        const base = { user: user.username, environment: environmentName(admin.environmentId, index), roles: listNames(roleNames), max: `${options.maxDaysSinceSignOn} days` };
        const at = (pointer: string) => ({
          resource: actorRef(admin),
          pointer,
          ...severityOverride(admin.roles.some(({ role }) => isAdminUserRole(role)) ? 'high' : SEVERITY, SEVERITY),
        });
        const lastSignOn = timeOf(user.lastSignOn?.at);
        if (lastSignOn === undefined && user.lastSignOn !== undefined) {
          // A lastSignOn record says the user has signed in: an unreadable date is not "never".
          leaveUnjudged(actorRef(admin), 'has a last sign-on that is not a date (/lastSignOn/at)');
          return [];
        }
        if (lastSignOn !== undefined && lastSignOn - now.getTime() > DAY_MS) {
          leaveUnjudged(actorRef(admin), 'has a last sign-on in the future (/lastSignOn/at): check the data or the clock');
          return [];
        }
        if (lastSignOn === undefined) {
          // A new account has not had the chance to sign in yet.
          const created = timeOf(user.createdAt);
          if (created !== undefined && now.getTime() - created <= maxMs) return [];
          return [report('neverSignedIn', base, at(''))];
        }
        const idleMs = now.getTime() - lastSignOn;
        return idleMs > maxMs ? [report('dormant', { ...base, days: String(Math.floor(idleMs / DAY_MS)) }, at('/lastSignOn/at'))] : [];
      });
  },
});
