import { readFileSync } from 'node:fs';
import { scanJson, type PointerLines } from './json-scanner.js';
import { filePath, sha256 } from './snapshot-folder.js';

/** 1-based line of what a JSON pointer names in a snapshot file; undefined when the file is unreadable or not JSON. */
export type LineLocator = (file: string, pointer: string) => number | undefined;

/**
 * A locator over file texts from `readText` (undefined = no such file). Each file is scanned once.
 * A pointer to something absent (a missing `refreshTokenType`) gives the line of its nearest
 * existing ancestor: the object that lacks the property, the root's opening brace at worst.
 */
export function createLineLocator(readText: (file: string) => string | undefined): LineLocator {
  const cache = new Map<string, PointerLines | undefined>();
  const linesOf = (file: string) => {
    if (!cache.has(file)) {
      const text = readText(file);
      cache.set(file, text === undefined ? undefined : scanJson(text).lines);
    }
    return cache.get(file);
  };
  return (file, pointer) => {
    const lines = linesOf(file);
    return lines === undefined ? undefined : atNearestAncestor(lines, pointer);
  };
}

/** The entry of `pointer` (RFC 6901), else of its nearest ancestor that has one, the root ("") at worst. */
export function atNearestAncestor<T>(entries: ReadonlyMap<string, T>, pointer: string): T | undefined {
  let candidate = pointer.startsWith('/') ? pointer : '';
  for (;;) {
    const found = entries.get(candidate);
    if (found !== undefined || candidate === '') return found;
    candidate = candidate.slice(0, candidate.lastIndexOf('/'));
  }
}

/** Where something points into a snapshot: a file of the folder and a JSON pointer into it (a finding, for one). */
export interface LocatedInSnapshot {
  pointer: string;
  location: { file: string; line?: number; sha256?: string };
}

/**
 * Fills `location.line` and `location.sha256` (the file's checksum, as evidence) of every finding
 * and suppressed finding from the files of the snapshot folder they were found in; a finding whose
 * file cannot be read keeps neither. Mutates `result`.
 */
export function resolveFindingLines(result: { findings: LocatedInSnapshot[]; suppressed: LocatedInSnapshot[] }, snapshotDir: string): void {
  const checksums = new Map<string, string>();
  const locate = createLineLocator((file) => {
    const text = readTextIfPresent(filePath(snapshotDir, file));
    if (text !== undefined) checksums.set(file, sha256(Buffer.from(text, 'utf8')));
    return text;
  });
  const fill = (finding: LocatedInSnapshot) => {
    const line = locate(finding.location.file, finding.pointer);
    if (line !== undefined) finding.location.line = line;
    const checksum = checksums.get(finding.location.file);
    if (checksum !== undefined) finding.location.sha256 = checksum;
  };
  result.findings.forEach(fill);
  result.suppressed.forEach(fill);
}

function readTextIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw error;
  }
}
