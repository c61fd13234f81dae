import { describe, expect, it } from 'vitest';
import { FilterError, parseFilter } from '../../src/simulator/scim-filter.js';

const users = [
  { id: '1', username: 'alice', name: { family: 'Smith' }, groups: [{ id: 'g1' }] },
  { id: '2', username: 'bob', name: { family: 'Smithers' }, groups: [{ id: 'g2' }] },
  { id: '3', username: 'carol', name: { family: 'Jones' }, groups: [] },
];
const allowed = new Set(['username', 'name.family', 'groups']);
const select = (filter: string): string[] => users.filter(parseFilter(filter, allowed)).map((user) => user.id);

describe('SCIM filter subset', () => {
  it('compares with eq (case-insensitive), sw, ew, co and ne', () => {
    expect(select('username eq "ALICE"')).toEqual(['1']);
    expect(select('name.family sw "smith"')).toEqual(['1', '2']);
    expect(select('name.family ew "ers"')).toEqual(['2']);
    expect(select('username co "ro"')).toEqual(['3']);
    expect(select('username ne "bob"')).toEqual(['1', '3']);
  });

  it('combines with and / or and parentheses, and filters inside brackets', () => {
    expect(select('name.family sw "Smith" and username eq "bob"')).toEqual(['2']);
    expect(select('(username eq "alice" or username eq "carol") and name.family eq "Jones"')).toEqual(['3']);
    expect(select('groups[id eq "g2"]')).toEqual(['2']);
  });

  it('refuses unknown attributes, operators and trailing text', () => {
    expect(() => select('password eq "x"')).toThrow(FilterError);
    expect(() => select('username gt "x"')).toThrow(FilterError);
    expect(() => select('username eq "x" extra')).toThrow(FilterError);
    expect(() => select('username eq')).toThrow(FilterError);
  });
});
