import type { ErrorObject } from 'ajv';
import { listInWords } from '../wording.js';

/**
 * Every member an object lacks, in one sentence, from all of Ajv's `required` errors at its path (compiled with
 * `allErrors` and `verbose`): the object's own required members first, then each `oneOf`/`anyOf` choice as
 * alternatives ("'fingerprint' (or 'ruleId', 'environmentId' and 'resourceId')"). A member an `if`/`then`
 * requires is left out when a member the `if` tests is itself absent: the condition held only because nothing
 * was there to test (an entry `{}` does not need a `due` for a `planned-fix` it never named).
 * Undefined when there is no `required` error at `instancePath`.
 */
export function missingMembersProblem(errors: readonly ErrorObject[], instancePath: string): string | undefined {
  const here = errors.filter((error) => error.instancePath === instancePath);
  const own: string[] = [];
  const choices = new Map<string, Map<string, string[]>>();
  for (const error of here) {
    if (error.keyword !== 'required' || vacuousCondition(error, here)) continue;
    const member = String((error.params as { missingProperty?: unknown }).missingProperty);
    const choice = /^(.*\/(?:oneOf|anyOf))\/(\d+)\/required$/.exec(error.schemaPath);
    if (choice === null) {
      own.push(member);
      continue;
    }
    const [, group = '', branch = ''] = choice;
    const branches = choices.get(group) ?? new Map<string, string[]>();
    branches.set(branch, [...(branches.get(branch) ?? []), member]);
    choices.set(group, branches);
  }
  const alternatives: string[][] = [];
  for (const branches of choices.values()) {
    const lists = [...branches.values()];
    // One branch lacking members is no choice: the others failed for another reason, so these members are simply needed.
    if (lists.length === 1) own.push(...(lists[0] ?? []));
    else alternatives.push(...lists);
  }
  const [first, ...others] = alternatives;
  const needed = first === undefined ? own : [...own, ...first];
  if (needed.length === 0) return undefined;
  const or = others.length === 0 ? '' : ` (or ${others.map(listed).join(', or ')})`;
  return `must have required ${needed.length === 1 ? 'property' : 'properties'} ${listed(needed)}${or}`;
}

/** `'a'`, `'a' and 'b'`, `'a', 'b' and 'c'`. */
function listed(members: readonly string[]): string {
  return listInWords(members.map((member) => `'${member}'`));
}

/** A `then` branch's error whose `if` tested a member the object does not have. */
function vacuousCondition(error: ErrorObject, here: readonly ErrorObject[]): boolean {
  const branch = /^(.*)\/then\/required$/.exec(error.schemaPath);
  if (branch === null) return false;
  const condition = here.find((candidate) => candidate.keyword === 'if' && candidate.schemaPath === `${branch[1]}/if`);
  const tested = Object.keys((condition?.parentSchema as { if?: { properties?: object } } | undefined)?.if?.properties ?? {});
  const data = condition?.data;
  return typeof data === 'object' && data !== null && tested.some((member) => !Object.hasOwn(data, member));
}
