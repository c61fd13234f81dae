import type { Application, SignOnPolicy, SignOnPolicyAction } from '../../src/snapshot/model.js';
import { buildSnapshot, type Overrides, webApp, withOverrides } from '../helpers/snapshot-builder.js';

export const SINGLE_FACTOR = 'sop-single';
export const MULTI_FACTOR = 'sop-mfa';

export const loginAction = (): SignOnPolicyAction => ({ id: 'act-login', type: 'LOGIN', priority: 1 });
export const mfaAction = (overrides: Overrides<SignOnPolicyAction> = {}): SignOnPolicyAction =>
  withOverrides<SignOnPolicyAction>({ id: 'act-mfa', type: 'MULTI_FACTOR_AUTHENTICATION', priority: 2, noDevicesMode: 'BLOCK' }, overrides);

/** A sign-on policy with the given actions; `undefined` actions means they were not collected. */
export function policy(id: string, actions: SignOnPolicyAction[] | undefined, overrides: Overrides<SignOnPolicy> = {}): SignOnPolicy {
  return withOverrides({ id, name: id === SINGLE_FACTOR ? 'Single_Factor' : id === MULTI_FACTOR ? 'Multi_Factor' : id, _embedded: actions === undefined ? {} : { actions } }, overrides);
}

/** PingOne's two predefined policies, Single_Factor the default, as new environments ship. */
const predefinedPolicies = (): SignOnPolicy[] => [policy(SINGLE_FACTOR, [loginAction()], { default: true }), policy(MULTI_FACTOR, [loginAction(), mfaAction()])];

/** A web app assigned the given policies, in priority order; none means it uses the default. */
export function appWithPolicies(policyIds: string[], overrides: Overrides<Application> = {}): Application {
  const signOnPolicyAssignments = policyIds.map((id, i) => ({ id: `sopa-${i}`, signOnPolicy: { id }, priority: i + 1 }));
  return webApp({ _embedded: { grants: [], signOnPolicyAssignments }, ...overrides });
}

/** An app that signs users in through a DaVinci flow policy (and so has no sign-on policy assignment). */
export function daVinciApp(overrides: Overrides<Application> = {}): Application {
  const flowPolicyAssignments = [{ id: 'fpa-1', flowPolicy: { id: 'fp-passwordless' }, priority: 1 }];
  return webApp({ id: 'app-davinci', name: 'Shop', _embedded: { grants: [], signOnPolicyAssignments: [], flowPolicyAssignments }, ...overrides });
}

export function tenant(applications: Application[], signOnPolicies: SignOnPolicy[] = predefinedPolicies()) {
  return buildSnapshot({ environments: [{ applications, signOnPolicies }] });
}
