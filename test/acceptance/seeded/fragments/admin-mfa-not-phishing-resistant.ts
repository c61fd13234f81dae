import { hardenedWebApp, seededId, type Fragment } from '../fragment.js';

const otpPolicy = seededId(0x16a3, 1);
const passkeyPolicy = seededId(0x16a3, 2);
const otpMfa = seededId(0x16a3, 3);
const passkeyMfa = seededId(0x16a3, 4);
const consoleWithOtp = seededId(0x16a3, 5);
const consoleWithPasskeys = seededId(0x16a3, 6);

const signOnPolicy = (id: string, name: string) => ({ id, name, default: false });
const steps = (policyId: string, mfaPolicyId: string, n: number) => [
  { id: seededId(0x16a3, 10 + n), signOnPolicy: { id: policyId }, type: 'LOGIN', priority: 1, recovery: { enabled: true }, registration: { enabled: false } },
  { id: seededId(0x16a3, 20 + n), signOnPolicy: { id: policyId }, type: 'MULTI_FACTOR_AUTHENTICATION', priority: 2, noDevicesMode: 'BLOCK', deviceAuthenticationPolicy: { id: mfaPolicyId } },
];
const mfaPolicy = (id: string, name: string, otp: boolean) => ({
  id,
  name,
  default: false,
  sms: { enabled: otp },
  voice: { enabled: false },
  email: { enabled: otp },
  mobile: { enabled: false },
  totp: { enabled: false },
  fido2: { enabled: true },
});
const adminOnly = { accessControl: { role: { type: 'ADMIN_USERS_ONLY' } } };
const assigned = (appId: string, policyId: string) => ({ id: appId.replace('-8000-', '-a55e-'), application: { id: appId }, signOnPolicy: { id: policyId }, priority: 1 });

/**
 * Two admin-only web apps, each with a sign-on policy of its own: one whose MFA step's MFA policy
 * accepts SMS and email passcodes, one whose MFA policy accepts FIDO2 only.
 */
export const adminMfaNotPhishingResistant: Fragment = {
  rule: 'admin-mfa-not-phishing-resistant',
  bad: { type: 'signOnPolicy', id: otpMfa },
  good: [{ type: 'signOnPolicy', id: passkeyMfa }],
  seed: {
    deviceAuthenticationPolicies: [mfaPolicy(otpPolicy, 'Admins - passcodes', true), mfaPolicy(passkeyPolicy, 'Admins - passkeys', false)],
    signOnPolicies: [signOnPolicy(otpMfa, 'Admin_Passcodes'), signOnPolicy(passkeyMfa, 'Admin_Passkeys')],
    signOnPolicyActions: [...steps(otpMfa, otpPolicy, 1), ...steps(passkeyMfa, passkeyPolicy, 2)],
    applications: [hardenedWebApp(consoleWithOtp, 'Ops console (passcodes)', adminOnly), hardenedWebApp(consoleWithPasskeys, 'Ops console (passkeys)', adminOnly)],
    signOnPolicyAssignments: [assigned(consoleWithOtp, otpMfa), assigned(consoleWithPasskeys, passkeyMfa)],
  },
};
