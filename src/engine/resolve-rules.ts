import { closestMatch } from './closest-match.js';
import { DEFAULT_PACKS, packFile, type AuditConfig, type Pack, type ResolvedRule } from './config.js';
import { assertMatchesSchema, invalidJsonAt, type JsonFile, type JsonPathSegment } from './json-errors.js';
import { ruleOptionsValidator } from '../json/schema-validators.js';
import { isSeverity } from './severity.js';
import { SEVERITIES, type Rule, type Severity } from './types.js';
import { isRecord } from '../json/is-record.js';
import type { UserFacingError } from '../errors.js';

export type { ResolvedRule } from './config.js';

/** Where a setting was written, so that an error can point at it (at its line, given the file's text). */
interface Source extends JsonFile {
  path: JsonPathSegment[];
}

/** The files the settings come from, as errors name them. */
export interface RuleSources {
  /** The config file, `pingone-audit.config.json` unless said, and its text when read from disk. */
  config?: JsonFile;
  /** Pack id → the text of its file, for packs read from disk (the bundle's were checked when it was built). */
  packTexts?: Readonly<Record<string, string>>;
}

interface RuleState {
  enabled: boolean;
  /** Undefined: the rule's default. */
  severity?: Severity | undefined;
  options: Record<string, unknown>;
  /** The last place that set options, blamed when the merged options are invalid. */
  optionsSource?: Source | undefined;
}

const SETTING_HINT = `Use "off", a severity (${SEVERITIES.join(', ')}) or { "severity": …, "options": { … } }.`;

/**
 * Turns packs and the user's config into the rules to run: the config's packs in order (each
 * after the packs it extends), then the config's own per-rule settings. Options are merged over
 * each rule's defaults and checked against its options schema. Every problem is a
 * UserFacingError (`json-invalid`) naming the file, the JSON path and, for a file whose text
 * `sources` holds, the line. Rules come back in registration order.
 */
export function resolveRules(allRules: Rule[], packs: Record<string, Pack>, config: AuditConfig, sources: RuleSources = {}): ResolvedRule[] {
  const configFile: JsonFile = sources.config ?? { file: 'pingone-audit.config.json' };
  const rulesById = new Map(allRules.map((rule) => [rule.id, rule]));
  const states = new Map<string, RuleState>();

  const applySettingAt = (ruleId: string, setting: unknown, source: Source): void => {
    if (!rulesById.has(ruleId)) throw unknownRuleAt(source, source.path, ruleId, rulesById.keys());
    states.set(ruleId, applySetting(states.get(ruleId), setting, source));
  };

  const applyPack = (packId: string, referencedAt: Source, chain: string[]): void => {
    const pack = packs[packId];
    if (pack === undefined) {
      const suggestion = closestMatch(packId, Object.keys(packs));
      throw invalidJsonAt(
        referencedAt.file,
        referencedAt.path,
        `unknown pack ${JSON.stringify(packId)}`,
        suggestion ? `Did you mean "${suggestion}"?` : `Known packs: ${Object.keys(packs).sort().join(', ')}.`,
        referencedAt.text,
      );
    }
    if (chain.includes(packId)) {
      throw invalidJsonAt(referencedAt.file, referencedAt.path, `packs extend each other in a cycle: ${[...chain, packId].join(' → ')}`, 'Remove one of the "extends" entries.', referencedAt.text);
    }
    const packAt = (path: JsonPathSegment[]): Source => ({ file: packFile(packId), text: sources.packTexts?.[packId], path });
    (pack.extends ?? []).forEach((parent, i) => applyPack(parent, packAt(['extends', i]), [...chain, packId]));
    if (pack.rules === '*') {
      // Every registered rule, keeping whatever an extended pack already said about its severity or options.
      for (const rule of allRules) states.set(rule.id, { options: {}, ...states.get(rule.id), enabled: true });
      return;
    }
    for (const [ruleId, setting] of Object.entries(pack.rules)) applySettingAt(ruleId, setting, packAt(['rules', ruleId]));
  };

  (config.extends ?? DEFAULT_PACKS).forEach((packId, i) => applyPack(packId, { ...configFile, path: ['extends', i] }, []));
  for (const [ruleId, setting] of Object.entries(config.rules ?? {})) {
    applySettingAt(ruleId, setting, { ...configFile, path: ['rules', ruleId] });
  }

  return allRules.flatMap((rule) => {
    const state = states.get(rule.id);
    if (!state?.enabled) return [];
    return [{ rule, severity: state.severity ?? rule.meta.severity, options: resolveOptions(rule, state) }];
  });
}

