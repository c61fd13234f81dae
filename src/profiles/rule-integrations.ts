import type { RuleIntegrations } from '../engine/types.js';
import type { SnapshotIndex } from '../snapshot/lookup.js';
import type { Application, Snapshot } from '../snapshot/model.js';
import { boundProfileIds } from './bind-profiles.js';
import { evaluateProfile } from './evaluate-profile.js';
import type { Profile } from './types.js';

/** The profiles of one audit as its rules see them: bindings from the config (application id → profile ids) and automatic ones. */
export function ruleIntegrations(profiles: readonly Profile[], bindings: ReadonlyMap<string, readonly string[]>, snapshot: Snapshot, index: SnapshotIndex): RuleIntegrations {
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  // Eight rules ask for every application's profiles: each app's binding is worked out once per audit.
  const bound = new WeakMap<Application, string[]>();
  return {
    profilesFor: (app) => {
      let ids = bound.get(app);
      if (ids === undefined) bound.set(app, (ids = boundProfileIds(app, bindings, profiles)));
      return ids.slice();
    },
    titleOf: (profileId) => byId.get(profileId)?.title ?? profileId,
    checklist: (profileId, application) => {
      const profile = byId.get(profileId);
      return profile === undefined ? undefined : evaluateProfile(profile, application, snapshot, index);
    },
  };
}
