import { hardenedWebApp, seededId, signsInWithMfa, type Fragment } from '../fragment.js';

const signOnUrlOnly = seededId(3, 1);
const both = seededId(3, 2);

/** A web app whose only URL is its sign-on URL, beside one with the same sign-on URL and a redirect URI. */
export const redirectUriMissing: Fragment = {
  rule: 'redirect-uri-missing',
  bad: { type: 'application', id: signOnUrlOnly },
  good: [{ type: 'application', id: both }],
  seed: {
    applications: [
      hardenedWebApp(signOnUrlOnly, 'Sign-on URL only', { redirectUris: [], initiateLoginUri: `https://${signOnUrlOnly}.apps.example.com/login` }),
      hardenedWebApp(both, 'Sign-on URL and redirect URI', { initiateLoginUri: `https://${both}.apps.example.com/login` }),
    ],
    signOnPolicyAssignments: signsInWithMfa(signOnUrlOnly, both),
  },
};
