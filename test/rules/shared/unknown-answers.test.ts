import { describe, expect, it } from 'vitest';
import { allOf, answer, describeUnknown, not, reportsIf, unknownValuesOf } from '../../../src/pingone/unknown-answers.js';
import type { ResourceRef } from '../../../src/snapshot/model.js';

const APP: ResourceRef = { type: 'application', id: 'app-1', name: 'App', environmentId: 'env-1' };
const typeUnknown = { unknown: [{ field: 'application type' as const, value: 'AI_AGENT_APP' }] };
const grantUnknown = { unknown: [{ field: 'grant type' as const, value: 'PASSKEY_ASSERTION' }] };

describe('three-valued answers for values this version does not know', () => {
  it('finds each unknown value once, and none among known or absent values', () => {
    expect(unknownValuesOf('grant type', ['AUTHORIZATION_CODE', 'PASSKEY_ASSERTION', 'PASSKEY_ASSERTION', undefined])).toEqual(grantUnknown.unknown);
    expect(unknownValuesOf('application type', ['WORKER', undefined])).toEqual([]);
  });

  it('combines: a false answer decides, else any unknown makes the whole unknown, naming every value', () => {
    expect(answer(true, typeUnknown.unknown)).toBe(true);
    expect(answer(false, typeUnknown.unknown)).toEqual(typeUnknown);
    expect(answer(false, [])).toBe(false);
    expect(allOf(true, typeUnknown, false)).toBe(false);
    expect(allOf(true, true)).toBe(true);
    expect(allOf(typeUnknown, grantUnknown, true)).toEqual({ unknown: [...typeUnknown.unknown, ...grantUnknown.unknown] });
    expect(not(true)).toBe(false);
    expect(not(typeUnknown)).toEqual(typeUnknown);
  });

  it('names the values in one sentence', () => {
    expect(describeUnknown(typeUnknown.unknown)).toBe('has application type AI_AGENT_APP, which this version does not know');
    expect(describeUnknown([...typeUnknown.unknown, ...grantUnknown.unknown])).toBe('has application type AI_AGENT_APP and grant type PASSKEY_ASSERTION, which this version does not know');
  });

  it('reports when the condition holds, nothing when it does not, and leaves the resource unjudged only where it would report', () => {
    const left: string[] = [];
    const leave = (resource: ResourceRef, reason: string) => void left.push(`${resource.id}: ${reason}`);
    expect(reportsIf(true, APP, leave, () => ['finding'])).toEqual(['finding']);
    expect(reportsIf(false, APP, leave, () => ['finding'])).toEqual([]);
    expect(reportsIf(typeUnknown, APP, leave, () => [])).toEqual([]);
    expect(left).toEqual([]);
    expect(reportsIf(typeUnknown, APP, leave, () => ['finding'])).toEqual([]);
    expect(left).toEqual(['app-1: has application type AI_AGENT_APP, which this version does not know']);
  });
});
