import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { skipHelpCache } from '../../src/commands/help-cache.js';

/** A parser with one command, the way `runCli` builds it, counting how often yargs lays out help text. */
function parserWithCommand(handled: string[]) {
  const parser = yargs(['greet', '--name', 'Ada'])
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new Error(message);
    })
    .command(
      'greet',
      'Says hello',
      (y) => y.option('name', { type: 'string', description: 'Who to greet' }),
      (argv) => {
        handled.push(String(argv.name));
      },
    );
  const usage = (parser as unknown as { getInternalMethods(): { getUsageInstance(): { help(): string } } }).getInternalMethods().getUsageInstance();
  let layouts = 0;
  const help = usage.help.bind(usage);
  usage.help = () => {
    layouts += 1;
    return help();
  };
  return { parser, layouts: () => layouts };
}

describe('skipHelpCache', () => {
  it("keeps yargs from laying out a command's --help text before running its handler", async () => {
    const plain: string[] = [];
    const before = parserWithCommand(plain);
    await before.parser.parseAsync();
    // Without it, yargs renders the help once per command run (the cost this saves): if this fails, yargs changed.
    expect(before.layouts()).toBe(1);

    const skipped: string[] = [];
    const after = parserWithCommand(skipped);
    skipHelpCache(after.parser);
    await after.parser.parseAsync();
    expect(after.layouts()).toBe(0);
    expect(skipped).toEqual(['Ada']);
    expect(plain).toEqual(['Ada']);
  });

  it('still lays out --help when it is asked for', async () => {
    const parser = yargs(['greet', '--help'])
      .exitProcess(false)
      .command('greet', 'Says hello', (y) => y.option('name', { type: 'string', description: 'Who to greet' }));
    skipHelpCache(parser);
    let output = '';
    await parser.parseAsync(['greet', '--help'], {}, (_error, _argv, text) => {
      output = text;
    });
    expect(output).toContain('Who to greet');
  });
});
