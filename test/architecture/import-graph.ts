import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One import (or re-export) of a source file: what it names and where that resolves. */
export interface ImportEdge {
  /** The importing file, relative to the repository root with forward slashes. */
  from: string;
  /** A repository file (`src/engine/types.ts`) for a relative specifier, else the package name (`yargs`, `node:fs`). */
  to: string;
  /** Names imported between braces (`import { a, type B }` gives a and B); empty for default, namespace and side-effect imports. */
  names: string[];
  /** 1-based line of the statement. */
  line: number;
  /** Set for `import type` and `export type`: the compiler erases them, so they load no code. */
  typeOnly?: true;
}

// An import clause is names, braces, commas, `type`, `as`, `*` and whitespace, but it may hold comments,
// and a quote inside one (`// the client's factory`) must not end the clause before its `from`.
const COMMENT = String.raw`\/\/[^\n]*|\/\*[\s\S]*?\*\/`;
const STATEMENT = new RegExp(
  String.raw`^[ \t]*(?:import|export)\b(?:${COMMENT}|[^;'"\/])*?\bfrom\s*['"]([^'"]+)['"]|^[ \t]*import\s*['"]([^'"]+)['"]|\bimport\(\s*(?:['"]([^'"]+)['"]|\x60([^\x60$]+)\x60)\s*\)`,
  'gm',
);

// `import type from './x.js'` imports a default binding named `type`: that one loads code.
const TYPE_ONLY = /^\s*(?:import|export)\s+type\s+(?!from\b)/;

/** Every `.ts` file below the given folders of `root`, relative to it. */
export function sourceFiles(root: string, folders: string[]): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
      const relative = `${folder}/${entry.name}`;
      if (entry.isDirectory()) return walk(relative);
      return entry.name.endsWith('.ts') ? [relative] : [];
    });
  return folders.flatMap(walk).sort();
}

/** The import lines of one file, read as text (type-only imports count: they are dependencies too). */
export function importsOf(root: string, file: string): ImportEdge[] {
  return importsIn(file, readFileSync(path.join(root, file), 'utf8'));
}

/** The import statements in `text`, the source of `file` (relative to the repository root). */
export function importsIn(file: string, text: string): ImportEdge[] {
  return [...text.matchAll(STATEMENT)].map((match) => {
    const specifier = (match[1] ?? match[2] ?? match[3] ?? match[4])!;
    const braces = /\{([^}]*)\}/.exec(match[0].slice(0, match[0].lastIndexOf(specifier)).replace(new RegExp(COMMENT, 'g'), ''));
    return {
      from: file,
      to: specifier.startsWith('.') ? resolveRelative(file, specifier) : specifier,
      names: braces === null ? [] : namesIn(braces[1]!),
      line: text.slice(0, match.index).split('\n').length,
      ...(TYPE_ONLY.test(match[0]) ? { typeOnly: true as const } : {}),
    };
  });
}

function resolveRelative(file: string, specifier: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, '.ts');
}

function namesIn(list: string): string[] {
  return list
    .split(',')
    .map((part) =>
      part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0]!
        .trim(),
    )
    .filter((name) => name !== '');
}
