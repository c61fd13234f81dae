import { describe, expect, it } from 'vitest';
import { importsIn } from './import-graph.js';

// The walls test is only as good as its reading of import lines: an import it misses is a wall
// it never checks. These are statements a rule or formatter could well contain.

describe('reading import lines', () => {
  it('reads a multi-line import whose comment has a quote (an apostrophe stopped the match)', () => {
    const text = "import {\n  createApiClient, // the client's factory\n  /* \"quoted\" */ type ApiClient,\n} from '../../src/fetch/api-client.js';\n";
    expect(importsIn('rules/applications/x.ts', text)).toEqual([{ from: 'rules/applications/x.ts', to: 'src/fetch/api-client.ts', names: ['createApiClient', 'ApiClient'], line: 1 }]);
  });

  it('reads a dynamic import written as a template literal without substitutions', () => {
    const text = 'const a = 1;\nconst rule = await import(`../../rules/applications/app-disabled.js`);\n';
    expect(importsIn('src/formatters/csv.ts', text)).toEqual([{ from: 'src/formatters/csv.ts', to: 'rules/applications/app-disabled.ts', names: [], line: 2 }]);
  });

  it('still reads default, namespace, side-effect and re-export statements with their lines', () => {
    const text = "import a from './a.js';\nimport * as b from 'node:fs';\nimport './c.js';\nexport { d as e, type F } from '../g.js';\nexport * from './h.js';\n";
    expect(importsIn('src/x/y.ts', text).map(({ to, names, line }) => [to, names, line])).toEqual([
      ['src/x/a.ts', [], 1],
      ['node:fs', [], 2],
      ['src/x/c.ts', [], 3],
      ['src/g.ts', ['d', 'F'], 4],
      ['src/x/h.ts', [], 5],
    ]);
  });

  it('marks `import type` and `export type` statements, which load no code, and only those', () => {
    const text = "import type { A } from './a.js';\nimport { type B, c } from './b.js';\nexport type { D } from './d.js';\nimport type from './e.js';\n";
    expect(importsIn('src/x/y.ts', text).map(({ to, typeOnly }) => [to, typeOnly])).toEqual([
      ['src/x/a.ts', true],
      ['src/x/b.ts', undefined],
      ['src/x/d.ts', true],
      ['src/x/e.ts', undefined],
    ]);
  });
});
