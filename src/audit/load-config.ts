import { existsSync } from 'node:fs';
import path from 'node:path';
import { readUserFile } from '../read-user-file.js';
import type { AuditConfig } from '../engine/config.js';
import { assertMatchesSchema, type JsonFile, parseJsonText } from '../engine/json-errors.js';
import { schemaValidator } from '../json/schema-validators.js';

export const DEFAULT_CONFIG_FILE = 'pingone-audit.config.json';

export interface LoadedConfig {
  config: AuditConfig;
  /** The file as the user named it (for error messages); undefined when there was none. */
  file: string | undefined;
  /** Its text, which gives an error found later (an unknown rule id, bad options) its line. */
  text?: string | undefined;
}

/**
 * Reads `--config FILE`, else `./pingone-audit.config.json` when present, else the empty config
 * (the recommended pack). Syntax and shape are checked against `schemas/config.schema.json`; rule
 * ids, packs and options are checked later by `resolveRules`, which knows the rules.
 */
export function loadConfig(configPath: string | undefined, cwd: string = process.cwd()): LoadedConfig {
  if (configPath === undefined) {
    if (!existsSync(path.join(cwd, DEFAULT_CONFIG_FILE))) return { config: {}, file: undefined };
    return readConfig(path.join(cwd, DEFAULT_CONFIG_FILE), DEFAULT_CONFIG_FILE);
  }
  return readConfig(path.resolve(cwd, configPath), configPath);
}

function readConfig(absolutePath: string, file: string): LoadedConfig {
  const text = readUserFile(absolutePath, file, 'Config', `Check the --config path; without --config, ./${DEFAULT_CONFIG_FILE} is used when present.`);
  const config = parseJsonText(text, file);
  assertMatchesSchema(schemaValidator('config.schema.json'), config, file, { text });
  return { config: config as AuditConfig, file, text };
}

/** The config as later errors name it: the file the user named, else the default name, with its text for their lines. */
export function configSource({ file, text }: LoadedConfig): JsonFile {
  return { file: file ?? DEFAULT_CONFIG_FILE, text };
}
