import type { ApiRoleAssignment } from './api-types.js';
import type { Dataset } from './dataset.js';
import { seededRandom, seededUuid } from './seeded-random.js';

/**
 * Values PingOne might add tomorrow: enum strings no version of the reference lists, for the fields
 * the auditor judges. Served on request (the `demo-future` dataset, or {@link withFutureValues}) so
 * that tests can show an audit never breaks on them.
 */
export const FUTURE_VALUES = {
  applicationType: 'AI_AGENT_APP',
  protocol: 'OPENID_FEDERATION',
  grantType: 'PASSKEY_ASSERTION',
  responseType: 'VP_TOKEN',
  tokenEndpointAuthMethod: 'TLS_CLIENT_AUTH',
  pkceEnforcement: 'S512_REQUIRED',
  scopeType: 'BUSINESS_UNIT',
  actionType: 'PASSKEY_STEP_UP',
} as const;

/**
 * A copy of `dataset` as a later PingOne might serve it, drawn from `seed`: some resources carry
 * the {@link FUTURE_VALUES}, every list gains fields no model knows (nested, of every JSON type),
 * and each environment gains role assignments scoped to a group and to an application. The
 * workers named in `credentials` keep their type and roles, so an audit can still sign in and read.
 * The same seed gives the same dataset.
 */
export function withFutureValues(dataset: Dataset, seed: number): Dataset {
  const random = seededRandom(seed);
  const chance = (probability: number) => random() < probability;
  const copy = structuredClone(dataset);
  const auditors = new Set(copy.credentials.map((credential) => credential.clientId));
  // Its own stream, so that the random draw above stays what it was for every seed.
  const decidingRandom = seededRandom(seed + 0x5eed);
  for (const entry of copy.environments) {
    const envId = entry.environment.id;
    for (const app of entry.applications) {
      if (auditors.has(app.id)) continue;
      if (chance(0.2)) app.type = FUTURE_VALUES.applicationType;
      if (chance(0.1)) app.protocol = FUTURE_VALUES.protocol;
      if (app.grantTypes !== undefined && chance(0.3)) app.grantTypes = [...app.grantTypes, FUTURE_VALUES.grantType];
      if (app.responseTypes !== undefined && chance(0.2)) app.responseTypes = [...app.responseTypes, FUTURE_VALUES.responseType];
      if (app.tokenEndpointAuthMethod !== undefined && chance(0.2)) app.tokenEndpointAuthMethod = FUTURE_VALUES.tokenEndpointAuthMethod;
      if (app.pkceEnforcement !== undefined && chance(0.2)) app.pkceEnforcement = FUTURE_VALUES.pkceEnforcement;
    }
    for (const action of entry.signOnPolicyActions) if (chance(0.3)) action.type = FUTURE_VALUES.actionType;
    for (const assignment of entry.roleAssignments) {
      if (!auditors.has(assignment.application?.id ?? '') && chance(0.15)) assignment.scope = { ...assignment.scope, type: FUTURE_VALUES.scopeType };
    }
    entry.roleAssignments.push(...scopedAssignments(entry, copy, random));
    for (const list of Object.values(entry) as unknown[]) {
      if (!Array.isArray(list)) continue;
      for (const item of list as Array<Record<string, unknown>>) if (chance(0.3)) item[`future${Math.floor(random() * 1000)}`] = extraValue(random, 3);
    }
    Object.assign(entry.environment, { futureSetting: extraValue(random, 2) });
    withDecidingValues(entry, auditors, copy.roles.find((role) => role.name === 'Environment Admin')?.id, decidingRandom);
    entry.environment.id = envId;
  }
  return copy;
}

/** The user grants of the API (EnumApplicationOIDCGrantType): a user signs in through them. */
const USER_GRANT_TYPES: readonly string[] = ['AUTHORIZATION_CODE', 'IMPLICIT', 'DEVICE_CODE'];

