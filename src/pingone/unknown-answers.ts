import { isKnownValue, type KnownValueField, type ResourceRef } from '../snapshot/model.js';
import { listInWords } from '../wording.js';

/** A value this version does not know, with the field it was read from. */
export interface UnknownFieldValue {
  field: KnownValueField;
  value: string;
}

/**
 * Whether something holds of a resource: yes, no, or "cannot tell", because the answer turns on
 * values this version does not know (an application type or grant type PingOne added later).
 */
export type Answer = boolean | { unknown: UnknownFieldValue[] };

/** Receives a resource a rule leaves unjudged, and why: `RuleContext.leaveUnjudged`. */
export type LeaveUnjudged = (resource: ResourceRef, reason: string) => void;

/** The values among `values` that this version does not know for `field`, each once. */
export function unknownValuesOf(field: KnownValueField, values: readonly unknown[]): UnknownFieldValue[] {
  // Asked of every application by several rules, and nearly always all known: nothing is built for known values.
  let unknown: Set<string> | undefined;
  for (const value of values) if (!isKnownValue(field, value)) (unknown ??= new Set()).add(String(value));
  return unknown === undefined ? [] : [...unknown].map((value) => ({ field, value }));
}

/** True when `known` holds, else "cannot tell" if some of `unknown` were read, else false. */
export function answer(known: boolean, unknown: readonly UnknownFieldValue[]): Answer {
  return known ? true : unknown.length > 0 ? { unknown: [...unknown] } : false;
}

/** The negation of an answer; "cannot tell" stays so. */
export function not(value: Answer): Answer {
  return typeof value === 'boolean' ? !value : value;
}

/** True when every answer is true, false when any is false, else "cannot tell", naming every unknown value. */
export function allOf(...answers: Answer[]): Answer {
  if (answers.includes(false)) return false;
  const unknown = answers.flatMap((item) => (typeof item === 'boolean' ? [] : item.unknown));
  return unknown.length === 0 ? true : { unknown };
}

/** "has application type X and grant type Y, which this version does not know". */
export function describeUnknown(unknown: readonly UnknownFieldValue[]): string {
  const named = unknown.map(({ field, value }) => `${field} ${value}`);
  return `has ${listInWords(named)}, which this version does not know`;
}

/**
 * The reports a rule makes about `resource` when `condition` holds: `make()`'s when it holds, none
 * when it does not, and none when it cannot be told while `make()` would report something: the
 * resource is then left unjudged, naming the unknown values. A rule thus neither guesses that a new
 * value is harmless nor reports a finding that may be false.
 */
export function reportsIf<Report>(condition: Answer, resource: ResourceRef, leaveUnjudged: LeaveUnjudged, make: () => Report[]): Report[] {
  if (condition === false) return [];
  const reports = make();
  if (condition === true || reports.length === 0) return reports;
  leaveUnjudged(resource, describeUnknown(condition.unknown));
  return [];
}
