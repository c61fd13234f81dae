import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './import-graph.js';

// Biome is the linter (biome.json): an eslint-disable comment silences nothing and only suggests a
// rule is being dodged, and a biome-ignore without its reason hides why. Rules switched off for the
// whole tree are switched off, with the reason, in biome.json.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** "file:line text" for every line of the tree's TypeScript sources that `bad` matches. */
function linesMatching(bad: RegExp): string[] {
  return sourceFiles(ROOT, ['src', 'rules', 'test', 'bench']).flatMap((file) =>
    readFileSync(path.join(ROOT, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (bad.test(line) ? [`${file}:${i + 1} ${line.trim()}`] : [])),
  );
}

describe('lint suppression comments', () => {
  it('has no eslint-disable comment (the linter is Biome)', () => {
    expect(linesMatching(/(\/\/|\/\*)\s*eslint-disable/)).toEqual([]);
  });

  it('gives every biome-ignore its reason', () => {
    expect(linesMatching(/(\/\/|\/\*)\s*biome-ignore(?!\S*\s+lint\/\S+:\s*\S)/)).toEqual([]);
  });
});
