import { readFileSync } from 'node:fs';
import { scanJson, type PointerLines } from './json-scanner.js';
import { linesOfPointers } from './pointer-line.js';
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

/** The files of one snapshot as line location reads them: each file's text and the SHA-256 of its bytes, undefined when there is no such file. */
export interface SnapshotFileSource {
  read(file: string): { text: string; sha256: string } | undefined;
}

/** A {@link SnapshotFileSource} that reads the files from the folder on disk (a snapshot just written, for one). */
export function folderFileSource(snapshotDir: string): SnapshotFileSource {
  return {
    read: (file) => {
      const text = readTextIfPresent(filePath(snapshotDir, file));
      return text === undefined ? undefined : { text, sha256: sha256(Buffer.from(text, 'utf8')) };
    },
  };
}

/**
 * Fills `location.line` and `location.sha256` (the file's checksum, as evidence) of every finding
 * and suppressed finding from the files of the snapshot they were found in; a finding whose file
 * cannot be read keeps neither. Each file is read once and walked once for all its findings. Mutates `result`.
 */
export function resolveFindingLines(result: { findings: LocatedInSnapshot[]; suppressed: LocatedInSnapshot[] }, files: SnapshotFileSource): void {
  const byFile = new Map<string, LocatedInSnapshot[]>();
  const add = (finding: LocatedInSnapshot) => {
    const { file } = finding.location;
    const located = byFile.get(file);
    if (located === undefined) byFile.set(file, [finding]);
    else located.push(finding);
  };
  result.findings.forEach(add);
  result.suppressed.forEach(add);
  for (const [file, located] of byFile) {
    const read = files.read(file);
    if (read === undefined) continue;
    const lines = linesOfPointers(
      read.text,
      located.map((finding) => finding.pointer),
    );
    located.forEach((finding, index) => {
      const line = lines[index];
      if (line !== undefined) finding.location.line = line;
      finding.location.sha256 = read.sha256;
    });
  }
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
