import type { Fragment } from '../fragment.js';
import { certificateExpiring } from './certificate-expiring.js';
import { corsOriginMissing } from './cors-origin-missing.js';
import { keyWeak } from './key-weak.js';
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
];