/**
 * A file that names a rule id no rule has (a config, a pack, a profile), located at `segments` in `file`, with the
 * closest of the `known` ids as a suggestion.
 */
export function unknownRuleAt(file: JsonFile, segments: JsonPathSegment[], ruleId: string, known: Iterable<string>): UserFacingError {
  const suggestion = closestMatch(ruleId, known);
  return invalidJsonAt(file.file, segments, `unknown rule ${JSON.stringify(ruleId)}`, `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Run \`pingone-audit rules\` for the list.`, file.text);
}

function applySetting(previous: RuleState | undefined, setting: unknown, source: Source): RuleState {
  const base: RuleState = previous ?? { enabled: false, options: {} };
  if (setting === 'off') return { ...base, enabled: false };
  if (isSeverity(setting)) return { ...base, enabled: true, severity: setting };
  if (!isRecord(setting)) {
    const suggestion = typeof setting === 'string' ? closestMatch(setting, ['off', ...SEVERITIES]) : undefined;
    throw invalidJsonAt(source.file, source.path, `${JSON.stringify(setting)} is not a rule setting`, suggestion ? `Did you mean "${suggestion}"? ${SETTING_HINT}` : SETTING_HINT, source.text);
  }
  for (const key of Object.keys(setting)) {
    if (key !== 'severity' && key !== 'options') {
      const suggestion = closestMatch(key, ['severity', 'options']);
      throw invalidJsonAt(source.file, [...source.path, key], `unknown property ${JSON.stringify(key)}`, suggestion ? `Did you mean "${suggestion}"?` : SETTING_HINT, source.text);
    }
  }
  const { severity, options } = setting;
  if (severity !== undefined && severity !== 'off' && !isSeverity(severity)) {
    const suggestion = typeof severity === 'string' ? closestMatch(severity, ['off', ...SEVERITIES]) : undefined;
    throw invalidJsonAt(
      source.file,
      [...source.path, 'severity'],
      `${JSON.stringify(severity)} is not a severity`,
      `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Use "off" or one of ${SEVERITIES.join(', ')}.`,
      source.text,
    );
  }
  if (options !== undefined && !isRecord(options)) {
    throw invalidJsonAt(source.file, [...source.path, 'options'], 'options must be an object', SETTING_HINT, source.text);
  }
  return {
    enabled: severity !== 'off',
    severity: severity === undefined || severity === 'off' ? base.severity : severity,
    options: { ...base.options, ...options },
    optionsSource: options === undefined ? base.optionsSource : { ...source, path: [...source.path, 'options'] },
  };
}

function resolveOptions(rule: Rule, state: RuleState): Record<string, unknown> {
  const declared = rule.meta.options;
  const source = state.optionsSource;
  if (declared === undefined) {
    if (source !== undefined && Object.keys(state.options).length > 0) {
      throw invalidJsonAt(source.file, source.path, `rule "${rule.id}" takes no options`, 'Remove "options".', source.text);
    }
    return {};
  }
  const options = { ...declared.defaults, ...state.options };
  const validate = ruleOptionsValidator(rule.id, declared.schema);
  if (source === undefined) {
    // Nobody set options: a mismatch is the rule's own bug, not something the user can fix.
    if (!validate(options)) throw new Error(`Rule ${rule.id}: its default options do not match its options schema.`);
    return options;
  }
  assertMatchesSchema(validate, options, source.file, { base: source.path, text: source.text });
  return options;
}
