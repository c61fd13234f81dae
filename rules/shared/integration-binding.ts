import type { RuleContext } from '../../src/engine/types.js';
import type { Application } from '../../src/snapshot/model.js';
import { redirectHost } from './redirect-uris.js';

/** Redirect hosts that identify an integration even when no configuration binds the app to it. */
const PROFILE_BY_REDIRECT_HOST: ReadonlyMap<string, string> = new Map([['api.stackone.com', 'stackone']]);

/**
 * Integration profile ids that apply to an application: those bound by configuration, plus those
 * recognised from its redirect URIs (a callback on `api.stackone.com` means StackOne's connector).
 * Sorted, without duplicates.
 */
export function profilesForApplication(app: Application, context: Pick<RuleContext, 'profileBindings'>): string[] {
  const profiles = new Set(context.profileBindings.get(app.id) ?? []);
  for (const uri of app.redirectUris ?? []) {
    const host = redirectHost(uri);
    const profile = host === undefined ? undefined : PROFILE_BY_REDIRECT_HOST.get(host);
    if (profile) profiles.add(profile);
  }
  return [...profiles].sort();
}

export function isBoundTo(app: Application, profileId: string, context: Pick<RuleContext, 'profileBindings'>): boolean {
  return profilesForApplication(app, context).includes(profileId);
}
