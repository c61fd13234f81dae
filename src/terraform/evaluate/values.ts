import type { SourceSpan, TfNode } from '../model.js';
import { type NumberReading, numberFromString } from './numbers.js';

/** A known primitive value of a Terraform expression. */
export type Scalar = string | number | boolean | null;
/** A value that cannot be known before apply (or not statically), with the expression and why. */
export type UnknownNode = TfNode & { kind: 'unknown' };

/** A known primitive at `span`. */
export function scalar(value: Scalar, span: SourceSpan): TfNode {
  return { kind: 'scalar', value, span };
}

/** An unknown value: `expression` as written, and `reason` for messages. */
export function unknown(expression: string, reason: string, span: SourceSpan): UnknownNode {
  return { kind: 'unknown', expression, reason, span };
}

/** The first unknown among `nodes`, searched deeply: an operation on it cannot be known either. */
export function firstUnknown(...nodes: TfNode[]): UnknownNode | undefined {
  for (const node of nodes) {
    if (node.kind === 'unknown') return node;
    const inner = node.kind === 'list' ? firstUnknown(...node.items) : node.kind === 'object' ? firstUnknown(...Object.values(node.entries)) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/**
 * A value moved to where it is used: a variable's value reported at the attribute that reads it, so a
 * finding lands on the resource's line. Items written inline keep their own lines (see the evaluator).
 */
export function respan(node: TfNode, span: SourceSpan): TfNode {
  switch (node.kind) {
    case 'list':
      return { kind: 'list', items: node.items.map((item) => respan(item, span)), span };
    case 'object':
      return { kind: 'object', entries: Object.fromEntries(Object.entries(node.entries).map(([key, value]) => [key, respan(value, span)])), span };
    default:
      return { ...node, span };
  }
}

/** Terraform's string conversion of a primitive (numbers and bools convert; null and collections do not). */
export function asString(node: TfNode): string | undefined {
  if (node.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/** Terraform's bool conversion: a bool, or the strings "true" and "false"; undefined for anything else. */
export function isTruthy(node: TfNode): boolean | undefined {
  if (node.kind !== 'scalar') return undefined;
  if (typeof node.value === 'boolean') return node.value;
  if (node.value === 'true') return true;
  if (node.value === 'false') return false;
  return undefined;
}

/**
 * Terraform's conversion to a number: a number as it is, a string by {@link numberFromString}; a bool, null
 * and a collection are refused (Terraform converts none of them), with why. Call it on a known value only.
 */
export function readNumber(node: TfNode): NumberReading {
  if (node.kind === 'scalar') {
    if (typeof node.value === 'number') return { number: node.value };
    if (typeof node.value === 'string') return numberFromString(node.value);
    return { refused: node.value === null ? 'null where a number is required' : 'a bool where a number is required (Terraform does not convert one)' };
  }
  return { refused: `${node.kind === 'object' ? 'an object' : node.kind === 'list' ? 'a list' : 'an unknown value'} where a number is required` };
}

/** Structural equality as Terraform's `==` compares known values (a number and its string differ). */
export function sameValue(left: TfNode, right: TfNode): boolean {
  if (left.kind === 'scalar' && right.kind === 'scalar') return left.value === right.value;
  if (left.kind === 'list' && right.kind === 'list') return left.items.length === right.items.length && left.items.every((item, index) => sameValue(item, right.items[index] as TfNode));
  if (left.kind === 'object' && right.kind === 'object') {
    const keys = Object.keys(left.entries);
    return keys.length === Object.keys(right.entries).length && keys.every((key) => right.entries[key] !== undefined && sameValue(left.entries[key] as TfNode, right.entries[key] as TfNode));
  }
  return false;
}

/** A plain value (from a .tfvars.json file or a `-var` string) as nodes that all point at `span`. */
export function fromJson(value: unknown, span: SourceSpan): TfNode {
  if (Array.isArray(value)) return { kind: 'list', items: value.map((item) => fromJson(item, span)), span };
  if (value !== null && typeof value === 'object') return { kind: 'object', entries: Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fromJson(item, span)])), span };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return scalar(value, span);
  return unknown(String(value), 'not a JSON value', span);
}
