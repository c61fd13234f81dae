/** Where the auth server of the worker's (or sign-in app's) environment is. */
export interface AuthServer {
  /** Auth base without a trailing slash: `https://auth.pingone.eu`, or a custom domain `https://login.example.com`. */
  authUrl: string;
  /** `authUrl` is the environment's custom domain, whose endpoints carry no environment id. */
  customDomain?: boolean | undefined;
}

/**
 * The authorization server's base for an environment, to which `/token`, `/authorize` and
 * `/device_authorization` are appended: `<authUrl>/<environmentId>/as`, or `<custom domain>/as`
 * ("Custom Domains", developer.pingidentity.com: `https://auth.pingone.com/{envID}/*` becomes
 * `https://{customDomain}/*`).
 */
export function authorizationServerUrl(auth: AuthServer, environmentId: string): string {
  return auth.customDomain === true ? `${auth.authUrl}/as` : `${auth.authUrl}/${environmentId}/as`;
}
