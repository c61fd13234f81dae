import { stableStringify } from '../snapshot/stable-json.js';
import { isRecord } from '../json/is-record.js';

/** How a resource or property differs from the old snapshot to the new. */
export type ChangeKind = 'added' | 'removed' | 'changed';

/** One property that differs, located by RFC 6901 pointer (in the new file; in the old one when removed). */
export interface PropertyChange {
  pointer: string;
  change: ChangeKind;
  before?: unknown;
  after?: unknown;
}

/**
 * Fields that change without anyone changing the configuration (timestamps, sign-in activity) or
 * that the snapshot never keeps (`_links`); they are skipped at any depth.
 */
const VOLATILE_FIELDS: ReadonlySet<string> = new Set(['_links', 'createdAt', 'updatedAt', 'lastModified', 'lastModifiedAt', 'lastUpdated', 'lastUpdatedAt', 'lastSignOn', 'lastPasswordChange']);

/**
 * Property-by-property differences between two versions of a resource. Arrays of objects with an
 * `id` are matched by id (a reordered list is no change), arrays of plain values as sets (a value
 * added or removed, or only the order changed), other arrays index by index. Under `_embedded`,
 * a collection present on one side only was not collected on the other and is not a change.
 */
export function diffValues(before: unknown, after: unknown, pointer = ''): PropertyChange[] {
  if (same(before, after)) return [];
  if (isRecord(before) && isRecord(after)) return diffObjects(before, after, pointer);
  if (Array.isArray(before) && Array.isArray(after)) return diffArrays(before, after, pointer);
  return [{ pointer, change: 'changed', before, after }];
}

function diffObjects(before: Record<string, unknown>, after: Record<string, unknown>, pointer: string): PropertyChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const uncollected = pointer === '/_embedded';
  return keys.flatMap((key) => {
    if (VOLATILE_FIELDS.has(key)) return [];
    const at = `${pointer}/${escapePointer(key)}`;
    if (!(key in after)) return uncollected ? [] : [{ pointer: at, change: 'removed' as const, before: before[key] }];
    if (!(key in before)) return uncollected ? [] : [{ pointer: at, change: 'added' as const, after: after[key] }];
    return diffValues(before[key], after[key], at);
  });
}

function diffArrays(before: unknown[], after: unknown[], pointer: string): PropertyChange[] {
  if (before.length > 0 && after.length > 0 && [...before, ...after].every(hasId)) return diffById(before as Identified[], after as Identified[], pointer);
  if ([...before, ...after].every((item) => !isRecord(item) && !Array.isArray(item))) return diffAsSets(before, after, pointer);
  const changes: PropertyChange[] = [];
  for (let index = 0; index < Math.max(before.length, after.length); index += 1) {
    const at = `${pointer}/${index}`;
    if (index >= after.length) changes.push({ pointer: at, change: 'removed', before: before[index] });
    else if (index >= before.length) changes.push({ pointer: at, change: 'added', after: after[index] });
    else changes.push(...diffValues(before[index], after[index], at));
  }
  return changes;
}

type Identified = Record<string, unknown> & { id: string };

function diffById(before: Identified[], after: Identified[], pointer: string): PropertyChange[] {
  const oldIndex = new Map(before.map((item, index) => [item.id, index]));
  const newIds = new Set(after.map((item) => item.id));
  const changes: PropertyChange[] = [];
  after.forEach((item, index) => {
    const previous = oldIndex.get(item.id);
    if (previous === undefined) changes.push({ pointer: `${pointer}/${index}`, change: 'added', after: item });
    else changes.push(...diffValues(before[previous], item, `${pointer}/${index}`));
  });
  before.forEach((item, index) => {
    if (!newIds.has(item.id)) changes.push({ pointer: `${pointer}/${index}`, change: 'removed', before: item });
  });
  return changes;
}

function diffAsSets(before: unknown[], after: unknown[], pointer: string): PropertyChange[] {
  const remaining = counts(before);
  const changes: PropertyChange[] = [];
  after.forEach((value, index) => {
    const key = stableStringify(value);
    const left = remaining.get(key) ?? 0;
    if (left > 0) remaining.set(key, left - 1);
    else changes.push({ pointer: `${pointer}/${index}`, change: 'added', after: value });
  });
  const stillThere = counts(after);
  before.forEach((value, index) => {
    const key = stableStringify(value);
    const left = stillThere.get(key) ?? 0;
    if (left > 0) stillThere.set(key, left - 1);
    else changes.push({ pointer: `${pointer}/${index}`, change: 'removed', before: value });
  });
  // The same values in another order: one change of the whole list.
  return changes.length > 0 ? changes : [{ pointer, change: 'changed', before, after }];
}

function counts(values: unknown[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const value of values) map.set(stableStringify(value), (map.get(stableStringify(value)) ?? 0) + 1);
  return map;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return stableStringify(withoutVolatile(a)) === stableStringify(withoutVolatile(b));
}

/** A copy without volatile fields, so that two resources differing only in timestamps compare equal. */
function withoutVolatile(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutVolatile);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !VOLATILE_FIELDS.has(key))
      .map(([key, item]) => [key, withoutVolatile(item)]),
  );
}

function hasId(value: unknown): boolean {
  return isRecord(value) && typeof value.id === 'string';
}

function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
