import { chmodSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { rules } from '../rules/index.js';
import { loadPackFiles } from '../src/audit/load-packs.js';
import { resolveRules } from '../src/engine/resolve-rules.js';
import { loadProfiles } from '../src/profiles/load-profiles.js';

/**
 * The last step of `npm run build`: bundles `src/cli.ts` with everything it imports into `dist/src/cli.js` (the `bin`),
 * replacing tsc's copy, so that a run loads a handful of files instead of a few hundred ES modules (issue 19: cold
 * start). Each command's module, imported when that command runs, becomes a chunk beside it (`dist/src/chunk-*.js`):
 * `--help` loads none of them. The chunks sit in `dist/src` itself, where `src/paths.ts` finds the package root from
 * any of them. tsc's other output stays for the tests, the benchmarks and `npm run docs`.
 */

/** The package root (this file runs from dist/scripts/). */
const root = fileURLToPath(new URL('../..', import.meta.url));
const outdir = path.join(root, 'dist', 'src');

/**
 * Packages left to Node at run time: web-tree-sitter finds its own .wasm beside its file, which a bundle would move.
 * (table and Ajv are already loaded through `createRequire`, only when a command needs them.)
 */
const EXTERNAL = ['web-tree-sitter'];

/** Printable ASCII: one column per character in every `string-width`, which this test spares loading. */
const PRINTABLE_ASCII = '/^[\\x20-\\x7E]*$/';

/**
 * Every `string-width` (yargs, cliui and wrap-ansi measure each word of `--help` with it) answers printable ASCII by
 * its length, and loads the real package, whose first use builds an `Intl.Segmenter` and Unicode regular expressions
 * (about 40 ms of `--help`), only for other text. Each importer keeps its own version for that text.
 */
const asciiStringWidth: Plugin = {
  name: 'ascii-string-width',
  setup(bundle) {
    bundle.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData === 'real') return undefined;
      const real = await bundle.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'real' });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'ascii-string-width' };
    });
    bundle.onLoad({ filter: /.*/, namespace: 'ascii-string-width' }, (args) => ({
      // require(): esbuild evaluates a required ES module on first call, not when the bundle loads.
      contents: `let measure;
export default function stringWidth(text, options) {
  if (typeof text === 'string' && ${PRINTABLE_ASCII}.test(text)) return text.length;
  measure ??= require(${JSON.stringify(args.path)}).default;
  return measure(text, options);
}`,
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * yargs finds its locale files (`--help` in German under LANG=de_DE) and the package.json it reads settings from
 * relative to its own file. Bundled, that file is ours: point it back at the installed yargs.
 */
const yargsHome: Plugin = {
  name: 'yargs-home',
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const own = 'const __dirname = fileURLToPath(import.meta.url);';
      if (!source.includes(own)) throw new Error(`${args.path} no longer says "${own}": check how this yargs finds its locales before bundling it.`);
      const installed = "const __dirname = createRequire(import.meta.url).resolve('yargs/package.json').replace(/package\\.json$/, 'lib/platform-shims/esm.mjs');";
      return { contents: source.replace(own, installed), loader: 'js' };
    });
  },
};

/**
 * `src/shipped-data.ts` becomes the rule packs and integration profiles as tsc's build of their loaders reads and
 * checks them now (an invalid one throws here and fails the build): a run then reads neither them nor their schema
 * validators. Kept as JSON text, parsed per call, so that no caller can change another's copy.
 */
const shippedData: Plugin = {
  name: 'shipped-data',
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]src[\\/]shipped-data\.ts$/ }, () => ({
      contents: `const packs = ${JSON.stringify(JSON.stringify(shippedPacks()))};
const profiles = ${JSON.stringify(
        JSON.stringify(
          loadProfiles(
            undefined,
            rules.map((rule) => rule.id),
          ),
        ),
      )};
export const shippedData = { packs: () => JSON.parse(packs), profiles: () => JSON.parse(profiles) };`,
      loader: 'js',
    }));
  },
};