/**
 * In every draw, unknown values where they decide a verdict: of the workers that sign users in
 * (auditors aside), the first gets an application type no version knows and the last signs users
 * in only through a grant type no version knows; Environment Admin held by a group is scoped to a
 * type no version knows (a signing-in admin may hold it that way); every sign-on policy without an MFA action gains an
 * action of an unknown type, which may be a second factor.
 */
function withDecidingValues(entry: Dataset['environments'][number], auditors: ReadonlySet<string>, environmentAdminId: string | undefined, random: () => number): void {
  // Public clients are left as they are: the sandbox's reviewer sign-in app is one.
  const signInWorkers = entry.applications.filter(
    (app) => !auditors.has(app.id) && app.type === 'WORKER' && app.tokenEndpointAuthMethod !== 'NONE' && (app.grantTypes ?? []).some((grant) => USER_GRANT_TYPES.includes(grant)),
  );
  const [first, last] = [signInWorkers[0], signInWorkers.at(-1)];
  if (last !== undefined) last.grantTypes = [...(last.grantTypes ?? []).filter((grant) => !USER_GRANT_TYPES.includes(grant)), FUTURE_VALUES.grantType];
  if (first !== undefined && first !== last) first.type = FUTURE_VALUES.applicationType;
  for (const assignment of entry.roleAssignments) {
    if (assignment.group !== undefined && assignment.role.id === environmentAdminId) assignment.scope = { ...assignment.scope, type: FUTURE_VALUES.scopeType };
  }
  for (const policy of entry.signOnPolicies) {
    const actions = entry.signOnPolicyActions.filter((action) => action.signOnPolicy?.id === policy.id);
    if (actions.some((action) => action.type === 'MULTI_FACTOR_AUTHENTICATION')) continue;
    const priority = Math.max(0, ...actions.map((action) => action.priority)) + 1;
    entry.signOnPolicyActions.push({ id: seededUuid(random), type: FUTURE_VALUES.actionType, priority, signOnPolicy: { id: policy.id } });
  }
}

/** A user holding a role over one group, and a worker app holding one over one application. */
function scopedAssignments(entry: Dataset['environments'][number], dataset: Dataset, random: () => number): ApiRoleAssignment[] {
  const roleId = (name: string) => dataset.roles.find((role) => role.name === name)?.id;
  const envId = entry.environment.id;
  const assignments: ApiRoleAssignment[] = [];
  const [user] = entry.users;
  const [group] = entry.groups;
  const helpDesk = roleId('Help Desk Admin') ?? roleId('Identity Data Admin');
  if (user !== undefined && group !== undefined && helpDesk !== undefined) {
    assignments.push({ id: seededUuid(random), role: { id: helpDesk }, scope: { id: group.id, type: 'GROUP' }, environment: { id: envId }, user: { id: user.id } });
  }
  const worker = entry.applications.find((app) => app.type === 'WORKER');
  const owner = roleId('Application Owner');
  if (worker !== undefined && owner !== undefined && entry.applications[0] !== undefined) {
    const target = entry.applications[0].id;
    assignments.push({ id: seededUuid(random), role: { id: owner }, scope: { id: target, type: 'APPLICATION' }, environment: { id: envId }, application: { id: worker.id } });
  }
  return assignments;
}

/** A JSON value of any type, nested up to `depth`. */
function extraValue(random: () => number, depth: number): unknown {
  const pick = Math.floor(random() * (depth > 0 ? 7 : 5));
  if (pick === 0) return null;
  if (pick === 1) return random() < 0.5;
  if (pick === 2) return Math.round(random() * 1e6) / 100;
  if (pick === 3) return `value-${Math.floor(random() * 1e6)}`;
  if (pick === 4) return FUTURE_VALUES.scopeType;
  if (pick === 5) return [extraValue(random, depth - 1), extraValue(random, depth - 1)];
  return { kind: extraValue(random, depth - 1), detail: { nested: extraValue(random, depth - 1) } };
}
