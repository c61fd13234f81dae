import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';

// The README is a table of contents over pages beside the code: a section renamed or a page moved must not leave a
// newcomer on a dead link. Also holds the README to its promise that CI runs exactly its test command.
const PAGES = ['README.md', 'rules/README.md', 'rules/profiles/README.md', 'bench/README.md', 'test/README.md', 'src/fetch/README.md', 'src/simulator/README.md'];

/** GitHub's heading anchor: lower case, punctuation dropped (hyphens and underscores kept), spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/ /g, '-');
}

function withoutCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of withoutCode(markdown).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(heading ?? '');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  for (const [, id] of markdown.matchAll(/<a id="([^"]+)"><\/a>/g)) anchors.add(id ?? '');
  return anchors;
}

describe('the README and the pages it links to', () => {
  it('link only to files that exist and to headings those files have', () => {
    const broken: string[] = [];
    for (const page of PAGES) {
      const text = withoutCode(readFileSync(packagePath(page), 'utf8')).replace(/`[^`\n]*`/g, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (target === undefined || /^[a-z]+:/.test(target)) continue;
        const [file = '', fragment] = target.split('#');
        const linked = file === '' ? packagePath(page) : path.resolve(path.dirname(packagePath(page)), file);
        if (!existsSync(linked)) broken.push(`${page}: ${target} (no such file)`);
        else if (fragment !== undefined && linked.endsWith('.md') && !anchorsOf(readFileSync(linked, 'utf8')).has(fragment)) broken.push(`${page}: ${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('open with the demo and the test command, and CI runs exactly that test command', () => {
    const readme = readFileSync(packagePath('README.md'), 'utf8');
    const firstBlock = readme.match(/^```sh\n([\s\S]*?)^```/m)?.[1] ?? '';
    const commands = firstBlock.split('\n').map((line) => line.replace(/#.*$/, '').trim());
    // Not `npx pingone-audit` in the clone: npx does not see a package's own bin there and asks the registry for the name.
    expect(commands.slice(0, 2)).toEqual(['npm ci && npx pingone-audit demo', 'npm ci && npm test']);
    const ciCommands = readFileSync(packagePath('.ci', 'run'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#') && !/^(set|cd) /.test(line));
    expect(ciCommands).toEqual(['npm ci && npm test']);
  });
});
