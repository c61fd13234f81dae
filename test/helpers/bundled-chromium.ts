import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { packagePath } from '../../src/paths.js';

/** A Chromium to launch with playwright-core: its executable and the environment it needs. */
export interface BundledChromium {
  executablePath: string;
  /** The test's environment plus the bundled NSS libraries and a font configuration of its own. */
  env: Record<string, string>;
}

const PACKAGE = '@sparticuz/chromium';
const require = createRequire(import.meta.url);

/**
 * The headless Chromium that the `@sparticuz/chromium` npm package ships inside itself (brotli files in its `bin/`),
 * unpacked once per package version into the user's cache folder (`$XDG_CACHE_HOME` or `~/.cache`, else
 * `node_modules/.cache/`) and reused: `npm ci` alone gives every machine the browser the HTML test needs, with no
 * system package and no download. Outside `node_modules/` the unpacked browser (about 190 MB, 8 CPU seconds of
 * brotli) outlives the `npm ci` of each fresh clone.
 *
 * The package's own loader is not used: it unpacks into the shared `/tmp` and runs any `/tmp/chromium` it finds
 * there, which another user could have put in place. Unpacking goes to a private staging folder renamed into place,
 * so an interrupted run never leaves a half-written browser to be reused. Needs `tar` on the PATH.
 *
 * @throws Error when the package is not installed (run `npm ci`) or `tar` fails.
 */
export function bundledChromium(): BundledChromium {
  const entry = require.resolve('@sparticuz/chromium');
  const packageRoot = path.resolve(path.dirname(entry), '..', '..');
  const { version } = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const cache = cacheFolder();
  const target = path.join(cache, `pingone-audit-chromium-${version}`);
  if (!existsSync(target)) unpack(path.join(packageRoot, 'bin'), cache, target);
  return {
    executablePath: path.join(target, 'chromium'),
    env: {
      ...(process.env as Record<string, string>),
      LD_LIBRARY_PATH: path.join(target, 'al2023', 'lib'),
      FONTCONFIG_FILE: path.join(target, 'fonts.conf'),
    },
  };
}

/** The user's own cache folder when there is a writable one, else the clone's `node_modules/.cache/`. */
function cacheFolder(): string {
  const home = os.homedir();
  const userCache = process.env.XDG_CACHE_HOME || (home === '' ? undefined : path.join(home, '.cache'));
  if (userCache !== undefined && path.isAbsolute(userCache)) {
    try {
      mkdirSync(userCache, { recursive: true, mode: 0o700 });
      accessSync(userCache, constants.W_OK);
      return userCache;
    } catch {
      // Read-only or missing home (some CI containers): the clone's own folder works as before.
    }
  }
  return packagePath('node_modules', '.cache');
}

function unpack(bin: string, cache: string, target: string): void {
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(path.join(cache, '.chromium-'));
  try {
    writeFileSync(path.join(staging, 'chromium'), brotliDecompressSync(readFileSync(path.join(bin, 'chromium.br'))), { mode: 0o700 });
    // NSS (and expat) as the browser was built against them: a machine without Debian's chromium may have none.
    untar(path.join(bin, 'al2023.tar.br'), path.join(staging, 'al2023'));
    untar(path.join(bin, 'fonts.tar.br'), path.join(staging, 'fonts'));
    // The package's fonts.conf names /tmp/fonts; ours names only the fonts unpacked here.
    const fonts = path.join(staging, 'fonts', 'fonts');
    writeFileSync(
      path.join(staging, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${path.join(target, 'fonts', 'fonts')}</dir>\n  <cachedir>${path.join(target, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
    if (!existsSync(fonts)) throw new Error(`${PACKAGE}: fonts.tar.br holds no fonts/ folder`);
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Another run may have won the race to the same folder: its browser is as good as ours.
    if (!existsSync(target)) throw error;
  }
}

function untar(archive: string, into: string): void {
  mkdirSync(into, { recursive: true });
  const result = spawnSync('tar', ['-x', '-C', into], { input: brotliDecompressSync(readFileSync(archive)) });
  if (result.status !== 0) throw new Error(`tar could not unpack ${archive}: ${result.error?.message ?? result.stderr.toString()}`);
}
