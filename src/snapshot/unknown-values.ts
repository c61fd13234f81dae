import { resourceFile } from './layout.js';
import type { SnapshotIndex } from './lookup.js';
import { isKnownValue, type KnownValueField, type ResourceType, type RoleAssignment, type Snapshot } from './model.js';

/** One value this version does not know, with how many resources hold it and the first one's file. */
export interface UnknownValue {
  field: KnownValueField;
  value: string;
  count: number;
  /** Snapshot file of the first resource holding it. */
  example: string;
}

/** A resource whose snapshot file an unknown value's warning may name. */
interface ResourceAt {
  type: ResourceType;
  environmentId: string;
  id: string;
}

/** Every unknown value of the snapshot, once each, sorted by field then value; the index names the users holding roles. */
export function findUnknownValues(snapshot: Snapshot, index: SnapshotIndex): UnknownValue[] {
  const found = new Map<string, UnknownValue>();
  // The file is named only for an unknown value: naming every user's file cost more than the check.
  const note = (field: KnownValueField, value: unknown, file: ResourceAt) => {
    if (isKnownValue(field, value)) return;
    const text = String(value);
    const key = `${field}\u0000${text}`;
    const entry = found.get(key);
    if (entry === undefined) found.set(key, { field, value: text, count: 1, example: resourceFile(file.type, file.environmentId, file.id) });
    else entry.count += 1;
  };
  const noteScopes = (assignments: readonly RoleAssignment[] | undefined, file: ResourceAt) => {
    for (const assignment of assignments ?? []) note('role assignment scope type', assignment.scope?.type, file);
  };
  for (const env of snapshot.environments) {
    const envId = env.environment.id;
    for (const app of env.applications) {
      const file: ResourceAt = { type: 'application', environmentId: envId, id: app.id };
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
    // Most users of a large environment hold no role: only role holders are visited, in user order.
    for (const user of index.roleHolders(envId).keys()) {
      if ((user._embedded?.roleAssignments?.length ?? 0) > 0) noteScopes(user._embedded?.roleAssignments, { type: 'user', environmentId: envId, id: user.id });
    }
    for (const group of env.groups) noteScopes(group._embedded?.roleAssignments, { type: 'group', environmentId: envId, id: group.id });
    for (const gateway of env.gateways) noteScopes(gateway._embedded?.roleAssignments, { type: 'gateway', environmentId: envId, id: gateway.id });
    for (const type of ['key', 'certificate'] as const) {
      for (const item of type === 'key' ? env.keys : env.certificates) {
        const file: ResourceAt = { type, environmentId: envId, id: item.id };
        note('key algorithm', item.algorithm, file);
        note('signature algorithm', item.signatureAlgorithm, file);
      }
    }
    for (const resource of env.resources) note('resource type', resource.type, { type: 'resource', environmentId: envId, id: resource.id });
    for (const policy of env.signOnPolicies) {
      for (const action of policy._embedded?.actions ?? []) note('sign-on policy action type', action.type, { type: 'signOnPolicy', environmentId: envId, id: policy.id });
    }
  }
  return [...found.values()].sort((a, b) => a.field.localeCompare(b.field) || a.value.localeCompare(b.value));
}
