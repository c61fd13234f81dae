import type { Rule } from '../src/engine/types.js';
import accessTokenLifetimeLong from './applications/access-token-lifetime-long.js';
import appDisabled from './applications/app-disabled.js';
import clientCredentialsNonWorker from './applications/client-credentials-non-worker.js';
import clientSecretJwt from './applications/client-secret-jwt.js';
import clientSecretWherePrivateKeyJwtPossible from './applications/client-secret-where-private-key-jwt-possible.js';
import corsAnyOrigin from './applications/cors-any-origin.js';
import deviceGrantUnconfigured from './applications/device-grant-unconfigured.js';
import hybridResponseType from './applications/hybrid-response-type.js';
import implicitGrant from './applications/implicit-grant.js';
import parNotRequiredForAdminApps from './applications/par-not-required-for-admin-apps.js';
import pkceNotEnforced from './applications/pkce-not-enforced.js';
import redirectUriDuplicate from './applications/redirect-uri-duplicate.js';
import redirectUriFragment from './applications/redirect-uri-fragment.js';
import redirectUriLocalhostInProduction from './applications/redirect-uri-localhost-in-production.js';
import redirectUriNotHttps from './applications/redirect-uri-not-https.js';
import redirectUriTrailingSlash from './applications/redirect-uri-trailing-slash.js';
import redirectUriWildcard from './applications/redirect-uri-wildcard.js';
import refreshTokenGracePeriodLong from './applications/refresh-token-grace-period-long.js';
import refreshTokenLifetimeTooLong from './applications/refresh-token-lifetime-too-long.js';
import refreshTokenNoIdleLimit from './applications/refresh-token-no-idle-limit.js';
import refreshTokenReplayProtectionOff from './applications/refresh-token-replay-protection-off.js';
import corsOriginMissing from './applications/cors-origin-missing.js';
import publicClientWithSecret from './applications/public-client-with-secret.js';
import redirectUriMissing from './applications/redirect-uri-missing.js';
import refreshTokenRollingNotLonger from './applications/refresh-token-rolling-not-longer.js';
import samlAssertionUnsigned from './applications/saml-assertion-unsigned.js';
import samlResponseUnsigned from './applications/saml-response-unsigned.js';
import samlSpVerificationMissing from './applications/saml-sp-verification-missing.js';
import samlSha1Signing from './applications/saml-sha1-signing.js';
import webhookHttpDestination from './integrations/webhook-http-destination.js';
import webhookTlsVerificationOff from './integrations/webhook-tls-verification-off.js';
import certificateExpiring from './keys/certificate-expiring.js';
import keyWeak from './keys/key-weak.js';
import unsignedRequestObjectAllowed from './applications/unsigned-request-object-allowed.js';
import workerMixedGrants from './applications/worker-mixed-grants.js';
import workerUserGrantNotAdminOnly from './applications/worker-user-grant-not-admin-only.js';
import integrationProfile from './integrations/integration-profile.js';
import refreshTokenJwtSunset from './integrations/refresh-token-jwt-sunset.js';
import refreshTokenNotJwt from './integrations/refresh-token-not-jwt.js';
import adminMfaNotPhishingResistant from './policies/admin-mfa-not-phishing-resistant.js';
import appNoSignOnPolicy from './policies/app-no-sign-on-policy.js';
import mfaBypassNoDevice from './policies/mfa-bypass-no-device.js';
import passwordPolicyWeak from './policies/password-policy-weak.js';
import signOnPolicyNoMfa from './policies/sign-on-policy-no-mfa.js';
import actorEnvironmentAdminOrgScope from './roles/actor-environment-admin-org-scope.js';
import actorOrganizationAdmin from './roles/actor-organization-admin.js';
import actorRolesExceedIntegration from './roles/actor-roles-exceed-integration.js';
import adminDormant from './roles/admin-dormant.js';
import adminRoleMissing from './roles/admin-role-missing.js';
import adminUserWithoutMfa from './roles/admin-user-without-mfa.js';
import workerInheritedActorRoles from './roles/worker-inherited-actor-roles.js';

/** Every rule pingone-audit knows, registered by hand (no folder scanning), grouped by category. */
export const rules: Rule[] = [
  appDisabled,
  redirectUriTrailingSlash,
  implicitGrant,
  pkceNotEnforced,
  redirectUriWildcard,
  redirectUriNotHttps,
  redirectUriFragment,
  redirectUriLocalhostInProduction,
  redirectUriDuplicate,
  redirectUriMissing,
  hybridResponseType,
  clientSecretWherePrivateKeyJwtPossible,
  clientSecretJwt,
  publicClientWithSecret,
  unsignedRequestObjectAllowed,
  parNotRequiredForAdminApps,
  corsAnyOrigin,
  corsOriginMissing,
  adminRoleMissing,
  refreshTokenNotJwt,
  refreshTokenJwtSunset,
  integrationProfile,
  refreshTokenReplayProtectionOff,
  refreshTokenNoIdleLimit,
  refreshTokenLifetimeTooLong,
  refreshTokenGracePeriodLong,
  refreshTokenRollingNotLonger,
  accessTokenLifetimeLong,
  workerMixedGrants,
  clientCredentialsNonWorker,
  deviceGrantUnconfigured,
  workerUserGrantNotAdminOnly,
  actorOrganizationAdmin,
  actorEnvironmentAdminOrgScope,
  actorRolesExceedIntegration,
  workerInheritedActorRoles,
  adminUserWithoutMfa,
  adminDormant,
  signOnPolicyNoMfa,
  mfaBypassNoDevice,
  adminMfaNotPhishingResistant,
  passwordPolicyWeak,
  appNoSignOnPolicy,
  samlAssertionUnsigned,
  samlResponseUnsigned,
  samlSpVerificationMissing,
  samlSha1Signing,
  certificateExpiring,
  keyWeak,
  webhookTlsVerificationOff,
  webhookHttpDestination,
];
