import { redirectHost } from '../pingone/redirect-uris.js';
import type { Application } from '../snapshot/model.js';
import { compareField } from './evaluate-field.js';
import { nameMatches } from './name-pattern.js';
import type { Profile } from './types.js';

/**
 * Profile ids an application is bound to, sorted and unique. An application the config's
 * `integrations` names is bound to exactly the profiles listed there (an empty list opts it out);
 * any other is bound automatically, by a redirect URI on a profile's host or by a name matching a
 * profile's pattern (and its `whenNamed` conditions, which tell one tool's modes apart).
 */
export function boundProfileIds(app: Application, explicit: ReadonlyMap<string, readonly string[]>, profiles: readonly Profile[]): string[] {
  const configured = explicit.get(app.id);
  // The app's redirect hosts are parsed once for all the profiles, not once per profile.
  let hosts: ReadonlySet<string> | undefined;
  const redirectHosts = () => (hosts ??= new Set((app.redirectUris ?? []).map((uri) => redirectHost(uri) ?? '')));
  const ids = configured ?? profiles.filter((profile) => bindsAutomatically(app, profile, redirectHosts)).map((profile) => profile.id);
  return [...new Set(ids)].sort();
}

/** True when a redirect host or the name (with its conditions) binds the application to the profile. */
function bindsAutomatically(app: Application, profile: Profile, appRedirectHosts: () => ReadonlySet<string>): boolean {
  const { redirectHosts = [], namePatterns = [], whenNamed = [] } = profile.bind;
  if (redirectHosts.length > 0 && redirectHosts.some((host) => appRedirectHosts().has(host))) return true;
  return namePatterns.length > 0 && nameMatches(app.name, namePatterns) && whenNamed.every((expect) => compareField(app, expect).pass);
}
