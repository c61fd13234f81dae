import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles, type ImportEdge } from './import-graph.js';

// The walls of ../shared/design.md ("Walls that keep it simple"), checked on the import lines
// of every source file, so that a new import across a wall fails here with the wall's reason.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A path test: the file is below one of the folders (given with a trailing slash) or is one of the files. */
const within =
  (...places: string[]) =>
  (file: string): boolean =>
    places.some((place) => (place.endsWith('/') ? file.startsWith(place) : file === place));
const isPackage = (target: string): boolean => !target.startsWith('src/') && !target.startsWith('rules/') && !target.startsWith('bench/');
/** The snapshot model: its types, lookup types, the enum values it knows and its file layout (all pure). */
const SNAPSHOT_MODEL = ['src/snapshot/model.ts', 'src/snapshot/lookup.ts', 'src/snapshot/unknown-values.ts', 'src/snapshot/layout.ts'];
const COMMAND_LAYER = within('src/commands/', 'src/cli.ts', 'src/run-cli.ts');
/** Plain English ("3 rules", "a, b and c"): it imports nothing, so even the rules and the domain layer may share it. */
const WORDING = 'src/wording.ts';

interface Wall {
  name: string;
  /** Files the wall applies to. */
  applies: (file: string) => boolean;
  /** True when this import crosses the wall. */
  crossed: (edge: ImportEdge) => boolean;
}

const WALLS: Wall[] = [
  {
    name: 'the engine, rules and formatters never import src/fetch (only collection touches the network)',
    applies: within('src/engine/', 'rules/', 'src/formatters/'),
    crossed: ({ to }) => within('src/fetch/')(to),
  },
  {
    // The domain layer imports the snapshot model, so an import back would make the two one module.
    name: 'the snapshot model knows no rules, domain layer, engine, profiles, audit or formatters',
    applies: within('src/snapshot/'),
    crossed: ({ to }) => within('rules/', 'src/pingone/', 'src/engine/', 'src/profiles/', 'src/audit/', 'src/formatters/')(to),
  },
  {
    name: 'collection never judges: src/fetch imports no rules, engine, domain layer, profiles or audit',
    applies: within('src/fetch/'),
    crossed: ({ to }) => within('rules/', 'src/engine/', 'src/pingone/', 'src/profiles/', 'src/audit/')(to),
  },
  {
    name: 'formatters depend on neither rules nor profiles',
    applies: within('src/formatters/'),
    crossed: ({ to }) => within('rules/', 'src/profiles/')(to),
  },
  {
    name: 'profiles never import rules (they meet only in src/pingone and the rule context)',
    applies: within('src/profiles/'),
    crossed: ({ to }) => within('rules/')(to),
  },
  {
    name: 'rules import only rules/, src/pingone/, the snapshot model, the rule contract (engine/define-rule, engine/types) and src/wording',
    applies: within('rules/'),
    crossed: ({ to }) => !within('rules/', 'src/pingone/', ...SNAPSHOT_MODEL, 'src/engine/define-rule.ts', 'src/engine/types.ts', WORDING)(to),
  },
  {
    name: 'src/wording imports nothing: the rules and the domain layer may use it only because it reaches no other code',
    applies: within(WORDING),
    crossed: () => true,
  },
  {
    name: 'src/pingone imports only the snapshot model and src/wording',
    applies: within('src/pingone/'),
    crossed: ({ to }) => !within('src/pingone/', ...SNAPSHOT_MODEL, WORDING)(to),
  },
  {
    name: 'the simulator shares no code with src/fetch, src/whoami or src/pingone (two independent readings of the API must agree in a test)',
    applies: within('src/simulator/'),
    crossed: ({ to }) => within('src/fetch/', 'src/whoami/', 'src/pingone/')(to),
  },
  {
    name: 'src/fetch, src/whoami and src/pingone never import the simulator',
    applies: within('src/fetch/', 'src/whoami/', 'src/pingone/'),
    crossed: ({ to }) => within('src/simulator/')(to),
  },
  {
    name: 'nothing below src/commands knows flags or exit codes (no yargs, no command module, no EXIT_CODES)',
    applies: (file) => !COMMAND_LAYER(file),
    crossed: ({ to, names }) => to === 'yargs' || to.startsWith('yargs/') || within('src/commands/', 'src/run-cli.ts', 'src/cli.ts')(to) || names.some((name) => name.startsWith('EXIT_CODE')),
  },
  {
    name: 'the core and the domain never import an output formatter (only format-*.ts files format)',
    applies: (file) => within('src/engine/', 'rules/', 'src/pingone/', 'src/snapshot/', 'src/profiles/', 'src/audit/')(file) && !/\/format-[^/]+\.ts$/.test(file),
    crossed: ({ to }) => within('src/formatters/')(to),
  },
  {
    name: 'the engine does no I/O (no file system, network or child process)',
    applies: within('src/engine/'),
    crossed: ({ to }) => /^(node:)?(fs|fs\/promises|http|https|net|child_process)$/.test(to) || to === 'undici',
  },
  {
    name: 'auditSnapshot does no I/O: loadAuditSetup reads its files first',
    applies: within('src/audit/audit-snapshot.ts'),
    crossed: ({ to }) => isPackage(to) || /\/(load|read)-[^/]+\.ts$/.test(to),
  },
  {
    name: 'rules and src/pingone do no I/O (no package at all, node: built-ins included)',
    applies: within('rules/', 'src/pingone/'),
    crossed: ({ to }) => isPackage(to),
  },
];

