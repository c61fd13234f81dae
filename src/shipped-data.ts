import type { Pack } from './engine/config.js';
import type { Profile } from './profiles/types.js';

/** The rule packs and integration profiles the package ships, each call a fresh copy. */
export interface ShippedData {
  /** `rules/packs/*.json` by pack id, as `loadPacks` returns them. */
  packs(): Record<string, Pack>;
  /** `rules/profiles/*.json` sorted by id, as `loadProfiles` returns them. */
  profiles(): Profile[];
}

/**
 * Undefined here: run from the sources or tsc's output, the loaders read and check `rules/packs` and
 * `rules/profiles`. The bundle (`scripts/bundle.ts`) replaces this module with what those same loaders
 * returned at build time (a shipped file that fails its schema fails the build), so that a run neither
 * reads them nor loads their validators (issue 19: cold start of `audit`, `rules`, `explain`).
 */
export const shippedData: ShippedData | undefined = undefined;
