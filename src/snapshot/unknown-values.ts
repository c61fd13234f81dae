import { resourceFile } from './layout.js';
import { isKnownValue, type KnownValueField, type RoleAssignment, type Snapshot } from './model.js';

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
      note('CORS behavior', app.corsSettings?.behavior, file);
      note('signature algorithm', app.idpSigning?.algorithm, file);
      noteScopes(app._embedded?.roleAssignments, file);
    }
    for (const user of env.users) noteScopes(user._embedded?.roleAssignments, resourceFile('user', envId, user.id));
    for (const group of env.groups) noteScopes(group._embedded?.roleAssignments, resourceFile('group', envId, group.id));
    for (const gateway of env.gateways) noteScopes(gateway._embedded?.roleAssignments, resourceFile('gateway', envId, gateway.id));
    for (const type of ['key', 'certificate'] as const) {
      for (const item of type === 'key' ? env.keys : env.certificates) {
        const file = resourceFile(type, envId, item.id);
        note('key algorithm', item.algorithm, file);
        note('signature algorithm', item.signatureAlgorithm, file);
      }
    }
    for (const resource of env.resources) note('resource type', resource.type, resourceFile('resource', envId, resource.id));
    for (const policy of env.signOnPolicies) {
      for (const action of policy._embedded?.actions ?? []) note('sign-on policy action type', action.type, resourceFile('signOnPolicy', envId, policy.id));
    }
  }
  return [...found.values()].sort((a, b) => a.field.localeCompare(b.field) || a.value.localeCompare(b.value));
}