/** Every import that crosses a wall, as "file:line imports target  (wall)". */
function wallViolations(edges: readonly ImportEdge[], walls: readonly Wall[] = WALLS): string[] {
  return edges.flatMap((edge) => walls.filter((wall) => wall.applies(edge.from) && wall.crossed(edge)).map((wall) => `${edge.from}:${edge.line} imports ${edge.to}  (${wall.name})`));
}

// An import of an import crosses a wall as surely as a direct one: the engine calling a helper that
// imports src/fetch runs collection code all the same. These walls hold along every chain of imports
// that loads code; `import type` loads none (the simulator and src/fetch may both use the API types).

const IO_MODULE = (target: string): boolean => /^(node:)?(fs|fs\/promises|http|https|net|child_process)$/.test(target) || target === 'undici';

interface ReachWall {
  name: string;
  /** Files the wall applies to; a chain is followed out of them, never back through one of them. */
  applies: (file: string) => boolean;
  /** True for a module these files must not load, however indirectly. */
  forbidden: (target: string) => boolean;
}

const REACH_WALLS: ReachWall[] = [
  { name: 'the engine, rules and formatters load no src/fetch code', applies: within('src/engine/', 'rules/', 'src/formatters/'), forbidden: within('src/fetch/') },
  { name: 'the simulator loads no code of src/fetch, src/whoami or src/pingone', applies: within('src/simulator/'), forbidden: within('src/fetch/', 'src/whoami/', 'src/pingone/') },
  { name: 'src/fetch, src/whoami and src/pingone load no simulator code', applies: within('src/fetch/', 'src/whoami/', 'src/pingone/'), forbidden: within('src/simulator/') },
  {
    name: 'collection never judges: src/fetch loads no code of rules, the engine, the domain layer, profiles or audit',
    applies: within('src/fetch/'),
    forbidden: within('rules/', 'src/engine/', 'src/pingone/', 'src/profiles/', 'src/audit/'),
  },
  {
    name: 'the snapshot layer loads no code of rules, the domain layer, the engine, profiles, audit or formatters',
    applies: within('src/snapshot/'),
    forbidden: within('rules/', 'src/pingone/', 'src/engine/', 'src/profiles/', 'src/audit/', 'src/formatters/'),
  },
  {
    name: 'auditSnapshot loads no file reader (load-*, read-*): loadAuditSetup reads the files first',
    applies: within('src/audit/audit-snapshot.ts'),
    forbidden: (target) => /\/(load|read)-[^/]+\.ts$/.test(target),
  },
  { name: 'rules and src/pingone load no package (no I/O)', applies: within('rules/', 'src/pingone/'), forbidden: isPackage },
  { name: 'the engine and formatters load no file system, network or child process module', applies: within('src/engine/', 'src/formatters/'), forbidden: IO_MODULE },
];

/**
 * The breaches of {@link REACH_WALLS} this version still has, each with its reason, so that a new one fails and a
 * fixed one is struck off. resolveRules checks rule options with the build's precompiled validators, which
 * src/json/schema-validators.ts reads from dist/validators (or compiles from schemas/) on first use.
 */
const KNOWN_REACH_BREACHES = ['src/engine/resolve-rules.ts → src/json/schema-validators.ts → node:fs  (the engine and formatters load no file system, network or child process module)'];

