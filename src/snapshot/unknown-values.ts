import { resourceFile } from './layout.js';
import type { RoleAssignment, Snapshot } from './model.js';

/**
 * The enum values this version knows, field by field: the Management OpenAPI's enums
 * (`reference/pingone-management-openapi.yml`: EnumApplicationType, EnumApplicationProtocol,
 * EnumApplicationOIDCGrantType, EnumApplicationOIDCResponseType, EnumApplicationOIDCTokenAuthMethod,
 * EnumApplicationOIDCPKCEOption, EnumApplicationOIDCRefreshTokenType, EnumSignOnPolicyType, EnumRoleAssignmentScopeType), plus GROUP
 * scopes from Ping's Group Role Assignments page. PingOne adds values over time; a snapshot keeps
 * whatever it read, and this table only tells which values rules can judge.
 */
export const KNOWN_VALUES = {
  'application type': [
    'WEB_APP', 'NATIVE_APP', 'SINGLE_PAGE_APP', 'WORKER', 'SERVICE', 'CUSTOM_APP',
    'PING_ONE_SELF_SERVICE', 'PING_ONE_ADMIN_CONSOLE', 'PING_ONE_PORTAL', 'TEMPLATE_APP', 'PORTAL_LINK_APP',
  ],
  'application protocol': ['OPENID_CONNECT', 'SAML', 'WS_FED', 'EXTERNAL_LINK'],
  'grant type': ['AUTHORIZATION_CODE', 'IMPLICIT', 'REFRESH_TOKEN', 'CLIENT_CREDENTIALS', 'DEVICE_CODE', 'TOKEN_EXCHANGE', 'CIBA'],
  'response type': ['CODE', 'TOKEN', 'ID_TOKEN'],
  'token endpoint auth method': ['NONE', 'CLIENT_SECRET_BASIC', 'CLIENT_SECRET_POST', 'PRIVATE_KEY_JWT', 'CLIENT_SECRET_JWT'],
  'PKCE enforcement': ['OPTIONAL', 'REQUIRED', 'S256_REQUIRED'],
  'refresh token type': ['JSON_WEB_TOKEN', 'OPAQUE_TOKEN'],
  'sign-on policy action type': [
    'LOGIN', 'MULTI_FACTOR_AUTHENTICATION', 'IDENTIFIER_FIRST', 'IDENTITY_PROVIDER', 'PROGRESSIVE_PROFILING', 'AGREEMENT',
    'PINGID_WINLOGIN_PASSWORDLESS_AUTHENTICATION', 'PINGID_AUTHENTICATION',
  ],
  'role assignment scope type': ['ORGANIZATION', 'ENVIRONMENT', 'POPULATION', 'GROUP', 'APPLICATION'],
} as const satisfies Record<string, readonly string[]>;

export type KnownValueField = keyof typeof KNOWN_VALUES;

const knownSets = new Map<string, ReadonlySet<string>>(Object.entries(KNOWN_VALUES).map(([field, values]) => [field, new Set<string>(values)]));

/** Whether this version knows `value` for `field`; an absent value is not unknown. */
export function isKnownValue(field: KnownValueField, value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && knownSets.get(field)!.has(value));
}

/** One value this version does not know, with how many resources hold it and the first one's file. */
export interface UnknownValue {
  field: KnownValueField;
  value: string;
  count: number;
  /** Snapshot file of the first resource holding it. */
  example: string;
}

/** Every unknown value of the snapshot, once each, sorted by field then value. */
export function findUnknownValues(snapshot: Snapshot): UnknownValue[] {
  const found = new Map<string, UnknownValue>();
  const note = (field: KnownValueField, value: unknown, file: string) => {
    if (isKnownValue(field, value)) return;
    const text = String(value);
    const key = `${field}\u0000${text}`;
    const entry = found.get(key);
    if (entry === undefined) found.set(key, { field, value: text, count: 1, example: file });
    else entry.count += 1;
  };
  const noteScopes = (assignments: readonly RoleAssignment[] | undefined, file: string) => {
    for (const assignment of assignments ?? []) note('role assignment scope type', assignment.scope?.type, file);
  };
  for (const env of snapshot.environments) {
    const envId = env.environment.id;
    for (const app of env.applications) {
      const file = resourceFile('application', envId, app.id);
      note('application type', app.type, file);
      note('application protocol', app.protocol, file);
      for (const grant of app.grantTypes ?? []) note('grant type', grant, file);
      for (const responseType of app.responseTypes ?? []) note('response type', responseType, file);
      note('token endpoint auth method', app.tokenEndpointAuthMethod, file);
      note('PKCE enforcement', app.pkceEnforcement, file);
      note('refresh token type', app.refreshTokenType, file);
      noteScopes(app._embedded?.roleAssignments, file);
    }
    for (const user of env.users) noteScopes(user._embedded?.roleAssignments, resourceFile('user', envId, user.id));
    for (const group of env.groups) noteScopes(group._embedded?.roleAssignments, resourceFile('group', envId, group.id));
    for (const gateway of env.gateways) noteScopes(gateway._embedded?.roleAssignments, resourceFile('gateway', envId, gateway.id));
    for (const policy of env.signOnPolicies) {
      for (const action of policy._embedded?.actions ?? []) note('sign-on policy action type', action.type, resourceFile('signOnPolicy', envId, policy.id));
    }
  }
  return [...found.values()].sort((a, b) => a.field.localeCompare(b.field) || a.value.localeCompare(b.value));
}
