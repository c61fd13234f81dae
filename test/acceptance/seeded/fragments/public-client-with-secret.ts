import { hardenedSpa, hardenedWebApp, seededId, signsInWithMfa, type Fragment } from '../fragment.js';

const nativeWithSecret = seededId(2, 1);
const nativePublic = seededId(2, 2);
const spaPublic = seededId(2, 3);

/** A native app sending a client secret, beside a native app and a SPA with no client authentication and S256 PKCE. */
export const publicClientWithSecret: Fragment = {
  rule: 'public-client-with-secret',
  bad: { type: 'application', id: nativeWithSecret },
  good: [
    { type: 'application', id: nativePublic },
    { type: 'application', id: spaPublic },
  ],
  seed: {
    applications: [
      hardenedWebApp(nativeWithSecret, 'Native app with a secret', { type: 'NATIVE_APP', tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC', jwksUrl: undefined }),
      hardenedWebApp(nativePublic, 'Native app with PKCE', { type: 'NATIVE_APP', tokenEndpointAuthMethod: 'NONE', jwksUrl: undefined }),
      hardenedSpa(spaPublic, 'SPA with PKCE'),
    ],
    signOnPolicyAssignments: signsInWithMfa(nativeWithSecret, nativePublic, spaPublic),
  },
};
