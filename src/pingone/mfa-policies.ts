import type { DeviceAuthenticationPolicy, EnvironmentSnapshot, SignOnPolicyAction } from '../snapshot/model.js';

/**
 * The methods of an MFA (device authentication) policy that deliver a one-time passcode over a
 * channel anyone who can phish the user or hijack the phone number or mailbox can reach: SMS, voice,
 * email and WhatsApp. None of them is phishing-resistant (NIST SP 800-63B-4 §3.1.3.3 restricts the
 * telephone network; §3.2.5 asks for phishing resistance, which only FIDO2/WebAuthn gives here).
 * Field names from Ping's MFA API "Device Authentication Policies" page.
 */
const OUT_OF_BAND_OTP_METHODS = ['sms', 'voice', 'email', 'whatsApp'] as const;

/** One of the out-of-band passcode methods above, as the MFA policy's field is named. */
export type OutOfBandOtpMethod = (typeof OUT_OF_BAND_OTP_METHODS)[number];

/** The out-of-band passcode methods the policy has switched on. */
export function outOfBandMethodsOf(policy: DeviceAuthenticationPolicy): OutOfBandOtpMethod[] {
  return OUT_OF_BAND_OTP_METHODS.filter((method) => policy[method]?.enabled === true);
}

/**
 * The MFA policy an MFA action applies: the one it names, else the environment's default one (Ping:
 * an MFA step without `deviceAuthenticationPolicy` uses the default). Undefined when that policy is
 * not in the snapshot.
 */
export function mfaPolicyOfAction(action: SignOnPolicyAction, env: EnvironmentSnapshot): DeviceAuthenticationPolicy | undefined {
  const id = action.deviceAuthenticationPolicy?.id;
  return env.deviceAuthenticationPolicies.find((policy) => (id === undefined ? policy.default === true : policy.id === id));
}
