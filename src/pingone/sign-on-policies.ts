import type { Application, EnvironmentSnapshot, ResourceRef, SignOnPolicy, Snapshot } from '../snapshot/model.js';
import { oncePerSnapshot } from './once-per-snapshot.js';
import { applicationRef, applicationsOf, isPingOneBuiltIn, isWorker, type LocatedApplication } from './applications.js';
import { signInGrantsOf, whetherSignInGrant } from './sign-in-grants.js';
import { allOf, answer, describeUnknown, unknownValuesOf, type Answer, type LeaveUnjudged, type UnknownFieldValue } from './unknown-answers.js';

/**
 * Action types that ask for a second factor: PingOne MFA, and PingID's two workforce actions.
 * IDENTITY_PROVIDER hands authentication to another IdP, whose MFA PingOne cannot see.
 */
const MFA_ACTION_TYPES: readonly string[] = ['MULTI_FACTOR_AUTHENTICATION', 'PINGID_AUTHENTICATION', 'PINGID_WINLOGIN_PASSWORDLESS_AUTHENTICATION'];

/** A sign-on policy with its environment and the enabled applications that sign users in with it. */
export interface PolicyInUse {
  policy: SignOnPolicy;
  env: EnvironmentSnapshot;
  /** Apps that sign users in and list the policy in their assignments. */
  assigned: Application[];
  /** Apps without any assignment, which PingOne signs in with the environment's default policy. */
  byDefault: Application[];
  /**
   * Apps that would be in {@link assigned} or {@link byDefault} if they sign users in, which turns on
   * a grant type or protocol this version does not know.
   */
  uncertain: Application[];
}

/**
 * Whether an application signs users in and so goes through a sign-on policy: SAML and WS-Fed
 * apps always, OIDC apps with a sign-in grant. Disabled apps sign nobody in.
 */
export function signsUsersIn(app: Application): boolean {
  return whetherSignsUsersIn(app) === true;
}

/** {@link signsUsersIn}, or "cannot tell" when it turns on a protocol or grant type this version does not know. */
function whetherSignsUsersIn(app: Application): Answer {
  if (app.enabled === false) return false;
  if (app.protocol === 'SAML' || app.protocol === 'WS_FED') return true;
  if (app.protocol === 'OPENID_CONNECT') return whetherSignInGrant(app);
  return answer(false, unknownValuesOf('application protocol', [app.protocol]));
}

/**
 * Whether the people who sign in to an application are administrators: a worker app with a sign-in
 * grant (its tokens carry the user's admin roles), the admin console, or any app limited to admin users.
 */
export function signsAdminsIn(app: Application): boolean {
  return (isWorker(app) && signInGrantsOf(app).length > 0) || app.type === 'PING_ONE_ADMIN_CONSOLE' || app.accessControl?.role?.type === 'ADMIN_USERS_ONLY';
}

/**
 * The DaVinci flow policies an application signs users in with, by id in priority order; empty when
 * none (or not collected). Ping: an app with one or more flow policy assignments always authenticates
 * through them, not through sign-on policies
 * (https://developer.pingidentity.com/pingone-api/platform/applications/application-flow-policy-assignments.html).
 */
function flowPolicyIdsOf(app: Application): string[] {
  const assignments = [...(app._embedded?.flowPolicyAssignments ?? [])].sort((a, b) => a.priority - b.priority);
  return assignments.map((assignment) => assignment.flowPolicy.id);
}

/** Whether the app is bound to a DaVinci flow policy, so its sign-on policies do not decide how users sign in. */
export function signsInThroughDaVinci(app: Application): boolean {
  return flowPolicyIdsOf(app).length > 0;
}

/**
 * Tells the engine that a sign-on-policy rule does not judge the apps bound to a DaVinci flow
 * policy: the flow decides whether MFA is asked, and the audit cannot see inside it.
 */
export function skipDaVinciApplications(snapshot: Snapshot, skip: (resource: ResourceRef, reason: string) => void): void {
  for (const located of applicationsOf(snapshot)) {
    const flows = flowPolicyIdsOf(located.app);
    if (flows.length === 0 || located.app.enabled === false) continue;
    const named = flows.map((id) => `flow policy ${id}`).join(', ');
    skip(applicationRef(located), `signs users in through DaVinci (${named}): the flow decides MFA, and this audit does not read flows`);
  }
}

/** Leaves unjudged each app that may sign users in with the policy, naming the values that decide whether it does. */
export function skipUncertainApplications({ uncertain, env }: PolicyInUse, skip: LeaveUnjudged): void {
  for (const app of uncertain) {
    const signsIn = whetherSignsUsersIn(app);
    if (typeof signsIn === 'object') skip(applicationRef({ app, env }), describeUnknown(signsIn.unknown));
  }
}

