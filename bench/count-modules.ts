/**
 * `node --import dist/bench/count-modules.js …`: appends one line per module loaded (ES modules through a load
 * hook, CommonJS through the `.js` loader) to the file `PINGONE_AUDIT_BENCH_MODULES` names. Counts do not depend
 * on the machine's load, unlike times.
 */
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.PINGONE_AUDIT_BENCH_MODULES;
if (file !== undefined) {
  const hook = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(file)}, url + '\\n');
  return next(url, context);
}`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  const Module = createRequire(import.meta.url)('node:module') as { _extensions: Record<string, (module: unknown, filename: string) => void> };
  const compile = Module._extensions['.js']!;
  Module._extensions['.js'] = function (this: unknown, module: unknown, filename: string) {
    appendFileSync(file, `${filename}\n`);
    return compile.call(this, module, filename);
  };
}