/**
 * The packs, each resolved once against the registered rules, so that one naming a rule or pack that does not exist
 * fails the build at its line: the bundle keeps no pack's text to name the line at run time.
 */
function shippedPacks(): ReturnType<typeof loadPackFiles>['packs'] {
  const { packs, texts } = loadPackFiles();
  for (const id of Object.keys(packs)) resolveRules(rules, packs, { extends: [id] }, { packTexts: texts });
  return packs;
}

/** What `src/` imports from undici, and the file of undici's own that defines each (checked at build time). */
const UNDICI_EXPORTS: Readonly<Record<string, string>> = { Agent: 'undici/lib/dispatcher/agent.js' };

/**
 * undici's `index.js` requires all of undici when it loads (fetch, WebSocket, caches, mocks: 110 files), and its
 * cookies module reads `globalThis.Headers`, which makes Node load its own copy of undici too. `src/` uses one class,
 * `Agent`: the bundle takes that class from undici's own file, and adds the request methods to `Dispatcher` as
 * undici's `index.js` does (`Object.assign(Dispatcher.prototype, api)`), so that `agent.request` is undici's as
 * before (issue 19, `demo`'s cold start: 31 of undici's files instead of 110, Node's copy never loaded). An import
 * of anything else from undici fails the build here, rather than reading `undefined` at run time.
 */
const undiciAgentOnly: Plugin = {
  name: 'undici-agent-only',
  setup(bundle) {
    bundle.onResolve({ filter: /^undici$/ }, (args) => {
      const named = /import\s*\{([^}]*)\}\s*from\s*'undici'/.exec(readFileSync(args.importer, 'utf8'));
      const names = (named?.[1] ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '' && !name.startsWith('type '));
      const unknown = named === null ? ['(an import this plugin does not read)'] : names.filter((name) => !(name in UNDICI_EXPORTS));
      if (unknown.length > 0) return { errors: [{ text: `${args.importer} imports ${unknown.join(', ')} from undici: add it to UNDICI_EXPORTS in scripts/bundle.ts` }] };
      return { path: 'undici', namespace: 'undici-agent-only' };
    });
    bundle.onLoad({ filter: /.*/, namespace: 'undici-agent-only' }, () => ({
      contents: `Object.assign(require('undici/lib/dispatcher/dispatcher.js').prototype, require('undici/lib/api/index.js'));
${Object.entries(UNDICI_EXPORTS)
  .map(([name, file]) => `exports.${name} = require(${JSON.stringify(file)});`)
  .join('\n')}`,
      resolveDir: root,
      loader: 'js',
    }));
    // client-h2.js requires node:http2 (and with it tls) when it loads, 17 ms of a cold start, for HTTP/2 connections
    // that src/ never opens (an Agent speaks HTTP/1.1 unless allowH2 is set): it now loads on the first such connection.
    bundle.onLoad({ filter: /[\\/]undici[\\/]lib[\\/]dispatcher[\\/]client\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = "const connectH2 = require('./client-h2.js')";
      if (!source.includes(eager)) throw new Error(`${args.path} no longer says "${eager}": check how this undici loads HTTP/2 before bundling it.`);
      return { contents: source.replace(eager, "const connectH2 = (...args) => require('./client-h2.js')(...args)"), loader: 'js' };
    });
  },
};

function removeOldChunks(): void {
  for (const file of readdirSync(outdir)) {
    if (/^chunk-.*\.js(\.map)?$/.test(file)) rmSync(path.join(outdir, file));
  }
}

removeOldChunks();
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts' },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // CommonJS packages (undici) require Node's built-in modules; an ES module has no require of its own.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);" },
  sourcemap: 'linked',
  plugins: [asciiStringWidth, yargsHome, shippedData, undiciAgentOnly],
  logLevel: 'warning',
});
// The `bin` runs as a program of its own: `npx pingone-audit` in a clone whose folder npx has met before reuses its old
// link to this file without making it executable again ("Permission denied"), and esbuild writes it 0644.
chmodSync(path.join(outdir, 'cli.js'), 0o755);
