import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/formatters/json.js';
import { formatOscalAr } from '../../src/formatters/oscal-ar.js';
import { formatOscalPoam } from '../../src/formatters/oscal-poam.js';
import { buildSarifUploads, formatSarif } from '../../src/formatters/sarif.js';
import { formatChecklist } from '../../src/profiles/format-checklist.js';
import { evaluateProfile } from '../../src/profiles/evaluate-profile.js';
import { buildSnapshotIndex } from '../../src/snapshot/index-builder.js';
import { loadSnapshot } from '../../src/snapshot/load-snapshot.js';
import { stableStringify } from '../../src/snapshot/stable-json.js';
import { canonicalSnapshot, writeSnapshot } from '../../src/snapshot/write-snapshot.js';
import { HIDDEN_CHARACTER, HOSTILE_STRINGS } from '../helpers/hostile-strings.js';
import { referenceJson } from '../helpers/reference-json.js';
import { buildSnapshot, webApp, workerApp } from '../helpers/snapshot-builder.js';
import { checkOf, locate, profileOf } from '../profiles/profile-fixtures.js';
import { folderContents, reseal, temporaryFolder } from '../snapshot/snapshot-fixtures.js';
import { EVERY_HOSTILE, hostileResult } from './hostile-result.js';

const context = { color: false, snapshotDir: 'snapshots/acme', includeSuppressed: true };

/** One value per class of hidden character: bidi controls, line separators, invisible characters, DEL and C1 controls. */
const HIDDEN_CLASSES = ['right-to-left override', 'bidi isolates and marks', 'line and paragraph separators', 'invisible characters', 'DEL and NUL', 'one-byte C1 CSI'].map(
  (name) => HOSTILE_STRINGS.find((hostile) => hostile.name === name)!.value,
);

/** `text` holds no hidden character raw, and holds `value` escaped as the reference escapes it. */
function expectEscaped(text: string, value: string): void {
  expect(text).not.toMatch(HIDDEN_CHARACTER);
  expect(text).toContain(referenceJson(JSON.stringify(value)).slice(1, -1));
}

/** Every string in a parsed JSON value, keys included. */
function stringsOf(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, into);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) stringsOf(item, stringsOf(key, into));
  return into;
}

describe('every JSON the tool writes, with hidden characters in tenant text', () => {
  it('the JSON report escapes each class and parses back to the very values', () => {
    const result = hostileResult();
    const text = formatJson(result, context);
    for (const value of [EVERY_HOSTILE, ...HIDDEN_CLASSES]) expectEscaped(text, value);
    const { $schema, schemaVersion, ...parsed } = JSON.parse(text) as Record<string, unknown>;
    expect(parsed).toEqual(JSON.parse(JSON.stringify(result)));
  });

  it('SARIF, whole and cut into uploads, escapes each class and parses back to the very values', async () => {
    const result = hostileResult();
    const texts = [formatSarif(result, context), ...(await buildSarifUploads(result, context)).map((upload) => Buffer.concat([...upload.bytes]).toString('utf8'))];
    for (const text of texts) {
      for (const value of HIDDEN_CLASSES) expectEscaped(text, value);
      const names = (JSON.parse(text) as Log).runs.flatMap((run) => run.results ?? []).map((item) => item.locations?.[0]?.logicalLocations?.[0]?.name);
      expect(names).toContain(result.findings[0]!.resource.name);
      expect(stringsOf(JSON.parse(text))).toContain(result.suppressed[0]!.suppression!.reason);
    }
  });

  it('OSCAL assessment results and POA&M escape each class and keep every value', () => {
    const result = hostileResult();
    for (const text of [formatOscalAr(result, context), formatOscalPoam(result, context)]) {
      expect(text).not.toMatch(HIDDEN_CHARACTER);
      expect(stringsOf(JSON.parse(text))).toContain(result.findings[0]!.message);
    }
  });

  it('stable JSON (snapshots, whoami, diff, the catalogue) escapes keys and values', () => {
    const value = { [`key${EVERY_HOSTILE}`]: [EVERY_HOSTILE, { nested: HIDDEN_CLASSES }] };
    const text = stableStringify(value);
    for (const item of HIDDEN_CLASSES) expectEscaped(text, item);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('the check --format json checklist escapes a hostile application name', () => {
    const app = workerApp({ id: 'app-hostile', name: EVERY_HOSTILE });
    const snapshot = buildSnapshot({ environments: [{ applications: [app] }] });
    const profile = { ...profileOf('hostile', { namePatterns: ['x'] }), checks: [checkOf({ field: 'tokenEndpointAuthMethod', equals: 'CLIENT_SECRET_POST' })] };
    const text = formatChecklist(evaluateProfile(profile, locate(snapshot, app.id), snapshot, buildSnapshotIndex(snapshot)), 'json');
    expectEscaped(text, EVERY_HOSTILE);
    expect(stringsOf(JSON.parse(text))).toContain(EVERY_HOSTILE);
  });

  it('a snapshot is written escaped, its checksums match, it loads back whole; one written raw by an older version loads the same', async () => {
    const snapshot = buildSnapshot({ environments: [{ applications: [webApp({ id: 'app-hostile', name: EVERY_HOSTILE, description: HIDDEN_CLASSES.join('|') })] }] });
    const dir = await temporaryFolder();
    await writeSnapshot(snapshot, dir);
    const files = await folderContents(dir);
    for (const text of Object.values(files)) expect(text).not.toMatch(HIDDEN_CHARACTER);
    const [appFile] = Object.keys(files).filter((file) => file.endsWith('app-hostile.json'));
    expectEscaped(files[appFile!]!, EVERY_HOSTILE);
    expect(await loadSnapshot(dir)).toEqual(canonicalSnapshot(snapshot));

    // As 0.x wrote it: every hidden character raw.
    const raw = files[appFile!]!.replace(/(?<!\\)\\u([0-9a-f]{4})/g, (escaped, hex: string) => {
      const character = String.fromCharCode(Number.parseInt(hex, 16));
      return HIDDEN_CHARACTER.test(character) ? character : escaped;
    });
    expect(raw).toMatch(HIDDEN_CHARACTER);
    await writeFile(path.join(dir, appFile!), raw);
    await reseal(dir);
    expect(await readFile(path.join(dir, appFile!), 'utf8')).toBe(raw);
    expect(await loadSnapshot(dir)).toEqual(canonicalSnapshot(snapshot));
  });
});
