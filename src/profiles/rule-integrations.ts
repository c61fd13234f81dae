import type { RuleIntegrations } from '../engine/types.js';
import type { SnapshotIndex } from '../snapshot/lookup.js';
import type { Snapshot } from '../snapshot/model.js';
import { boundProfileIds } from './bind-profiles.js';
import { evaluateProfile } from './evaluate-profile.js';
import type { Profile } from './types.js';

/** The profiles of one audit as its rules see them: bindings from the config (application id → profile ids) and automatic ones. */
export function ruleIntegrations(profiles: readonly Profile[], bindings: ReadonlyMap<string, readonly string[]>, snapshot: Snapshot, index: SnapshotIndex): RuleIntegrations {
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  return {
    profilesFor: (app) => boundProfileIds(app, bindings, profiles),
    titleOf: (profileId) => byId.get(profileId)?.title ?? profileId,
    checklist: (profileId, application) => {
      const profile = byId.get(profileId);
      return profile === undefined ? undefined : evaluateProfile(profile, application, snapshot, index);
    },
  };
}
