import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { assertMatchesSchema, invalidJsonAt, type JsonFile, type JsonPathSegment, parseJsonText } from '../engine/json-errors.js';
import { unknownRuleAt } from '../engine/resolve-rules.js';
import { schemaValidator } from '../json/schema-validators.js';
import { packagePath } from '../paths.js';
import { shippedData } from '../shipped-data.js';
import { compileNamePattern } from './name-pattern.js';
import { profileFile, type Profile } from './types.js';

/**
 * Reads every `rules/profiles/*.json`, checked against `schemas/profile.schema.json` and for what a
 * schema cannot say (id = file name, unique check ids, name patterns that compile, duration bounds
 * in order; given `ruleIds`, the registered rules, that every rule a check names is one of them).
 * Errors name the file, the line and the JSON path. Sorted by id.
 */
export function loadProfiles(directory = packagePath('rules', 'profiles'), ruleIds?: readonly string[]): Profile[] {
  const validate = schemaValidator('profile.schema.json');
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((fileName) => {
      const id = fileName.slice(0, -'.json'.length);
      const file = profileFile(id);
      const text = readFileSync(path.join(directory, fileName), 'utf8');
      const profile = parseJsonText(text, file);
      assertMatchesSchema(validate, profile, file, { text });
      assertConsistent(profile as Profile, id, file, text);
      if (ruleIds !== undefined) assertRulesExist(profile as Profile, { file, text }, ruleIds);
      return profile as Profile;
    });
}

let bundled: readonly Profile[] | undefined;

/**
 * The profiles shipped with the tool, read once per process (they are package data, not user input): from the
 * bundle when it holds them, already checked by the build.
 */
export function bundledProfiles(): readonly Profile[] {
  bundled ??= shippedData?.profiles() ?? loadProfiles();
  return bundled;
}

function assertConsistent(profile: Profile, id: string, file: string, text: string): void {
  if (profile.id !== id) throw invalidJsonAt(file, ['id'], `profile id "${profile.id}" differs from its file name`, `Set "id": "${id}".`, text);
  (profile.bind.namePatterns ?? []).forEach((pattern, index) => {
    try {
      compileNamePattern(pattern);
    } catch (error) {
      throw invalidJsonAt(
        file,
        ['bind', 'namePatterns', index],
        `not a valid regular expression: ${(error as Error).message}`,
        'Write a glob such as "*stackone*", or a regular expression between slashes.',
        text,
      );
    }
  });
  const seen = new Set<string>();
  profile.checks.forEach((check, index) => {
    if (seen.has(check.id)) throw invalidJsonAt(file, ['checks', index, 'id'], `check id "${check.id}" is used twice`, 'Give every check of a profile its own id.', text);
    seen.add(check.id);
    const duration = 'field' in check.expect ? check.expect.duration : undefined;
    if (duration?.min !== undefined && duration.max !== undefined && duration.min > duration.max) {
      throw invalidJsonAt(file, ['checks', index, 'expect', 'duration'], `min ${duration.min} is above max ${duration.max}`, undefined, text);
    }
    if (check.conflictsWith?.values !== undefined && !('field' in check.expect)) {
      throw invalidJsonAt(file, ['checks', index, 'conflictsWith', 'values'], 'values apply only to checks of an application field', 'Remove "values".', text);
    }
  });
}

/**
 * A check's `reportedBy` rule takes the check's failures over from the scan, and its `conflictsWith` rule is what the
 * reader is sent to: a rule id that does not exist would drop those failures without a word, or point nowhere.
 */
function assertRulesExist(profile: Profile, file: JsonFile, ruleIds: readonly string[]): void {
  profile.checks.forEach((check, index) => {
    const named: Array<[JsonPathSegment[], string | undefined]> = [
      [['checks', index, 'reportedBy'], check.reportedBy],
      [['checks', index, 'conflictsWith', 'rule'], check.conflictsWith?.rule],
    ];
    for (const [segments, ruleId] of named) if (ruleId !== undefined && !ruleIds.includes(ruleId)) throw unknownRuleAt(file, segments, ruleId, ruleIds);
  });
}
