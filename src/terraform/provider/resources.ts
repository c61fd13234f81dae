/**
 * The provider's other resources as the mapping reads them, provider `pingidentity/pingone` v1.x
 * (`docs/resources/<name>.md` and the v1.0.0 CHANGELOG). Older attribute names that v1.0.0 renamed
 * are listed after the current one, so configurations pinned to v0.x read the same.
 */

/**
 * `pingone_sign_on_policy_action`: exactly one of these blocks says the action's type (API
 * `type`). `mfa.no_device_mode` defaults to `BLOCK` (`docs/resources/sign_on_policy_action.md`).
 */
export const SIGN_ON_ACTION_TYPES: Readonly<Record<string, string>> = {
  login: 'LOGIN',
  mfa: 'MULTI_FACTOR_AUTHENTICATION',
  identifier_first: 'IDENTIFIER_FIRST',
  identity_provider: 'IDENTITY_PROVIDER',
  agreement: 'AGREEMENT',
  progressive_profiling: 'PROGRESSIVE_PROFILING',
  pingid: 'PINGID_AUTHENTICATION',
  pingid_windows_login_passwordless: 'PINGID_WINLOGIN_PASSWORDLESS_AUTHENTICATION',
};
/** `mfa.no_device_mode` when a configuration leaves it out (see above). */
export const MFA_NO_DEVICE_MODE_DEFAULT = 'BLOCK';

/**
 * Role assignment resources: `pingone_user_role_assignment` (v1.0.0 renamed
 * `pingone_role_assignment_user` to it, #843, both read), `pingone_group_role_assignment`,
 * `pingone_application_role_assignment`, `pingone_gateway_role_assignment`: `role_id` plus one of
 * the `scope_*_id` attributes (`docs/resources/application_role_assignment.md`).
 */
export const ROLE_ASSIGNMENT_ACTORS: Readonly<Record<string, { actor: 'user' | 'group' | 'application' | 'gateway'; idAttribute: string }>> = {
  pingone_user_role_assignment: { actor: 'user', idAttribute: 'user_id' },
  pingone_role_assignment_user: { actor: 'user', idAttribute: 'user_id' },
  pingone_group_role_assignment: { actor: 'group', idAttribute: 'group_id' },
  pingone_application_role_assignment: { actor: 'application', idAttribute: 'application_id' },
  pingone_gateway_role_assignment: { actor: 'gateway', idAttribute: 'gateway_id' },
};
/** The `scope_*_id` attribute of a role assignment resource → the API's scope type. */
export const ROLE_SCOPE_ATTRIBUTES: Readonly<Record<string, string>> = {
  scope_organization_id: 'ORGANIZATION',
  scope_environment_id: 'ENVIRONMENT',
  scope_population_id: 'POPULATION',
  scope_group_id: 'GROUP',
  scope_application_id: 'APPLICATION',
};

/**
 * `pingone_password_policy`: v1.0.0 (#801) renamed `exclude_commonly_used_passwords` →
 * `excludes_commonly_used_passwords`, `password_length` → `length`, `account_lockout` → `lockout`,
 * `environment_default` → `default`. Booleans default to `false` (`docs/resources/password_policy.md`).
 */
export const PASSWORD_POLICY_NAMES = {
  excludesCommonlyUsed: ['excludes_commonly_used_passwords', 'exclude_commonly_used_passwords'],
  excludesProfileData: ['excludes_profile_data', 'exclude_profile_data'],
  length: ['length', 'password_length'],
  lockout: ['lockout', 'account_lockout'],
  lockoutFailureCount: ['failure_count', 'fail_count'],
  default: ['default', 'environment_default'],
} as const;
/** `pingone_password_policy`'s booleans when a configuration leaves them out (see above). */
export const PASSWORD_POLICY_DEFAULTS = { excludesCommonlyUsed: false, excludesProfileData: false, default: false } as const;

/** `pingone_webhook`: `enabled` defaults to `false`, `verify_tls_certificates` to `true`; `format` one of ACTIVITY, NEWRELIC, SPLUNK (`docs/resources/webhook.md`). */
export const WEBHOOK_DEFAULTS = { enabled: false, verifyTlsCertificates: true } as const;

/**
 * `pingone_resource` manages custom resources only (API `type` CUSTOM); `access_token_validity_seconds`
 * left out stays absent, which the rules read as PingOne's own default.
 */
export const RESOURCE_TYPE = 'CUSTOM';

/** `pingone_environment`: `type` is `SANDBOX` or `PRODUCTION`, "Defaults to `SANDBOX`" (`docs/resources/environment.md`). */
export const ENVIRONMENT_DEFAULTS = { type: 'SANDBOX' } as const;

/**
 * Data source `pingone_role`: looks a built-in role up by `name`
 * (`docs/data-sources/role.md`; v1.4.0 added the Advanced Identity Cloud and Custom Roles Admin names).
 */
export const ROLE_DATA_SOURCE = 'pingone_role';
