import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/terraform/evaluate/functions.js';
import { byAddress, plain, readFiles } from './tf-folder.js';

const evaluated = async (expression: string) =>
  plain(byAddress(await readFiles({ 'main.tf': `resource "pingone_application" "a" {\n  value = ${expression}\n}\n` }), 'pingone_application.a').body.entries.value);

/** One edge per function, as Terraform's function reference (developer.hashicorp.com/terraform/language/functions) and its Go implementation have it. */
describe('the functions evaluated without Terraform, at their edges', () => {
  it.each([
    // An argument too many or too few is an error in Terraform, not ignored or read as "undefined".
    ['lower("A", "b")', '?lower(): takes 1 argument(s), not 2'],
    ['trimsuffix("abc")', '?trimsuffix(): takes 2 argument(s), not 1'],
    // trimspace trims Go's unicode.IsSpace: U+0085 is a space, U+FEFF is not.
    ['trimspace("\\u0085x\\uFEFF")', 'x\uFEFF'],
    // An empty search string matches before every character and at the end (Go's strings.Replace).
    ['replace("ab", "", "-")', '-a-b-'],
    // A pattern between slashes is a regular expression even across a new line: not evaluated here.
    ['replace("a\\nb", "/a\\nb/", "x")', '?replace() cannot take these arguments'],
    ['join(",")', '?join(): takes at least one list after the separator'],
    ['join(",", "a")', '?join(): takes lists after the separator'],
    ['concat()', '?concat(): takes at least one list'],
    // An empty separator splits into characters, a character past U+FFFF whole.
    ['split("", "a😀")', ['a', '😀']],
    // A set of strings is ordered as Go orders strings (by byte), not by locale; keys likewise.
    ['toset(["b", "B", "a"])', ['B', 'a', 'b']],
    ['keys({ "\\uE000" = 1, "😀" = 2 })', ['\uE000', '😀']],
    // length counts characters as a reader sees them: the reference's own example is 2.
    ['length("👾🕹️")', 2],
    ['length(12345)', '?length(): takes a string, a list or a map, not a number or a bool'],
    ['element(["a"], -1)', '?element(): the index is not a whole number of 0 or more'],
    ['element([], 0)', '?element(): the list is empty'],
    ['format("%d", "abc")', '?format(): %d takes a whole number, and value 1 is not a number as Terraform converts a string (decimal digits, e.g. 3600, 1.5, 1e3): terraform plan refuses it'],
    ['format("%d", 1.5)', '?format(): %d takes a whole number, and value 1 is not whole'],
    ['format("%s-%s", "a")', '?format(): more verbs than values'],
  ])('%s', async (expression, expected) => {
    expect(await evaluated(expression)).toEqual(expected);
  });
});

it("the README's table of Terraform functions names exactly the ones evaluated", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const table = readme.slice(readme.indexOf('| Functions | As Terraform evaluates them'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  const named = rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`(\w+)`/g)].map((match) => match[1]));
  expect(named.sort()).toEqual(Object.keys(FUNCTIONS).sort());
});
