import { expect } from 'vitest';
import rule from '../../rules/integrations/integration-profile.js';
import type { Application, User } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { assignment, buildSnapshot, type Overrides, user, webApp, workerApp } from '../helpers/snapshot-builder.js';
import { stackOneApp } from '../profiles/profile-fixtures.js';

const admin = (role: Parameters<typeof assignment>[0] = 'Environment Admin'): User => user({ id: 'user-admin', username: 'admin@acme.test', _embedded: { roleAssignments: [assignment(role)] } });
const tenant = (app: Application, users: User[] = [admin()]) => buildSnapshot({ environments: [{ applications: [app], users }] });
const at = (id: string) => ({ type: 'application' as const, id });
const STACKONE = at('app-stackone');
const dataSync = (overrides: Overrides<Application> = {}) => workerApp({ id: 'app-sync', name: 'PingDataSync', tokenEndpointAuthMethod: 'CLIENT_SECRET_POST', ...overrides });

testRule(
  rule,
  {
    valid: [
      { name: 'an app bound to no integration', snapshot: tenant(webApp()) },
      { name: 'PingDataSync bound by its name and set up as its guide says', snapshot: tenant(dataSync()) },
      { name: 'a Terraform worker with a secret and a role', snapshot: tenant(workerApp({ id: 'app-tf', name: 'Terraform (CI)' })) },
      {
        name: 'Ping CLI login with S256_REQUIRED: no conflict with pkce-not-enforced',
        snapshot: tenant(
          workerApp({
            id: 'app-cli',
            name: 'pingcli',
            grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
            responseTypes: ['CODE'],
            pkceEnforcement: 'S256_REQUIRED',
            tokenEndpointAuthMethod: 'NONE',
            redirectUris: ['http://127.0.0.1:7464/callback'],
            _embedded: { roleAssignments: [] },
          }),
        ),
      },
      { name: 'a misconfigured PingDataSync opted out by an empty config binding', snapshot: tenant(dataSync({ tokenEndpointAuthMethod: 'PRIVATE_KEY_JWT' })), profileBindings: { 'app-sync': [] } },
      {
        name: 'StackOne hardened beyond its guide: S256_REQUIRED follows pkce-not-enforced, as the audit prefers; the opaque format is left to refresh-token-not-jwt',
        snapshot: tenant(stackOneApp({ pkceEnforcement: 'S256_REQUIRED', refreshTokenType: 'OPAQUE_TOKEN' })),
      },
      { name: 'a binding to a profile that does not exist', snapshot: tenant(webApp()), profileBindings: { 'app-web': ['zeta'] } },
      {
        name: 'a role check whose data failed to collect says nothing (check lists it as not evaluated)',
        snapshot: buildSnapshot({
          environments: [{ applications: [dataSync({ _embedded: {} })] }],
          failed: [{ kind: 'applicationRoleAssignments', environmentId: 'env-prod', status: 'failed', httpStatus: 403, path: '/environments/env-prod/applications/app-sync/roleAssignments' }],
        }),
      },
    ],
    invalid: [
      {
        name: 'StackOne as its guide says: the two guide settings security rules report are explained, at info',
        snapshot: tenant(stackOneApp()),
        errors: [
          { messageId: 'guideConflict', resource: STACKONE, pointer: '/pkceEnforcement', severity: 'info', data: { rule: 'pkce-not-enforced', preferred: 'what pkce-not-enforced recommends' } },
          { messageId: 'guideConflict', resource: STACKONE, pointer: '/refreshTokenType', severity: 'info', data: { rule: 'refresh-token-jwt-sunset', preferred: 'the guide’s setting for now' } },
        ],
      },
      {
        name: 'StackOne without the refresh_token grant: the message says the connection dies with the first access token',
        snapshot: tenant(stackOneApp({ grantTypes: ['AUTHORIZATION_CODE'], refreshTokenType: 'OPAQUE_TOKEN', pkceEnforcement: 'S256_REQUIRED' })),
        errors: [
          {
            messageId: 'valuesDiffer',
            resource: STACKONE,
            pointer: '/grantTypes',
            severity: 'high',
            data: { breaks: expect.stringContaining('without REFRESH_TOKEN, the connection dies when the first access token expires') as unknown as string },
          },
        ],
      },
      {
        name: 'StackOne with PKCE REQUIRED (plain accepted): neither the guide’s setting nor the rule’s (low, prefer the rule)',
        snapshot: tenant(stackOneApp({ pkceEnforcement: 'REQUIRED', refreshTokenType: 'OPAQUE_TOKEN' })),
        errors: [
          {
            messageId: 'valueDiffers',
            resource: STACKONE,
            pointer: '/pkceEnforcement',
            severity: 'low',
            data: { expected: 'OPTIONAL', actual: 'REQUIRED', conflict: expect.stringContaining('prefer the rule') as unknown as string },
          },
        ],
      },
      {
        name: 'StackOne in the 403 trap: near-miss callback, group restriction, no admin who can sign in; disabled is left to app-disabled',
        snapshot: tenant(
          stackOneApp({
            enabled: false,
            redirectUris: [`${'https://api.stackone.com/connect/oauth2/pingone/callback'}/`],
            accessControl: { role: { type: 'ADMIN_USERS_ONLY' }, group: { type: 'ANY_GROUP', groups: [{ id: 'group-1' }] } },
            refreshTokenRollingDuration: undefined,
          }),
          [user({ id: 'user-plain', username: 'plain@acme.test' })],
        ),
        errors: [
          { messageId: 'guideConflict', resource: STACKONE, pointer: '/pkceEnforcement', severity: 'info' },
          { messageId: 'guideConflict', resource: STACKONE, pointer: '/refreshTokenType', severity: 'info' },
          { messageId: 'durationOutOfRange', resource: STACKONE, pointer: '/refreshTokenRollingDuration', severity: 'low', data: { actual: 'not set', expected: '180 days' } },
          { messageId: 'redirectUriMissing', resource: STACKONE, pointer: '/redirectUris/0', severity: 'high' },
          { messageId: 'presenceDiffers', resource: STACKONE, pointer: '/accessControl/group', severity: 'medium' },
          { messageId: 'signInAdminRoleMissing', resource: STACKONE, pointer: '', severity: 'high' },
        ],
      },
      {
        name: 'PingDataSync with private_key_jwt it cannot send and no role',
        snapshot: tenant(dataSync({ tokenEndpointAuthMethod: 'PRIVATE_KEY_JWT', _embedded: { roleAssignments: [] } })),
        errors: [
          { messageId: 'valueDiffers', resource: at('app-sync'), pointer: '/tokenEndpointAuthMethod', severity: 'high' },
          { messageId: 'appRoleMissing', resource: at('app-sync'), pointer: '/_embedded/roleAssignments', severity: 'high', data: { actual: 'no roles' } },
        ],
      },
      {
        name: 'pingctl with the implicit grant its guide documents: the profile says implicit-grant is right to report it',
        snapshot: tenant(
          workerApp({
            id: 'app-ctl',
            name: 'pingctl',
            grantTypes: ['IMPLICIT'],
            responseTypes: ['TOKEN'],
            tokenEndpointAuthMethod: 'NONE',
            redirectUris: ['http://localhost:8000'],
            _embedded: { roleAssignments: [] },
          }),
        ),
        errors: [{ messageId: 'guideConflict', resource: at('app-ctl'), pointer: '/grantTypes', severity: 'info', data: { rule: 'implicit-grant', preferred: 'what implicit-grant recommends' } }],
      },
      {
        name: 'Ping CLI client credentials with an extra user grant, bound by configuration',
        snapshot: tenant(workerApp({ grantTypes: ['CLIENT_CREDENTIALS', 'AUTHORIZATION_CODE'] })),
        profileBindings: { 'app-worker': ['pingcli-client-credentials'] },
        errors: [{ messageId: 'valuesDiffer', resource: at('app-worker'), pointer: '/grantTypes/1', severity: 'high' }],
      },
      {
        name: 'Terraform with an authentication method outside the ones it allows',
        snapshot: tenant(workerApp({ id: 'app-tf', name: 'terraform', tokenEndpointAuthMethod: 'PRIVATE_KEY_JWT' })),
        errors: [{ messageId: 'valueNotAllowed', resource: at('app-tf'), pointer: '/tokenEndpointAuthMethod', severity: 'high', data: { expected: 'CLIENT_SECRET_BASIC or CLIENT_SECRET_POST' } }],
      },
    ],
  },
  {
    applicationRoleAssignments: 'role checks find their own data gaps: evaluateProfile marks them not evaluated (check lists them) and the rule reports only failures',
    users: 'as applicationRoleAssignments',
    userRoleAssignments: 'as applicationRoleAssignments',
    groups: 'as applicationRoleAssignments',
    groupRoleAssignments: 'as applicationRoleAssignments',
    groupMembers: 'as applicationRoleAssignments',
    roles: 'as applicationRoleAssignments',
  },
);
