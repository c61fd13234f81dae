import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '../helpers/temporary-folder.js';
import type { TfConfiguration, TfNode, TfResource } from '../../src/terraform/model.js';
import { readConfiguration, type ReadConfigurationOptions } from '../../src/terraform/read-configuration.js';

/** A temporary working directory holding `files` (path → text, or bytes); removed when the calling test finishes. */
export function tfFolder(files: Record<string, string | Uint8Array>): string {
  const cwd = temporaryFolder('tf-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    writeFileSync(path.join(cwd, name), text);
  }
  return cwd;
}

/** Reads `files` as the root module `.` of a fresh working directory. */
export function readFiles(files: Record<string, string | Uint8Array>, options: Partial<ReadConfigurationOptions> = {}): Promise<TfConfiguration> {
  return readConfiguration({ dir: '.', cwd: tfFolder(files), ...options });
}

/** A node as plain data: scalars as values, unknowns as `?<reason>`; spans dropped. */
export function plain(node: TfNode | undefined): unknown {
  if (node === undefined) return undefined;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'list') return node.items.map(plain);
  if (node.kind === 'object') return Object.fromEntries(Object.entries(node.entries).map(([key, value]) => [key, plain(value)]));
  return `?${node.reason}`;
}

export function byAddress(config: TfConfiguration, address: string): TfResource {
  const found = config.resources.find((resource) => resource.address === address);
  if (!found) throw new Error(`no ${address} among ${config.resources.map((resource) => resource.address).join(', ')}`);
  return found;
}
