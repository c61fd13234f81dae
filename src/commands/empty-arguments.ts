import { UserFacingError } from '../errors.js';

/**
 * A yargs middleware (build it with the yargs command strings, such as `diff <old> <new>`) that refuses a command's
 * argument given as an empty string, as `refuseMissingValues` refuses a flag's: most often an unset shell variable
 * (`pingone-audit audit "$SNAPSHOT"`). As a path it named the working folder, and the message then named nothing
 * ("no snapshot folder at .", "the Terraform folder  holds no .tf file"); as an id, no rule or profile has it.
 */
export function refuseEmptyArguments(commandStrings: readonly string[]) {
  return (argv: Record<string, unknown>): void => {
    const [name] = (argv._ as unknown[] | undefined) ?? [];
    const command = commandStrings.find((candidate) => candidate.split(' ')[0] === name);
    if (command === undefined) return;
    const empty = positionals(command).filter(({ name: positional }) => [argv[positional]].flat().includes(''));
    if (empty.length === 0) return;
    const said = empty.map(({ written }) => written).join(' and ');
    throw new UserFacingError('argument-invalid', `The ${said} argument${empty.length > 1 ? 's' : ''} of ${String(name)} ${empty.length > 1 ? 'are' : 'is'} empty.`, {
      hint: `Pass ${empty.length > 1 ? 'each' : 'it'} (a variable left unset in a script gives an empty argument): pingone-audit ${command}.`,
    });
  };
}

/** A yargs command string's positionals, by name and as written: `merge <reports..>` has `reports`, `terraform [dir]` has `dir`. */
function positionals(command: string): Array<{ name: string; written: string }> {
  return [...command.matchAll(/[<[]([\w-]+)(?:\.\.)?[>\]]/g)].map((match) => ({ name: match[1]!, written: match[0] }));
}
