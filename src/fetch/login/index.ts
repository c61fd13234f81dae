/**
 * Signing a reviewer in: authorization code + PKCE through a loopback redirect, or device code.
 * `resolveConnectionSettings({ auth: 'authorization-code', … })` describes the sign-in, `signIn`
 * performs it, and `createApiClient` then calls the API with the user's token (renewed with the
 * refresh token when there is one).
 */
export { signIn } from './sign-in.js';
export { systemBrowserOpener } from './browser.js';
