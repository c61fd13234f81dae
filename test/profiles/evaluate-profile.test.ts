import { describe, expect, it } from 'vitest';
import type { CollectionEntry } from '../../src/snapshot/model.js';
import { ORG_ID, assignment, group, user } from '../helpers/snapshot-builder.js';
import { checkOf, evaluate, shippedProfile, stackOneApp, webApp, workerApp } from './profile-fixtures.js';

const status = (item: { status: string }) => item.status;

describe('field checks', () => {
  it('equals, with the default PingOne applies when the field is absent', () => {
    const item = evaluate(checkOf({ field: 'tokenEndpointAuthMethod', equals: 'CLIENT_SECRET_POST' }), workerApp());
    expect(item).toMatchObject({ kind: 'equals', status: 'fail', actual: 'CLIENT_SECRET_BASIC', expected: 'CLIENT_SECRET_POST', pointer: '/tokenEndpointAuthMethod' });
    expect(status(evaluate(checkOf({ field: 'allowWildcardInRedirectUris', equals: false, default: false }), webApp({ allowWildcardInRedirectUris: undefined })))).toBe('pass');
    expect(evaluate(checkOf({ field: 'accessControl.role.type', equals: 'ADMIN_USERS_ONLY' }), workerApp())).toMatchObject({ status: 'fail', actual: 'not set', pointer: '/accessControl/role/type' });
  });

  it('oneOf', () => {
    const check = checkOf({ field: 'pkceEnforcement', oneOf: ['OPTIONAL', 'S256_REQUIRED'], default: 'OPTIONAL' });
    expect(status(evaluate(check, webApp({ pkceEnforcement: undefined })))).toBe('pass');
    expect(evaluate(check, webApp({ pkceEnforcement: 'REQUIRED' }))).toMatchObject({ kind: 'oneOf', status: 'fail', expected: 'OPTIONAL or S256_REQUIRED' });
  });

  it('includesOnly: every value listed, nothing else but mayInclude; the first extra value is pointed at', () => {
    const check = checkOf({ field: 'grantTypes', includesOnly: ['AUTHORIZATION_CODE'], mayInclude: ['REFRESH_TOKEN'] });
    expect(status(evaluate(check, webApp({ grantTypes: ['AUTHORIZATION_CODE'] })))).toBe('pass');
    expect(status(evaluate(check, webApp({ grantTypes: ['REFRESH_TOKEN', 'AUTHORIZATION_CODE'] })))).toBe('pass');
    expect(evaluate(check, webApp({ grantTypes: ['AUTHORIZATION_CODE', 'IMPLICIT'] }))).toMatchObject({ status: 'fail', pointer: '/grantTypes/1', actual: 'AUTHORIZATION_CODE + IMPLICIT' });
    expect(evaluate(check, webApp({ grantTypes: ['REFRESH_TOKEN'] }))).toMatchObject({ status: 'fail', pointer: '/grantTypes' });
    expect(evaluate(check, webApp({ grantTypes: undefined }))).toMatchObject({ status: 'fail', actual: 'not set' });
  });

  it('says what breaks without a value the check asks for, on a failure only', () => {
    const check = checkOf({ field: 'grantTypes', includesOnly: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'] }, { whenMissing: { REFRESH_TOKEN: 'the connection dies with the first access token' } });
    expect(evaluate(check, webApp({ grantTypes: ['AUTHORIZATION_CODE'] }))).toMatchObject({ status: 'fail', breaks: 'without REFRESH_TOKEN, the connection dies with the first access token' });
    expect(evaluate(check, webApp({ grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN', 'IMPLICIT'] })).breaks).toBeUndefined();
    expect(evaluate(check, webApp()).breaks).toBeUndefined();
  });

  it('includes and excludes', () => {
    expect(evaluate(checkOf({ field: 'grantTypes', includes: ['CLIENT_CREDENTIALS'] }), webApp())).toMatchObject({ kind: 'includes', status: 'fail' });
    expect(status(evaluate(checkOf({ field: 'grantTypes', includes: ['CLIENT_CREDENTIALS'] }), workerApp()))).toBe('pass');
    const excludes = checkOf({ field: 'responseTypes', excludes: ['TOKEN', 'ID_TOKEN'] });
    expect(status(evaluate(excludes, webApp()))).toBe('pass');
    expect(evaluate(excludes, webApp({ responseTypes: ['CODE', 'ID_TOKEN'] }))).toMatchObject({ kind: 'excludes', status: 'fail', pointer: '/responseTypes/1' });
  });

  it('present, on a nested object', () => {
    const check = checkOf({ field: 'accessControl.group', present: false });
    expect(status(evaluate(check, workerApp()))).toBe('pass');
    const restricted = workerApp({ accessControl: { group: { type: 'ANY_GROUP', groups: [{ id: 'g1' }] } } });
    expect(evaluate(check, restricted)).toMatchObject({ kind: 'present', status: 'fail', actual: 'restricted to 1 group(s) (ANY_GROUP)', pointer: '/accessControl/group' });
  });

  it('duration ranges, in words', () => {
    const check = checkOf({ field: 'refreshTokenRollingDuration', duration: { min: 86_400, max: 15_552_000 } });
    expect(status(evaluate(check, webApp({ refreshTokenRollingDuration: 15_552_000 })))).toBe('pass');
    expect(evaluate(check, webApp({ refreshTokenRollingDuration: 31_536_000 }))).toMatchObject({ kind: 'duration', status: 'fail', actual: '365 days', expected: 'between 1 day and 180 days' });
    expect(evaluate(check, webApp({ refreshTokenRollingDuration: undefined }))).toMatchObject({ status: 'fail', actual: 'not set' });
  });
});

describe('exact redirect URI', () => {
  const check = checkOf({ redirectUri: 'https://api.stackone.com/connect/oauth2/pingone/callback' });

  it('passes on the exact string and points at a near miss otherwise', () => {
    expect(evaluate(check, stackOneApp())).toMatchObject({ kind: 'redirectUri', status: 'pass', pointer: '/redirectUris/0' });
    const slash = stackOneApp({ redirectUris: ['https://other.example/cb', 'https://api.stackone.com/connect/oauth2/pingone/callback/'] });
    expect(evaluate(check, slash)).toMatchObject({ status: 'fail', pointer: '/redirectUris/1' });
    expect(evaluate(check, stackOneApp({ redirectUris: ['https://API.stackone.com/connect/oauth2/pingone/callback'] }))).toMatchObject({ status: 'fail', pointer: '/redirectUris/0' });
    expect(evaluate(check, stackOneApp({ redirectUris: [] }))).toMatchObject({ status: 'fail', pointer: '/redirectUris', actual: 'no redirect URI' });
  });
});

describe('signing-in admin role', () => {
  const check = checkOf({ named: 'signing-in-admin-role', full: ['Organization Admin', 'Environment Admin'], partial: [{ role: 'Identity Data Admin', lacks: 'sign-on policies' }] });
  const app = stackOneApp();
  const withUsers = (users: ReturnType<typeof user>[], extra: { groups?: ReturnType<typeof group>[]; failed?: CollectionEntry[] } = {}) => ({
    environments: [{ applications: [app], users, ...(extra.groups ? { groups: extra.groups } : {}) }],
    ...(extra.failed ? { failed: extra.failed } : {}),
  });

  it('passes on a full role, directly or through a group', () => {
    expect(evaluate(check, app, withUsers([user({ _embedded: { roleAssignments: [assignment('Environment Admin')] } })]))).toMatchObject({ kind: 'signInAdminRole', status: 'pass' });
    const admins = group({ id: 'group-admins', _embedded: { roleAssignments: [assignment('Environment Admin')] } });
    const member = user({ memberOfGroupIDs: ['group-admins'] });
    expect(evaluate(check, app, withUsers([member], { groups: [admins] })).actual).toMatch(/through group Admins/);
  });

  it('passes a partial role with a note on what it lacks', () => {
    const item = evaluate(check, app, withUsers([user({ _embedded: { roleAssignments: [assignment('Identity Data Admin')] } })]));
    expect(item).toMatchObject({ status: 'pass', note: 'Identity Data Admin covers identity data only: it lacks sign-on policies' });
  });

  it('fails when nobody who can sign in holds a suitable role for the app’s environment', () => {
    const elsewhere = user({ _embedded: { roleAssignments: [assignment('Environment Admin', { type: 'ENVIRONMENT', id: 'env-other' })] } });
    expect(evaluate(check, app, withUsers([elsewhere]))).toMatchObject({ status: 'fail', pointer: '' });
    expect(evaluate(check, app, withUsers([])).actual).toBe('no user who can sign in holds an admin role');
  });

  it('counts a role scoped to a group, a population or an application as partial, naming the scope (as admin-role-missing does)', () => {
    const helpdesk = group({ id: 'group-helpdesk', name: 'Helpdesk' });
    const groupScoped = user({ _embedded: { roleAssignments: [assignment('Identity Data Admin', { type: 'GROUP', id: 'group-helpdesk' })] } });
    const item = evaluate(check, app, withUsers([groupScoped], { groups: [helpdesk] }));
    expect(item).toMatchObject({ status: 'pass', actual: 'alice holds Identity Data Admin for group Helpdesk' });
    expect(item.note).toMatch(/^partial: Identity Data Admin for group Helpdesk .*only for the members of that group/);
    const customers = { id: 'pop-customers', name: 'Customers' };
    const populationScoped = user({ _embedded: { roleAssignments: [assignment('Environment Admin', { type: 'POPULATION', id: 'pop-customers' })] } });
    const scopedItem = evaluate(check, app, { environments: [{ applications: [app], users: [populationScoped], populations: [customers] }] });
    expect(scopedItem).toMatchObject({ status: 'pass' });
    expect(scopedItem.note).toMatch(/^partial: Environment Admin for population Customers .*only for the users of that population/);
  });

  it('prefers a role over the whole environment to a scoped one, and names who holds it', () => {
    const scoped = user({ id: 'user-scoped', username: 'scoped', _embedded: { roleAssignments: [assignment('Environment Admin', { type: 'GROUP', id: 'group-helpdesk' })] } });
    const whole = user({ id: 'user-whole', username: 'whole', _embedded: { roleAssignments: [assignment('Environment Admin')] } });
    const item = evaluate(check, app, withUsers([scoped, whole], { groups: [group({ id: 'group-helpdesk', name: 'Helpdesk' })] }));
    expect(item).toMatchObject({ status: 'pass', actual: 'whole holds Environment Admin for environment Production' });
    expect(item.note).toBeUndefined();
  });

  it('is not evaluated when users or their roles failed to collect', () => {
    const failed: CollectionEntry[] = [{ kind: 'userRoleAssignments', environmentId: 'env-prod', status: 'failed', httpStatus: 403, path: '/environments/env-prod/users/u/roleAssignments' }];
    const item = evaluate(check, app, withUsers([user()], { failed }));
    expect(item).toMatchObject({ status: 'not-evaluated', reason: 'could not be read: GET /environments/env-prod/users/u/roleAssignments → 403' });
    expect(evaluate(check, app, withUsers([user({ _embedded: {} })])).status).toBe('not-evaluated');
  });
});

describe('shipped profiles: the signing-in admin role', () => {
  const orgAdmin = user({ _embedded: { roleAssignments: [assignment('Organization Admin', { type: 'ORGANIZATION', id: ORG_ID })] } });
  it.each(['stackone', 'pingctl-auth-code', 'pingctl-implicit', 'pingcli-auth-code'])('%s: Organization Admin alone does not pass (Ping: nothing inside an environment)', (id) => {
    const check = shippedProfile(id).checks.find((candidate) => candidate.id === 'signing-in-admin-role')!;
    const app = stackOneApp();
    expect(evaluate(check, app, { environments: [{ applications: [app], users: [orgAdmin] }] })).toMatchObject({
      status: 'fail',
      actual: expect.stringContaining('reads nothing inside an environment'),
    });
  });
});

describe('app role', () => {
  const check = checkOf({ named: 'app-role', roles: ['Identity Data Admin'], scope: 'own-environment' });

  it('passes on the role for the app’s environment and fails on another scope or none', () => {
    expect(status(evaluate(check, workerApp()))).toBe('pass');
    const elsewhere = workerApp({ _embedded: { roleAssignments: [assignment('Identity Data Admin', { type: 'ENVIRONMENT', id: 'env-other' })] } });
    expect(evaluate(check, elsewhere)).toMatchObject({ kind: 'appRole', status: 'fail', pointer: '/_embedded/roleAssignments' });
    expect(status(evaluate(checkOf({ named: 'app-role', scope: 'any' }), elsewhere))).toBe('pass');
    expect(evaluate(check, workerApp({ _embedded: { roleAssignments: [] } })).actual).toBe('no roles');
  });

  it('fails on a role scoped to one application: it never covers the environment', () => {
    const owner = workerApp({ _embedded: { roleAssignments: [assignment('Identity Data Admin', { type: 'APPLICATION', id: 'app-worker' })] } });
    expect(evaluate(check, owner)).toMatchObject({ status: 'fail', actual: 'Identity Data Admin for application Worker' });
  });

  it('counts Organization Admin as administering the organization, never an environment’s contents', () => {
    const orgAdminOnly = workerApp({ _embedded: { roleAssignments: [assignment('Organization Admin', { type: 'ORGANIZATION', id: ORG_ID })] } });
    expect(status(evaluate(checkOf({ named: 'app-role', scope: 'any' }), orgAdminOnly))).toBe('pass');
    expect(status(evaluate(checkOf({ named: 'app-role', scope: 'own-environment' }), orgAdminOnly))).toBe('fail');
  });

  it('notes roles beyond the ones the integration needs', () => {
    const extra = workerApp({ _embedded: { roleAssignments: [assignment('Identity Data Admin'), assignment('Environment Admin')] } });
    const item = evaluate(check, extra);
    expect(item).toMatchObject({ status: 'pass' });
    expect(item.note).toMatch(/^beyond what the integration needs \(Identity Data Admin\), the app also holds Environment Admin for environment Production: remove it/);
    expect(evaluate(check, workerApp()).note).toBeUndefined();
    expect(evaluate(checkOf({ named: 'app-role', scope: 'any' }), extra).note).toBeUndefined();
  });

  it('is not evaluated when the app’s roles were not collected', () => {
    expect(evaluate(check, workerApp({ _embedded: {} }))).toMatchObject({ status: 'not-evaluated', reason: 'the application’s role assignments were not collected' });
  });
});

describe('conflicts with security rules', () => {
  const check = checkOf({ field: 'pkceEnforcement', equals: 'OPTIONAL', default: 'OPTIONAL' }, { conflictsWith: { rule: 'pkce-not-enforced', values: ['OPTIONAL'], prefer: 'rule', why: 'S256' } });

  it('travel with a pass when the app has the setting the rule reports, and with every failure', () => {
    expect(evaluate(check, stackOneApp())).toMatchObject({ status: 'pass', conflict: { rule: 'pkce-not-enforced' } });
    expect(evaluate(check, stackOneApp({ pkceEnforcement: 'S256_REQUIRED' }))).toMatchObject({ status: 'fail', conflict: { prefer: 'rule' } });
    expect(evaluate(check, stackOneApp({ pkceEnforcement: 'REQUIRED' }))).toMatchObject({ status: 'fail', conflict: { prefer: 'rule' } });
    const oneOf = checkOf({ field: 'pkceEnforcement', oneOf: ['OPTIONAL', 'S256_REQUIRED'] }, { conflictsWith: { rule: 'pkce-not-enforced', values: ['OPTIONAL'], prefer: 'rule', why: 'S256' } });
    expect(evaluate(oneOf, stackOneApp({ pkceEnforcement: 'S256_REQUIRED' })).conflict).toBeUndefined();
  });

  it('let an app that follows the preferred rule pass the item, with a note, so that check agrees with the audit', () => {
    const follows = checkOf(
      { field: 'pkceEnforcement', equals: 'OPTIONAL', default: 'OPTIONAL' },
      { conflictsWith: { rule: 'pkce-not-enforced', values: ['OPTIONAL', 'REQUIRED'], followedWith: ['S256_REQUIRED'], prefer: 'rule', why: 'S256' } },
    );
    const item = evaluate(follows, stackOneApp({ pkceEnforcement: 'S256_REQUIRED' }));
    expect(item).toMatchObject({ status: 'pass', note: 'S256_REQUIRED follows security rule pkce-not-enforced rather than the guide (OPTIONAL), as the audit prefers: S256' });
    expect(item.conflict).toBeUndefined();
    expect(evaluate(follows, stackOneApp({ pkceEnforcement: 'REQUIRED' }))).toMatchObject({ status: 'fail', conflict: { rule: 'pkce-not-enforced' } });
    const guideWins = checkOf(follows.expect, { conflictsWith: { ...follows.conflictsWith!, prefer: 'profile' } });
    expect(evaluate(guideWins, stackOneApp({ pkceEnforcement: 'S256_REQUIRED' })).status).toBe('fail');
  });
});
