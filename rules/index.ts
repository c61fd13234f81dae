import type { Rule } from '../src/engine/types.js';
import appDisabled from './applications/app-disabled.js';
import implicitGrant from './applications/implicit-grant.js';
import redirectUriTrailingSlash from './applications/redirect-uri-trailing-slash.js';
import refreshTokenJwtSunset from './integrations/refresh-token-jwt-sunset.js';
import refreshTokenNotJwt from './integrations/refresh-token-not-jwt.js';
import adminRoleMissing from './roles/admin-role-missing.js';

/** Every rule pingone-audit knows, registered by hand (no folder scanning), grouped by category. */
export const rules: Rule[] = [
  appDisabled,
  redirectUriTrailingSlash,
  implicitGrant,
  adminRoleMissing,
  refreshTokenNotJwt,
  refreshTokenJwtSunset,
];
