/**
 * `pingone_application` (resource), provider `pingidentity/pingone` v1.x: `oidc_options`,
 * `saml_options` and `external_link_options` are single nested *attributes* (`oidc_options = { … }`)
 * since v1.0.0 (#683), blocks before; both evaluate to one object. Defaults from the schema of
 * `internal/service/sso/resource_application.go` (`booldefault`/`stringdefault`/`DefaultValue`);
 * an attribute without a default stays absent, as PingOne then applies its own.
 */
export const APPLICATION_DEFAULTS = {
  /** `enabled`: Optional + Computed, `booldefault.StaticBool(false)`: an application left without it is disabled. */
  enabled: false,
  hiddenFromAppPortal: false,
} as const;

/** `oidc_options` defaults, API field name → value. */
export const OIDC_OPTIONS_DEFAULTS = {
  pkceEnforcement: 'OPTIONAL',
  parRequirement: 'OPTIONAL',
  parTimeout: 60,
  allowWildcardInRedirectUris: false,
  refreshTokenDuration: 2592000,
  refreshTokenRollingDuration: 15552000,
  additionalRefreshTokenReplayProtectionEnabled: true,
  requireSignedRequestObject: false,
  supportUnsignedRequestObject: false,
  deviceTimeout: 600,
  devicePollingInterval: 5,
} as const;

/** `saml_options` defaults: `type` WEB_APP, `assertion_signed_enabled` true, `response_is_signed` false, `sp_verification.authn_request_signed` false. */
export const SAML_OPTIONS_DEFAULTS = {
  type: 'WEB_APP',
  assertionSigned: true,
  responseSigned: false,
} as const;

/**
 * `oidc_options` attribute → API field, for the scalar and list attributes the rules read.
 * v1.0.0 renamed `token_endpoint_authn_method` → `token_endpoint_auth_method` and
 * `allow_wildcards_in_redirect_uris` → `allow_wildcard_in_redirect_uris` (#887); the old names are
 * read too, for configurations pinned to v0.x.
 */
export const OIDC_OPTIONS_FIELDS: Readonly<Record<string, string>> = {
  type: 'type',
  grant_types: 'grantTypes',
  response_types: 'responseTypes',
  token_endpoint_auth_method: 'tokenEndpointAuthMethod',
  token_endpoint_authn_method: 'tokenEndpointAuthMethod',
  pkce_enforcement: 'pkceEnforcement',
  redirect_uris: 'redirectUris',
  post_logout_redirect_uris: 'postLogoutRedirectUris',
  allow_wildcard_in_redirect_uris: 'allowWildcardInRedirectUris',
  allow_wildcards_in_redirect_uris: 'allowWildcardInRedirectUris',
  refresh_token_duration: 'refreshTokenDuration',
  refresh_token_rolling_duration: 'refreshTokenRollingDuration',
  refresh_token_rolling_grace_period_duration: 'refreshTokenRollingGracePeriodDuration',
  additional_refresh_token_replay_protection_enabled: 'additionalRefreshTokenReplayProtectionEnabled',
  par_requirement: 'parRequirement',
  par_timeout: 'parTimeout',
  require_signed_request_object: 'requireSignedRequestObject',
  support_unsigned_request_object: 'supportUnsignedRequestObject',
  jwks: 'jwks',
  jwks_url: 'jwksUrl',
  initiate_login_uri: 'initiateLoginUri',
  target_link_uri: 'targetLinkUri',
  home_page_url: 'homePageUrl',
  device_timeout: 'deviceTimeout',
  device_polling_interval: 'devicePollingInterval',
  device_path_id: 'devicePathId',
  device_custom_verification_uri: 'deviceCustomVerificationUri',
  refresh_token_type: 'refreshTokenType',
};

/** `saml_options` attribute → API field (scalars and lists; `idp_signing_key` and `sp_verification` are objects mapped apart). */
export const SAML_OPTIONS_FIELDS: Readonly<Record<string, string>> = {
  type: 'type',
  sp_entity_id: 'spEntityId',
  acs_urls: 'acsUrls',
  assertion_duration: 'assertionDuration',
  assertion_signed_enabled: 'assertionSigned',
  response_is_signed: 'responseSigned',
  enable_requested_authn_context: 'enableRequestedAuthnContext',
  home_page_url: 'homePageUrl',
};
