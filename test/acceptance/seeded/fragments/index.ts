import type { Fragment } from '../fragment.js';
import { corsOriginMissing } from './cors-origin-missing.js';
import { publicClientWithSecret } from './public-client-with-secret.js';
import { redirectUriMissing } from './redirect-uri-missing.js';
import { refreshTokenRollingNotLonger } from './refresh-token-rolling-not-longer.js';

/** Every rule's fragment of the seeded tenant, registered by hand like the rules themselves. */
export const fragments: Fragment[] = [refreshTokenRollingNotLonger, publicClientWithSecret, redirectUriMissing, corsOriginMissing];
