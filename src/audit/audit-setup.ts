import { rules } from '../../rules/index.js';
import { loadBaseline, type BaselineReport } from '../baseline/index.js';
import { closestMatch } from '../engine/closest-match.js';
import type { ResolvedRule } from '../engine/config.js';
import { resolveRules } from '../engine/resolve-rules.js';
import { invalidJsonAt, type JsonFile } from '../engine/json-errors.js';
import { bundledProfiles } from '../profiles/load-profiles.js';
import type { Profile } from '../profiles/types.js';
import { type DispositionEntry, loadDispositions } from '../dispositions/load-dispositions.js';
import { loadSuppressions, type LoadedSuppressions } from '../suppressions/index.js';
import { configSource, DEFAULT_CONFIG_FILE, loadConfig, type LoadedConfig } from './load-config.js';
import { loadPackFiles } from './load-packs.js';
import type { LoadedHistory } from '../history/load-history.js';

/** The files one audit reads, as the user named them (flags), and the folder they are relative to. */
export interface AuditFiles {
  /** `--config`; undefined: `./pingone-audit.config.json` when present. */
  config?: string | undefined;
  /**
   * `--suppressions`: a file, undefined for `./pingone-audit.suppressions.json` when present, or
   * false for `--no-suppressions` (the result then says every suppression was ignored). Left out
   * entirely (`review: false`), findings are not reviewed at all, as `diff` needs.
   */
  suppressions?: string | false | undefined;
  /** `--baseline`, already resolved against the working directory. */
  baseline?: string | undefined;
  /** `--dispositions`, relative to `cwd`. */
  dispositions?: string | undefined;
  /** Whether suppressions and a baseline apply to this run at all (`diff` compares unreviewed findings). */
  review?: boolean;
  cwd: string;
}

/** Everything an audit needs besides the snapshot, loaded and checked once, before any network or rule. */
export interface AuditSetup {
  /** The rules to run, in registration order, at their effective severity and options. */
  rules: ResolvedRule[];
  profiles: readonly Profile[];
  /** The config's `integrations`: application id → profile ids. */
  profileBindings: ReadonlyMap<string, readonly string[]>;
  /** The suppressions to apply; 'ignored' for `--no-suppressions`; undefined when the run reviews nothing. */
  suppressions: LoadedSuppressions | 'ignored' | undefined;
  baseline: BaselineReport | undefined;
  /** `--dispositions`' entries, applied after the suppressions. */
  dispositions?: DispositionEntry[];
  /** `--history`'s earlier reports, which date the findings once the audit is done. */
  history?: LoadedHistory;
}

/**
 * The edge of the audit: reads and validates the config, the packs, the profiles, the
 * suppressions and the baseline, and resolves the rules to run. Every problem is a
 * UserFacingError naming the file and where in it (exit 2); nothing here looks at a snapshot.
 */
export function loadAuditSetup(files: AuditFiles): AuditSetup {
  const config = loadConfig(files.config, files.cwd);
  const review = files.review !== false;
  // Read before the rules are resolved, in the order a user fixes them: config shape, suppressions, baseline.
  const suppressions = !review ? undefined : files.suppressions === false ? 'ignored' : loadSuppressions(files.suppressions, files.cwd);
  const dispositions = !review || files.dispositions === undefined ? undefined : loadDispositions(files.dispositions, files.cwd);
  const baseline = !review || files.baseline === undefined ? undefined : loadBaseline(files.baseline);
  return setupFromConfig(config, { suppressions, baseline, ...(dispositions === undefined ? {} : { dispositions }) });
}

/**
 * The setup for a config already read (tests build one in memory): the shipped packs and
 * profiles, the rules the config resolves to, its integration bindings, and the review given.
 */
export function setupFromConfig(loaded: LoadedConfig, review: Pick<AuditSetup, 'suppressions' | 'baseline' | 'dispositions'> = { suppressions: undefined, baseline: undefined }): AuditSetup {
  const profiles = bundledProfiles();
  const packs = loadPackFiles();
  const source = configSource(loaded);
  return {
    rules: resolveRules(rules, packs.packs, loaded.config, { config: source, packTexts: packs.texts }),
    profiles,
    profileBindings: profileBindingsFromConfig(loaded.config.integrations, source, profiles),
    ...review,
  };
}

/**
 * The config's `integrations` (application id → profile ids) as the rules read it. A profile id that
 * names no shipped profile is refused: ignoring it would leave the app unchecked without a word.
 * @throws UserFacingError `json-invalid` naming the config's file, line and JSON path of that id.
 */
export function profileBindingsFromConfig(
  integrations: Record<string, string[]> | undefined,
  configFile: JsonFile = { file: DEFAULT_CONFIG_FILE },
  profiles: readonly Profile[] = bundledProfiles(),
): Map<string, string[]> {
  const known = profiles.map((profile) => profile.id);
  for (const [appId, profileIds] of Object.entries(integrations ?? {})) {
    profileIds.forEach((profileId, i) => {
      if (known.includes(profileId)) return;
      const suggestion = closestMatch(profileId, known);
      const hint = `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Profiles: ${known.join(', ')}.`;
      throw invalidJsonAt(configFile.file, ['integrations', appId, i], `no integration profile ${JSON.stringify(profileId)}`, hint, configFile.text);
    });
  }
  return new Map(Object.entries(integrations ?? {}).map(([appId, profiles]) => [appId, [...profiles]]));
}
