import type { RuleContext } from '../../src/engine/types.js';
import { boundProfileIds } from '../../src/profiles/bind-profiles.js';
import { bundledProfiles } from '../../src/profiles/load-profiles.js';
import type { Application } from '../../src/snapshot/model.js';

/**
 * Integration profile ids that apply to an application, sorted and unique: exactly those the
 * config's `integrations` lists for it when it is listed there, else those its redirect URIs or its
 * name bind it to, as the profiles in `rules/profiles/` declare (a callback on `api.stackone.com`
 * means StackOne's connector).
 */
export function profilesForApplication(app: Application, context: Pick<RuleContext, 'profileBindings'>): string[] {
  return boundProfileIds(app, context.profileBindings, bundledProfiles());
}

export function isBoundTo(app: Application, profileId: string, context: Pick<RuleContext, 'profileBindings'>): boolean {
  return profilesForApplication(app, context).includes(profileId);
}