/** Every module a wall's files load against it, as "file → … → module  (wall)": the shortest chain from each file, each module once per file. */
function reachViolations(edges: readonly ImportEdge[], walls: readonly ReachWall[] = REACH_WALLS): string[] {
  const loads = new Map<string, ImportEdge[]>();
  for (const edge of edges) if (edge.typeOnly !== true) loads.set(edge.from, [...(loads.get(edge.from) ?? []), edge]);
  return walls.flatMap((wall) =>
    [...loads.keys()].filter(wall.applies).flatMap((start) => {
      const chains = new Map<string, string[]>([[start, [start]]]);
      const found: string[] = [];
      for (const [file, chain] of chains) {
        for (const { to } of loads.get(file) ?? []) {
          if (chains.has(to) || wall.applies(to)) continue;
          chains.set(to, [...chain, to]);
          if (wall.forbidden(to)) found.push(`${[...chain, to].join(' → ')}  (${wall.name})`);
        }
      }
      return found;
    }),
  );
}

describe('import walls', () => {
  const files = sourceFiles(ROOT, ['src', 'rules']);
  const edges = files.flatMap((file) => importsOf(ROOT, file));

  it('reads the import lines of every source file', () => {
    expect(files.length).toBeGreaterThan(150);
    // Multi-line, type-only and re-export statements are all read.
    expect(edges).toContainEqual(expect.objectContaining({ from: 'rules/index.ts', to: 'rules/applications/app-disabled.ts' }));
    expect(edges).toContainEqual(expect.objectContaining({ from: 'src/engine/types.ts', to: 'src/snapshot/model.ts', names: expect.arrayContaining(['ResourceRef']) }));
    expect(edges.every((edge) => !edge.to.startsWith('src/') || files.includes(edge.to))).toBe(true);
  });

  it('has no import across a wall of design.md', () => {
    expect(wallViolations(edges)).toEqual([]);
  });

  it('reports an import across a wall, with the file, line and wall', () => {
    const broken: ImportEdge[] = [
      { from: 'rules/roles/some-rule.ts', to: 'src/profiles/load-profiles.ts', names: ['bundledProfiles'], line: 3 },
      { from: 'src/engine/run-rules.ts', to: 'src/fetch/api-client.ts', names: [], line: 1 },
      { from: 'src/pingone/applications.ts', to: 'src/engine/types.ts', names: ['ResourceRef'], line: 1 },
      { from: 'src/audit/gate.ts', to: 'src/verdict.ts', names: ['EXIT_CODES'], line: 2 },
      { from: 'src/simulator/router.ts', to: 'src/pingone/role-coverage.ts', names: [], line: 4 },
      { from: 'src/whoami/run-whoami.ts', to: 'src/simulator/permissions.ts', names: [], line: 5 },
      { from: 'src/fetch/collect.ts', to: 'src/pingone/applications.ts', names: ['customerApplicationsOf'], line: 7 },
      { from: 'src/snapshot/lookup.ts', to: 'src/pingone/applications.ts', names: [], line: 1 },
    ];
    const violations = wallViolations(broken);
    expect(violations).toHaveLength(8);
    expect(violations[7]).toContain('(the snapshot model knows no rules, domain layer,');
    expect(violations[6]).toBe('src/fetch/collect.ts:7 imports src/pingone/applications.ts  (collection never judges: src/fetch imports no rules, engine, domain layer, profiles or audit)');
    expect(violations[0]).toBe(
      'rules/roles/some-rule.ts:3 imports src/profiles/load-profiles.ts  (rules import only rules/, src/pingone/, the snapshot model, the rule contract (engine/define-rule, engine/types) and src/wording)',
    );
    expect(wallViolations([{ from: 'src/commands/audit.ts', to: 'yargs', names: [], line: 1 }])).toEqual([]);
  });

  it('has no chain of imports across a wall of design.md but the known ones', () => {
    expect(reachViolations(edges)).toEqual(KNOWN_REACH_BREACHES);
  });

  it('follows a wall through the imports of imports, but not through type-only ones', () => {
    const chain: ImportEdge[] = [
      { from: 'src/engine/run-rules.ts', to: 'src/audit/helper.ts', names: [], line: 1 },
      { from: 'src/audit/helper.ts', to: 'src/fetch/paging.ts', names: [], line: 2 },
      { from: 'src/simulator/router.ts', to: 'src/snapshot/model.ts', names: [], line: 1 },
      { from: 'src/snapshot/model.ts', to: 'src/pingone/applications.ts', names: [], line: 1, typeOnly: true },
    ];
    expect(reachViolations(chain)).toEqual(['src/engine/run-rules.ts → src/audit/helper.ts → src/fetch/paging.ts  (the engine, rules and formatters load no src/fetch code)']);
    expect(reachViolations(chain.map(({ typeOnly: _, ...edge }) => edge))).toContain(
      'src/simulator/router.ts → src/snapshot/model.ts → src/pingone/applications.ts  (the simulator loads no code of src/fetch, src/whoami or src/pingone)',
    );
  });
});
