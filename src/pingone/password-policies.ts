import type { EnvironmentSnapshot, PasswordPolicy, Population, ResourceRef, Snapshot } from '../snapshot/model.js';

/** A password policy that some population's users follow. */
export interface PasswordPolicyInUse {
  policy: PasswordPolicy;
  env: EnvironmentSnapshot;
  /** The populations whose users' passwords it governs. */
  populations: Population[];
}

/**
 * The password policies in force, environment by environment: each population's own
 * (`population.passwordPolicy.id`), and the environment's default policy for populations that name
 * none. A policy no population uses governs no password and is left out. Ping's "Password Policies"
 * page: policies "are applied to users through populations", the default for all users otherwise
 * (https://developer.pingidentity.com/pingone-api/platform/password-policies.html).
 */
export function passwordPoliciesInUse(snapshot: Snapshot): PasswordPolicyInUse[] {
  return snapshot.environments.flatMap((env) => {
    const defaultPolicy = env.passwordPolicies.find((policy) => policy.default === true);
    const governs = (policy: PasswordPolicy) =>
      env.populations.filter((population) => (population.passwordPolicy === undefined ? policy === defaultPolicy : population.passwordPolicy.id === policy.id));
    return env.passwordPolicies.flatMap((policy) => {
      const populations = governs(policy);
      return populations.length > 0 ? [{ policy, env, populations }] : [];
    });
  });
}

/** The resource a finding about a password policy points at. */
export function passwordPolicyRef(policy: PasswordPolicy, env: EnvironmentSnapshot): ResourceRef {
  return { type: 'passwordPolicy', id: policy.id, name: policy.name, environmentId: env.environment.id };
}
