import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles, sha256 } from '../../src/snapshot/snapshot-folder.js';

/**
 * Rewrites the checksums in `manifest.json` to match the folder as it is now, as someone editing a
 * snapshot by hand could: the loader's other checks (JSON, schema, ids) are tested on such folders.
 */
export async function reseal(dir: string): Promise<void> {
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { files: Record<string, string> };
  manifest.files = {};
  for (const file of await listFiles(dir)) if (file !== 'manifest.json') manifest.files[file] = sha256(await readFile(path.join(dir, file)));
  await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
}
