import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { type AddressInfo, createServer, type Server } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('typos get a suggestion (exit 2)', () => {
  it('a typo’d command names what was typed and the command meant', async () => {
    const run = await runCli(['scna', '--all-environments']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown command "scna". Did you mean scan?');
    expect(run.stderr).toContain('Run `pingone-audit --help` for usage.');
    expect(run.stderr).toContain('error code: usage');
  });

  it('an option given no value is refused, naming its choices, not read as its default nor as an empty value', async () => {
    // Before: -f alone was an internal error (exit 70), --fail-on alone gated at high as if never typed.
    const format = await runCli(['audit', 'snapshot', '-f']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('-f needs a value: one of stylish, grid, json,');
    expect(format.stderr).toContain('error code: flag-invalid');
    const failOn = await runCli(['audit', 'snapshot', '--fail-on', '--verbose']);
    expect(failOn.code).toBe(2);
    expect(failOn.stderr).toContain('--fail-on needs a value: one of critical, high, medium, low, info, none.');
    const app = await runCli(['check', 'stackone', '--snapshot', 'snapshot', '--app']);
    expect(app.stderr).toContain('--app needs a value.');
    // `--format=` handed yargs an empty value, which ended in an internal error (exit 70) after the audit had run.
    const empty = await runCli(['audit', 'snapshot', '--format=']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--format needs a value: one of stylish, grid, json,');
  });

  it('an empty value (an unset shell variable) is no value: refused before any work, never an internal error', async () => {
    // Before: `-o ""` renamed the report onto an empty path and `demo --out ""` tried to replace the current folder,
    // both exit 70 after the whole run.
    const output = await runCli(['audit', 'snapshot', '-f', 'json', '-o', '']);
    expect(output.code).toBe(2);
    expect(output.stderr).toContain('-o needs a value.');
    expect(output.stderr).toContain('error code: flag-invalid');
    const out = await runCli(['demo', '--out', '', '-f', 'json']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^pingone-audit: --out needs a value\./);
    expect(out.stdout).toBe('');
  });

  it('names every option given no value, in command-line order, whatever the length of its name', async () => {
    // Before: only the longest name was said (--fail-on), and -f came up on the next run.
    const run = await runCli(['audit', 'snapshot', '-f', '--config=', '--fail-on']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pingone-audit: -f needs a value: one of stylish, .+\. --config needs a value\. --fail-on needs a value: one of critical, /);
    expect(run.stderr).toContain('what to do: Write each value right after its flag: -f VALUE (or -f=VALUE when the value starts with -).');
  });

  it('a missing argument names the command’s usage line and its own help, not only the tool’s', async () => {
    const audit = await runCli(['audit']);
    expect(audit.code).toBe(2);
    expect(audit.stderr).toContain('Usage: pingone-audit audit <snapshot> [options]; run `pingone-audit audit --help` for every option.');
    const check = await runCli(['check', 'stackone', '--snapshot', 'snap']);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('Missing required argument: app');
    expect(check.stderr).toContain('Usage: pingone-audit check <profile> [options]; run `pingone-audit check --help` for every option.');
  });

  it('a typo’d flag names the flag meant, once, in its dashed spelling, and never echoes the value', async () => {
    const run = await runCli(['demo', '--fial-on=s3cr3t-looking-value']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown option --fial-on for `pingone-audit demo`.');
    expect(run.stderr).toContain('Did you mean --fail-on? Run `pingone-audit demo --help` for its options.');
    expect(run.stderr).not.toContain('fialOn');
    expect(run.stderr).not.toContain('s3cr3t');
    expect(run.stderr).toContain('error code: usage');
  });

  it('several typo’d flags each get their suggestion; a flag like nothing gets none', async () => {
    const run = await runCli(['scan', '--max-rsp', '5', '--tokencache', 'f', '--zzzzzzzz']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown options --max-rsp, --tokencache, --zzzzzzzz for `pingone-audit scan`.');
    expect(run.stderr).toContain('Did you mean --max-rps for --max-rsp, --token-cache for --tokencache?');
  });

  it('known flags pass in every spelling yargs accepts: --no-<boolean>, camelCase, name=value, after --', async () => {
    // The port check runs after parsing: reaching it proves no flag was taken for unknown.
    const run = await runCli(['simulate', '--no-verbose', '--dataset=demo', '--port', '-1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--port -1 is not a TCP port.');
    const camel = await runCli(['simulate', '--port', '70000', '--noSuchThing']);
    expect(camel.stderr).toContain('Unknown option --noSuchThing');
    // yargs negates any option, not only booleans: --no-suppressions turns every suppression off.
    const negated = await runCli(['audit', '/nonexistent/snapshot', '--no-suppressions', '--no-allow-incomplete']);
    expect(negated.stderr).not.toContain('Unknown option');
    expect(negated.stderr).toContain('error code: snapshot-missing');
    const known = await runCli(['rules', '--format', 'json']);
    expect(known.code, known.stderr).toBe(0);
  });

  it('a typo’d negated flag is answered with the negated flag meant', async () => {
    const run = await runCli(['audit', '/nonexistent/snapshot', '--no-supressions']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown option --no-supressions');
    expect(run.stderr).toContain('Did you mean --no-suppressions?');
    const colour = await runCli(['rules', '--no-colr']);
    expect(colour.stderr).toContain('Did you mean --no-color?');
  });

  it('--color and --no-color are accepted by every command and decide over NO_COLOR and FORCE_COLOR', async () => {
    const ansi = '\u001b[';
    const forced = await runCli(['demo', '--color', '--fail-on', 'none']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain(ansi);
    const off = await runCli(['demo', '--no-color', '--fail-on', 'none'], { env: { FORCE_COLOR: '1' } });
    expect(off.code, off.stderr).toBe(0);
    expect(off.stdout).not.toContain(ansi);
    expect(off.stdout).toContain('FINDINGS');
    const rules = await runCli(['rules', '--no-color']);
    expect(rules.code, rules.stderr).toBe(0);
    // Like every other flag, given twice it is a mistake, not a silent choice.
    const twice = await runCli(['rules', '--color', '--no-color']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--color was given 2 times');
  });
});

const exec = promisify(execFile);

/**
 * Stands in for the installed `pingone-audit` that the completion script calls: a bash script on `PATH` that hands
 * the test its arguments and `$SHELL` over loopback TCP (bash's /dev/tcp) and prints the answer, the CLI's output run
 * in-process. The script's call is checked as bash makes it, without starting node for every completion.
 */
async function startCliStandIn(bin: string): Promise<Server> {
  const server = createServer((socket) => {
    let received = '';
    let answered = false;
    socket.on('data', async (chunk: Buffer) => {
      received += chunk.toString();
      // NUL-terminated fields: $SHELL, the argument count, the arguments.
      const [shell = '', count = '', ...args] = received.split('\0');
      if (answered || count === '' || args.length <= Number(count)) return;
      answered = true;
      // yargs reads $SHELL (bash or zsh completions) from process.env, not from the CLI's io: as the process bash started would.
      const before = process.env.SHELL;
      process.env.SHELL = shell;
      try {
        socket.end((await runCli(args.slice(0, Number(count)), { env: { SHELL: shell } })).stdout);
      } finally {
        if (before === undefined) delete process.env.SHELL;
        else process.env.SHELL = before;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await writeFile(path.join(bin, 'pingone-audit'), `#!/usr/bin/env bash\nexec 3<>/dev/tcp/127.0.0.1/${port}\nprintf '%s\\0' "\${SHELL-}" "$#" "$@" >&3\ncat <&3\n`);
  await chmod(path.join(bin, 'pingone-audit'), 0o755);
  return server;
}

describe('pingone-audit completion', () => {
  let bin: string;
  let standIn: Server;
  beforeAll(async () => {
    bin = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-completion-'));
    // The script calls `pingone-audit` from PATH, as an installed one would be.
    standIn = await startCliStandIn(bin);
  });
  afterAll(async () => {
    standIn.close();
    await rm(bin, { recursive: true, force: true });
  });

  /** What bash offers after `line` (the last word being completed), with the printed script sourced. */
  async function bashCompletes(line: string): Promise<string[]> {
    const script = (await runCli(['completion', 'bash'])).stdout;
    await writeFile(path.join(bin, 'completion.bash'), script);
    const words = line.split(' ');
    const program = [
      `source ${JSON.stringify(path.join(bin, 'completion.bash'))}`,
      `COMP_WORDS=(${words.map((word) => JSON.stringify(word)).join(' ')})`,
      `COMP_CWORD=${words.length - 1}`,
      '_pingone_audit_complete',
      `printf "%s\\n" "\${COMPREPLY[@]}"`,
    ].join('\n');
    const { stdout } = await exec('bash', ['--norc', '--noprofile', '-c', program], { env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: bin, SHELL: '/bin/zsh' } });
    return stdout.split('\n').filter((word) => word !== '');
  }

  it('bash: completes commands, a command’s options and an option’s choices', async () => {
    expect(await bashCompletes('pingone-audit sc')).toEqual(['scan']);
    expect(await bashCompletes('pingone-audit demo --fail')).toEqual(['--fail-on', '--fail-on-overdue', '--fail-on-new']);
    expect(await bashCompletes('pingone-audit demo --fail-on h')).toEqual(['high']);
  }, 60_000);

  it('bash: offers no short alias in long form (--f, --o), which pingone-audit refuses as unknown', async () => {
    const options = await bashCompletes('pingone-audit audit --');
    expect(options).toContain('--format');
    expect(options).toContain('--output');
    expect(options.filter((word) => /^--.$/.test(word))).toEqual([]);
    expect(await bashCompletes('pingone-audit audit -')).toContain('-f');
  }, 60_000);

  it('prints the zsh script for zsh, by argument or by $SHELL, and refuses other shells', async () => {
    const zsh = await runCli(['completion', 'zsh']);
    expect(zsh.code).toBe(0);
    expect(zsh.stdout).toMatch(/^#compdef pingone-audit\n/);
    expect(zsh.stdout).toContain('compdef _pingone_audit pingone-audit');
    expect((await runCli(['completion'], { env: { SHELL: '/usr/bin/zsh' } })).stdout).toBe(zsh.stdout);
    expect((await runCli(['completion'], { env: { SHELL: '/bin/bash' } })).stdout).toContain('complete -o default -F _pingone_audit_complete pingone-audit');
    const fish = await runCli(['completion', 'fish']);
    expect(fish.code).toBe(2);
    expect(fish.stderr).toContain('Choices: "bash", "zsh"');
  });
});
