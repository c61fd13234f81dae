import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/** No snapshot is there: a flag refused before any work says so, and one let through meets the missing folder instead. */
const NOWHERE = 'no-such-snapshot';

describe('report flags that no format of the run reads', () => {
  it.each([
    [['--include-fixed', '--baseline', 'old.json', '-f', 'json'], '--include-fixed is read only by the sarif report, and this run writes json'],
    [['--include-suppressed', '-f', 'html'], '--include-suppressed is read only by the sarif, stylish, grid or csv reports, and this run writes html'],
    [['--verbose', '-f', 'sarif'], '--verbose is read only by the stylish report, and this run writes sarif'],
    [['--framework', 'soc2-2017', '-f', 'csv'], '--framework is read only by the stylish, json, markdown or html reports, and this run writes csv'],
    [['--history', 'runs'], '--history is read only by the json, csv, markdown or html reports, and this run writes stylish'],
    [['--history', 'runs', '-f', 'grid', '--verbose'], '--history is read only by the json, csv, markdown, html or stylish reports, and this run writes grid'],
  ])('audit %j is refused before the snapshot is read (exit 2)', async (flags, said) => {
    const run = await runCli(['audit', NOWHERE, ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(said);
    expect(run.stderr).toContain('error code: flag-invalid');
    expect(run.stderr).not.toContain(NOWHERE);
  });

  it('names every unread flag at once, and one report that reads them all', async () => {
    const run = await runCli(['audit', NOWHERE, '-f', 'junit', '--verbose', '--include-suppressed']);
    expect(run.stderr).toContain('--include-suppressed is read only by the sarif, stylish, grid or csv reports; --verbose is read only by the stylish report, and this run writes junit');
    // Before: "-f sarif", the first flag's first reader, which does not read --verbose.
    expect(run.stderr).toContain('Drop --include-suppressed, --verbose, or add a report that reads them: -f stylish -o <file>.');
  });

  it('names a report per flag when no one report reads them all', async () => {
    const run = await runCli(['audit', NOWHERE, '-f', 'junit', '--baseline', 'old.json', '--include-fixed', '--verbose']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('add a report that reads them: -f sarif -o <file> for --include-fixed, -f stylish -o <file> for --verbose.');
  });

  it.each([
    ['--include-fixed', '--baseline', 'old.json', '-f', 'json', '-f', 'sarif', '-o', 'out.sarif'],
    ['--include-suppressed', '-f', 'table'],
    ['--include-suppressed', '-f', 'csv'],
    ['--verbose'],
    ['--framework', 'soc2-2017', '-f', 'json'],
    ['--history', 'runs', '-f', 'markdown'],
    ['--history', 'runs', '--verbose'],
  ])('audit %j is let through while one format reads each flag', async (...flags) => {
    const run = await runCli(['audit', NOWHERE, ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('flag-invalid');
    expect(run.stderr).toContain(NOWHERE);
  });

  it('refuses them in demo, merge and terraform too, before any work', async () => {
    for (const args of [
      ['demo', '-f', 'json', '--verbose'],
      ['merge', 'missing.json', '-f', 'sarif', '--framework', 'soc2-2017'],
      ['terraform', 'no-such-folder', '-f', 'markdown', '--include-suppressed'],
    ]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/^pingone-audit: --\S+ is read only by the /);
      expect(run.stdout).toBe('');
    }
  });

  it('lets scan --verbose through with any format: it also logs the collection', async () => {
    const run = await runCli(['scan', '-f', 'json', '--verbose', '--out', 'never'], { env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('flag-invalid');
    const refused = await runCli(['scan', '-f', 'json', '--include-fixed', '--baseline', 'old.json'], { env: {} });
    expect(refused.stderr).toContain('--include-fixed is read only by the sarif report');
  });
});
