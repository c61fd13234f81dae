import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packagePath } from '../paths.js';
import { packFile, type Pack } from '../engine/config.js';
import { assertMatchesSchema, invalidJsonAt, parseJsonText } from '../engine/json-errors.js';
import { schemaValidator } from '../json/schema-validators.js';
import { shippedData } from '../shipped-data.js';

/**
 * Reads every `rules/packs/*.json` (or `directory`'s), checked against `schemas/pack.schema.json`; keyed by pack id.
 * The shipped packs come from the bundle when it holds them, already checked by the build.
 */
export function loadPacks(directory?: string): Record<string, Pack> {
  return loadPackFiles(directory).packs;
}

/** {@link loadPacks}, with the text of each pack file read (pack id → text; none from the bundle), for the lines of later errors. */
export function loadPackFiles(directory?: string): { packs: Record<string, Pack>; texts: Record<string, string> } {
  if (directory === undefined && shippedData !== undefined) return { packs: shippedData.packs(), texts: {} };
  return readPacks(directory ?? packagePath('rules', 'packs'));
}

function readPacks(directory: string): { packs: Record<string, Pack>; texts: Record<string, string> } {
  const validate = schemaValidator('pack.schema.json');
  const packs: Record<string, Pack> = {};
  const texts: Record<string, string> = {};
  for (const fileName of readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const id = fileName.slice(0, -'.json'.length);
    const file = packFile(id);
    const text = readFileSync(path.join(directory, fileName), 'utf8');
    const pack = parseJsonText(text, file);
    assertMatchesSchema(validate, pack, file, { text });
    const declaredId = (pack as Pack).id;
    if (declaredId !== id) {
      throw invalidJsonAt(file, ['id'], `pack id "${declaredId}" differs from its file name`, `Set "id": "${id}".`, text);
    }
    packs[id] = pack as Pack;
    texts[id] = text;
  }
  return { packs, texts };
}
