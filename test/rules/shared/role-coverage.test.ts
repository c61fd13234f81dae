import { describe, expect, it } from 'vitest';
import { bestCoverage, roleCoverage } from '../../../src/pingone/role-coverage.js';
import type { EffectiveRoleAssignment } from '../../../src/snapshot/lookup.js';
import { buildSnapshotIndex } from '../../../src/snapshot/index-builder.js';
import type { Role, RoleAssignment } from '../../../src/snapshot/model.js';
import { ORG_ID, PROD_ENV_ID, assignment, buildSnapshot, type BuiltInRoleName } from '../../helpers/snapshot-builder.js';

const STAGING = 'env-staging';
const index = buildSnapshotIndex(
  buildSnapshot({
    environments: [
      { id: PROD_ENV_ID, populations: [{ id: 'pop-staff', name: 'Staff' }], groups: [{ id: 'group-helpdesk', name: 'Helpdesk' }] },
      { id: STAGING, name: 'Staging', populations: [{ id: 'pop-guests', name: 'Guests' }], groups: [{ id: 'group-qa', name: 'QA' }] },
    ],
  }),
);

function effective(raw: RoleAssignment, role: Role | undefined = index.role(raw.role.id)): EffectiveRoleAssignment {
  return { assignment: raw, role, via: { kind: 'direct' } };
}
const coverageOf = (name: BuiltInRoleName, scope?: RoleAssignment['scope']) => roleCoverage(effective(assignment(name, scope)), PROD_ENV_ID, index);

describe('roleCoverage', () => {
  it('grades the built-in roles in their own environment', () => {
    expect(coverageOf('Environment Admin').level).toBe('full');
    expect(coverageOf('Identity Data Admin').level).toBe('identity-only');
    expect(coverageOf('Configuration Read Only').level).toBe('read-only');
    expect(coverageOf('Identity Data Read Only').level).toBe('read-only');
    expect(coverageOf('Client Application Developer').level).toBe('none');
  });

  it('grades Organization Admin as reaching nothing inside an environment (Ping: its permissions stop at the organization)', () => {
    const orgAdmin = coverageOf('Organization Admin', { type: 'ORGANIZATION', id: ORG_ID });
    expect(orgAdmin).toMatchObject({ level: 'none', roleLevel: 'none', inScope: true, label: 'Organization Admin for the organization' });
    expect(orgAdmin.reason).toContain('nothing inside an environment');
    const both = bestCoverage([effective(assignment('Organization Admin', { type: 'ORGANIZATION', id: ORG_ID })), effective(assignment('Identity Data Read Only'))], PROD_ENV_ID, index);
    expect(both?.level).toBe('read-only');
  });

  it('names role and scope, and says why a scope misses the environment', () => {
    const staging = coverageOf('Environment Admin', { type: 'ENVIRONMENT', id: STAGING });
    expect(staging).toMatchObject({ level: 'none', roleLevel: 'full', inScope: false, otherEnvironmentId: STAGING, label: 'Environment Admin for environment Staging' });
    expect(coverageOf('Environment Admin', { type: 'ORGANIZATION', id: 'org-other' })).toMatchObject({ level: 'none', inScope: false, reason: 'is scoped to another organization' });
    expect(coverageOf('Application Owner', { type: 'APPLICATION', id: 'app-1' })).toMatchObject({ level: 'none', inScope: true });
  });

  it('narrows a population scope to identity data of that population, and only in its environment', () => {
    const staff = coverageOf('Identity Data Admin', { type: 'POPULATION', id: 'pop-staff' });
    expect(staff).toMatchObject({ level: 'identity-only', inScope: true, label: 'Identity Data Admin for population Staff' });
    expect(staff.reason).toContain('only for the users of that population');
    expect(coverageOf('Identity Data Read Only', { type: 'POPULATION', id: 'pop-staff' }).level).toBe('read-only');
    expect(coverageOf('Identity Data Admin', { type: 'POPULATION', id: 'pop-guests' })).toMatchObject({ level: 'none', otherEnvironmentId: STAGING });
    expect(coverageOf('Identity Data Admin', { type: 'POPULATION', id: 'pop-unknown' }).level).toBe('unknown');
  });

  it('limits a group or application scope to that group or application, never the environment', () => {
    const helpdesk = coverageOf('Identity Data Admin', { type: 'GROUP', id: 'group-helpdesk' });
    expect(helpdesk).toMatchObject({ level: 'limited', roleLevel: 'identity-only', inScope: true, limitedTo: 'group Helpdesk', label: 'Identity Data Admin for group Helpdesk' });
    expect(helpdesk.reason).toContain('only for the members of that group');
    expect(coverageOf('Environment Admin', { type: 'GROUP', id: 'group-helpdesk' }).level).toBe('limited');
    expect(coverageOf('Identity Data Admin', { type: 'GROUP', id: 'group-qa' })).toMatchObject({ level: 'none', inScope: false, otherEnvironmentId: STAGING });
    expect(coverageOf('Environment Admin', { type: 'APPLICATION', id: 'app-1' })).toMatchObject({ level: 'limited', limitedTo: 'application app-1' });
  });

  it('does not judge a scope type it does not know, and names it', () => {
    const future = coverageOf('Environment Admin', { type: 'DEPARTMENT', id: 'dept-1' });
    expect(future).toMatchObject({ level: 'unknown', inScope: true, unknownScopeType: 'DEPARTMENT' });
    expect(future.reason).toContain('DEPARTMENT');
  });

  it('does not judge custom or unresolved roles, and accepts the docs’ “Read-Only Admin” spelling', () => {
    const raw: RoleAssignment = { id: 'ra-x', role: { id: 'role-x' }, scope: { type: 'ENVIRONMENT', id: PROD_ENV_ID } };
    expect(roleCoverage(effective(raw, undefined), PROD_ENV_ID, index).level).toBe('unknown');
    expect(roleCoverage(effective(raw, { id: 'role-x', name: 'Environment Admin', type: 'CUSTOM' }), PROD_ENV_ID, index).level).toBe('unknown');
    expect(roleCoverage(effective(raw, { id: 'role-x', name: 'Identity Data Read-Only Admin', type: 'PLATFORM' }), PROD_ENV_ID, index).level).toBe('read-only');
  });

  it('says through which group a role is held', () => {
    const viaGroup: EffectiveRoleAssignment = { ...effective(assignment('Environment Admin')), via: { kind: 'group', groupId: 'g', groupName: 'Admins' } };
    expect(roleCoverage(viaGroup, PROD_ENV_ID, index).label).toBe('Environment Admin for environment Production through group Admins');
  });
});

describe('bestCoverage', () => {
  it('prefers the widest coverage, then the nearest miss among out-of-scope roles', () => {
    const staging = { type: 'ENVIRONMENT' as const, id: STAGING };
    const best = (...raw: RoleAssignment[]) =>
      bestCoverage(
        raw.map((a) => effective(a)),
        PROD_ENV_ID,
        index,
      );
    expect(best(assignment('Configuration Read Only'), assignment('Identity Data Admin'))?.level).toBe('identity-only');
    expect(best(assignment('Client Application Developer'), assignment('Environment Admin', staging))?.label).toBe('Environment Admin for environment Staging');
    expect(best()).toBeUndefined();
  });
});
