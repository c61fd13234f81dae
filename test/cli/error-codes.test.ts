import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/error-codes.js';
import { packagePath } from '../../src/paths.js';
import { runCli } from '../helpers/run-cli.js';

describe('error codes', () => {
  it('lists every code in the README with its meaning and exit code, and nothing else', () => {
    const readme = readFileSync(packagePath('README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Error codes'), readme.indexOf('## CI gate'));
    const rows = section.split('\n').filter((line) => /^\| `[a-z-]+` \|/.test(line));
    expect(rows).toEqual(Object.entries(ERROR_CODES).map(([code, meaning]) => `| \`${code}\` | ${meaning} | 2 |`));
  });

  it('ends a user mistake with its code: a yargs usage error and one of ours', async () => {
    const usage = await runCli(['audit']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/\n {2}error code: usage \(README\.md#error-codes\)\n$/);
    const missing = await runCli(['explain', 'no-such-rule']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/\n {2}error code: not-found \(README\.md#error-codes\)\n$/);
  });
});
