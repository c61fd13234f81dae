import { jsonString } from '../output/json-string.js';

/**
 * Deterministic JSON: object keys sorted by Unicode code point at every depth, array order kept,
 * 2-space indent and a trailing newline, so that equal values always print the same bytes.
 * Otherwise follows `JSON.stringify` (`toJSON`, `undefined` members dropped, non-finite numbers as `null`), strings
 * printed by `jsonString` (hidden characters escaped too).
 */
export function stableStringify(value: unknown): string {
  return `${serialize(value, '', new Set()) ?? 'null'}\n`;
}

/**
 * One value as {@link stableStringify} prints it where it sits `indent` deep (no trailing newline),
 * or undefined for what JSON leaves out (`undefined`, a function, a symbol).
 */
export function stableValue(value: unknown, indent: string): string | undefined {
  return serialize(value, indent, new Set());
}

/** Orders strings by code point (`localeCompare` is locale-dependent; `<` orders UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const unitA = a.charCodeAt(index);
    const unitB = b.charCodeAt(index);
    if (unitA !== unitB) return codePointRank(unitA) - codePointRank(unitB);
  }
  return a.length - b.length;
}

/** A surrogate starts a code point above U+FFFF, so it must rank after U+E000…U+FFFF. */
function codePointRank(unit: number): number {
  return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x10000 : unit;
}

// Written by hand rather than sorting keys then calling JSON.stringify: engines print integer-like
// keys ("10", "9") first in numeric order whatever the insertion order, which would break the sort.
function serialize(input: unknown, indent: string, ancestors: Set<object>): string | undefined {
  const value = hasToJson(input) ? input.toJSON() : input;
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value === 'string') return jsonString(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (ancestors.has(value)) throw new TypeError('stableStringify: the value contains a cycle');
  ancestors.add(value);
  const inner = `${indent}  `;
  const lines = Array.isArray(value) ? value.map((item) => `${inner}${serialize(item, inner, ancestors) ?? 'null'}`) : objectLines(value as Record<string, unknown>, inner, ancestors);
  ancestors.delete(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return lines.length === 0 ? `${open}${close}` : `${open}\n${lines.join(',\n')}\n${indent}${close}`;
}

function objectLines(value: Record<string, unknown>, inner: string, ancestors: Set<object>): string[] {
  const lines: string[] = [];
  for (const key of Object.keys(value).sort(compareCodePoints)) {
    const text = serialize(value[key], inner, ancestors);
    if (text !== undefined) lines.push(`${inner}${jsonString(key)}: ${text}`);
  }
  return lines;
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
