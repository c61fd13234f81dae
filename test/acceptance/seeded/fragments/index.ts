import type { Fragment } from '../fragment.js';
import { accessTokenLifetimeLong } from './access-token-lifetime-long.js';
import { adminDormant } from './admin-dormant.js';
import { adminMfaNotPhishingResistant } from './admin-mfa-not-phishing-resistant.js';
import { certificateExpiring } from './certificate-expiring.js';
import { corsOriginMissing } from './cors-origin-missing.js';
import { keyWeak } from './key-weak.js';
import { passwordPolicyWeak } from './password-policy-weak.js';
import { publicClientWithSecret } from './public-client-with-secret.js';
import { redirectUriMissing } from './redirect-uri-missing.js';
import { refreshTokenRollingNotLonger } from './refresh-token-rolling-not-longer.js';
import { samlSha1Signing } from './saml-sha1-signing.js';
import { webhookHttpDestination } from './webhook-http-destination.js';
import { webhookTlsVerificationOff } from './webhook-tls-verification-off.js';

/** Every rule's fragment of the seeded tenant, registered by hand like the rules themselves. */
export const fragments: Fragment[] = [
  refreshTokenRollingNotLonger,
  publicClientWithSecret,
  redirectUriMissing,
  corsOriginMissing,
  samlSha1Signing,
  certificateExpiring,
  keyWeak,
  webhookTlsVerificationOff,
  webhookHttpDestination,
  adminDormant,
  passwordPolicyWeak,
  adminMfaNotPhishingResistant,
  accessTokenLifetimeLong,
];
