import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// An unset variable in a script (`pingone-audit audit "$SNAPSHOT"`) gives an empty argument: as a path it named the
// working folder, and the message then named nothing ("no snapshot folder at .").
describe('an empty argument', () => {
  it.each([
    { args: ['audit', ''], says: 'The <snapshot> argument of audit is empty.' },
    { args: ['diff', 'old-snapshot', ''], says: 'The <new> argument of diff is empty.' },
    { args: ['diff', '', ''], says: 'The <old> and <new> arguments of diff are empty.' },
    { args: ['merge', 'a.json', ''], says: 'The <reports..> argument of merge is empty.' },
    { args: ['terraform', ''], says: 'The [dir] argument of terraform is empty.' },
    { args: ['explain', ''], says: 'The <rule> argument of explain is empty.' },
    { args: ['check', '', '--snapshot', 'snap', '--app', 'x'], says: 'The <profile> argument of check is empty.' },
  ])('is refused before any work: $args', async ({ args, says }) => {
    const run = await runCli(args);
    expect(run.stderr.split('\n')[0]).toBe(`pingone-audit: ${says}`);
    expect(run.stderr).toContain(`  what to do: Pass ${says.includes(' and ') ? 'each' : 'it'} (a variable left unset in a script gives an empty argument): pingone-audit ${args[0]} `);
    expect(run.stderr).toContain('error code: argument-invalid');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });

  it('leaves an argument left out to its default: terraform without [dir] reads the working folder', async () => {
    const run = await runCli(['terraform'], { cwd: '/' });
    expect(run.stderr).not.toContain('argument-invalid');
    expect(run.stderr).toContain('The Terraform folder . holds no .tf file.');
  });
});