/** Action types of the policy that this version does not know, each once (an unknown one may be a second factor). */
export function unknownActionTypes(policy: SignOnPolicy): UnknownFieldValue[] {
  return unknownValuesOf(
    'sign-on policy action type',
    (policy._embedded?.actions ?? []).map((action) => action.type),
  );
}

/**
 * Apps that take the environment's default policy: sign-in apps whose assignments were collected
 * and are empty, and that no DaVinci flow policy governs. PingOne's own apps are left out (the admin console follows the administrator
 * security settings, and the portal and self-service apps are meant to follow the default).
 * "Cannot tell" when whether the app signs users in turns on a value this version does not know.
 */
export function whetherUsesDefaultPolicy(app: Application): Answer {
  const assignments = app._embedded?.signOnPolicyAssignments;
  const unassigned = assignments !== undefined && assignments.length === 0 && !isPingOneBuiltIn(app) && !signsInThroughDaVinci(app);
  return allOf(unassigned, whetherSignsUsersIn(app));
}

/**
 * Every sign-on policy of the snapshot with the apps that use it, environment by environment:
 * worked out once per snapshot for the rules that all ask (the apps' arrays are shared: read only).
 */
export const policiesInUse: (snapshot: Snapshot) => PolicyInUse[] = oncePerSnapshot(findPoliciesInUse);

function findPoliciesInUse(snapshot: Snapshot): PolicyInUse[] {
  // An app whose own flow policy read failed may sign in through DaVinci: it counts for no policy
  // (the engine lists it as not evaluated), so a policy is never reported on its account.
  const unread = new Set(
    snapshot.manifest.collection.entries.filter((entry) => entry.kind === 'applicationFlowPolicyAssignments').flatMap((entry) => (entry.failedResources ?? []).map((ref) => ref.id)),
  );
  return snapshot.environments.flatMap((env) => {
    const defaultPolicy = env.signOnPolicies.find((policy) => policy.default === true);
    // What decides each app's policies is worked out once per app, not once per policy and list.
    const facts = env.applications.map((app) => {
      const read = !unread.has(app.id);
      return {
        app,
        throughPolicies: read && !signsInThroughDaVinci(app),
        signsIn: app.enabled !== false && isPingOneBuiltIn(app) ? true : whetherSignsUsersIn(app),
        byDefault: defaultPolicy !== undefined && read ? whetherUsesDefaultPolicy(app) : false,
      };
    });
    return env.signOnPolicies.map((policy) => {
      const usage: PolicyInUse = { policy, env, assigned: [], byDefault: [], uncertain: [] };
      for (const { app, throughPolicies, signsIn, byDefault: defaultAnswer } of facts) {
        const assignedTo: Answer = throughPolicies && (app._embedded?.signOnPolicyAssignments ?? []).some((assignment) => assignment.signOnPolicy.id === policy.id) && signsIn;
        const byDefault: Answer = policy === defaultPolicy ? defaultAnswer : false;
        if (assignedTo === true) usage.assigned.push(app);
        if (byDefault === true) usage.byDefault.push(app);
        if (typeof assignedTo === 'object' || typeof byDefault === 'object') usage.uncertain.push(app);
      }
      return usage;
    });
  });
}

/** The environment's default sign-on policy, if the snapshot holds one. */
export function defaultPolicyOf({ env }: Pick<LocatedApplication, 'env'>): SignOnPolicy | undefined {
  return env.signOnPolicies.find((policy) => policy.default === true);
}

/** True when some action asks for a second factor; undefined when the actions were not collected. */
export function hasMfaStep(policy: SignOnPolicy): boolean | undefined {
  const actions = policy._embedded?.actions;
  return actions === undefined ? undefined : actions.some((action) => MFA_ACTION_TYPES.includes(action.type));
}

/** Whether a step of the policy hands the sign-in to an external identity provider (an IDENTITY_PROVIDER action). */
export function delegatesToIdentityProvider(policy: SignOnPolicy): boolean {
  return (policy._embedded?.actions ?? []).some((action) => action.type === 'IDENTITY_PROVIDER');
}

/** Every app that signs users in with the policy, assigned or by default, each once. */
export function appsOf({ assigned, byDefault }: PolicyInUse): Application[] {
  return [...new Set([...assigned, ...byDefault])];
}

/** The resource a finding about a sign-on policy points at. */
export function policyRef(policy: SignOnPolicy, env: EnvironmentSnapshot): ResourceRef {
  return { type: 'signOnPolicy', id: policy.id, name: policy.name, environmentId: env.environment.id };
}
