import rule from '../../rules/policies/admin-mfa-not-phishing-resistant.js';
import type { Application, DeviceAuthenticationPolicy, SignOnPolicy } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, workerApp } from '../helpers/snapshot-builder.js';
import { appWithPolicies, daVinciApp, loginAction, MULTI_FACTOR, mfaAction, policy } from './sign-on-policy-fixtures.js';

const mfaPolicy = (overrides: Partial<DeviceAuthenticationPolicy> = {}): DeviceAuthenticationPolicy => ({
  id: 'dap-passkeys',
  name: 'Passkeys only',
  default: true,
  sms: { enabled: false },
  voice: { enabled: false },
  email: { enabled: false },
  totp: { enabled: true },
  fido2: { enabled: true },
  ...overrides,
});
const phishable = mfaPolicy({ id: 'dap-otp', name: 'Workforce MFA', default: false, sms: { enabled: true }, email: { enabled: true } });

/** A worker that signs administrators in (authorization code, admin users only) with the Multi_Factor policy. */
const adminTool = (overrides: Partial<Application> = {}) =>
  appWithPolicies([MULTI_FACTOR], {
    ...workerApp({ id: 'app-admin-tool', name: 'Admin tool', grantTypes: ['AUTHORIZATION_CODE'], accessControl: { role: { type: 'ADMIN_USERS_ONLY' } } }),
    _embedded: { grants: [], signOnPolicyAssignments: [{ id: 'sopa-0', signOnPolicy: { id: MULTI_FACTOR }, priority: 1 }] },
    ...overrides,
  });
const mfaPolicyNamed = (id: string | undefined): SignOnPolicy => policy(MULTI_FACTOR, [loginAction(), mfaAction(id === undefined ? {} : { deviceAuthenticationPolicy: { id } })]);
const tenant = (applications: Application[], deviceAuthenticationPolicies: DeviceAuthenticationPolicy[], signOnPolicy = mfaPolicyNamed(undefined)) =>
  buildSnapshot({ environments: [{ applications, signOnPolicies: [signOnPolicy], deviceAuthenticationPolicies }] });
const POLICY = { type: 'signOnPolicy' as const, id: MULTI_FACTOR };

testRule(rule, {
  valid: [
    { name: 'admins sign in with the default MFA policy: FIDO2 and TOTP only', snapshot: tenant([adminTool()], [mfaPolicy(), phishable]) },
    { name: 'a customer app may accept SMS: no administrator signs in with it', snapshot: tenant([appWithPolicies([MULTI_FACTOR])], [phishable], mfaPolicyNamed('dap-otp')) },
    { name: 'a disabled admin tool signs nobody in', snapshot: tenant([adminTool({ enabled: false })], [phishable], mfaPolicyNamed('dap-otp')) },
    {
      name: 'an MFA step naming a policy the snapshot does not hold is not judged',
      snapshot: tenant([adminTool()], [mfaPolicy()], mfaPolicyNamed('dap-gone')),
      skipped: [{ resource: POLICY, reason: 'names MFA policy dap-gone, which is not in the snapshot' }],
    },
    {
      name: 'a PingID step is not judged',
      snapshot: tenant([adminTool()], [mfaPolicy()], policy(MULTI_FACTOR, [loginAction(), mfaAction({ type: 'PINGID_AUTHENTICATION' })])),
      skipped: [{ resource: POLICY, reason: 'uses PingID methods' }],
    },
    {
      name: 'an admin tool signing in through DaVinci is not judged',
      snapshot: tenant([daVinciApp({ id: 'app-admin-flow', name: 'Admin flow', accessControl: { role: { type: 'ADMIN_USERS_ONLY' } } })], [phishable]),
      skipped: [{ resource: { type: 'application', id: 'app-admin-flow' }, reason: 'through DaVinci' }],
    },
  ],
  invalid: [
    {
      name: 'the MFA step names a policy that accepts SMS and email',
      snapshot: tenant([adminTool()], [mfaPolicy(), phishable], mfaPolicyNamed('dap-otp')),
      errors: [
        {
          messageId: 'phishableMethods',
          resource: POLICY,
          pointer: '/_embedded/actions/1/deviceAuthenticationPolicy',
          data: { admins: 'Admin tool', mfaPolicy: 'Workforce MFA', methods: 'SMS and email' },
        },
      ],
    },
    {
      name: 'the environment’s default MFA policy accepts voice and WhatsApp',
      snapshot: tenant([adminTool()], [mfaPolicy({ voice: { enabled: true }, whatsApp: { enabled: true } })]),
      errors: [{ messageId: 'phishableMethods', resource: POLICY, pointer: '/_embedded/actions/1', data: { methods: 'voice and WhatsApp' } }],
    },
  ],
});
