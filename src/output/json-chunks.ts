import { compareCodePoints, stableValue } from '../snapshot/stable-json.js';
import { jsonString, jsonText } from './json-string.js';

/** How {@link jsonChunks} prints. */
export interface JsonChunkOptions {
  /** Keys in code point order, as `stableStringify` prints them; otherwise in `JSON.stringify`'s order. */
  sortKeys: boolean;
  /** Levels of arrays and objects opened into chunks of their own; anything deeper is one chunk. */
  depth: number;
}

/**
 * The bytes of `JSON.stringify(value, null, 2)` with strings printed by `jsonString` (or of `stableStringify(value)`
 * with `sortKeys`) * and a trailing newline, as a sequence of pieces: a report of a million findings is written piece
 * by piece and never held as one string, which V8 caps at about 512 MiB.
 */
export function* jsonChunks(value: unknown, options: JsonChunkOptions): Generator<string> {
  yield* valueChunks(value, '', options.depth, options);
  yield '\n';
}

/**
 * A JSON array whose items are made one at a time as {@link jsonChunks} prints them, from `source`
 * through `item`: a report of a million findings never holds a million of them at once. Printed as
 * the array `source.map(item)` would be, always opened (one piece per item at least), whatever the depth.
 */
export class MappedJsonArray<S> {
  constructor(
    readonly source: readonly S[],
    readonly item: (value: S) => unknown,
  ) {}

  /** The items, each made as it is asked for. */
  *items(): Generator<unknown> {
    for (const value of this.source) yield this.item(value);
  }

  /** The array itself, for `JSON.stringify`: the same text, held whole. */
  toJSON(): unknown[] {
    return this.source.map(this.item);
  }
}

function* valueChunks(input: unknown, indent: string, depth: number, options: JsonChunkOptions): Generator<string> {
  // Opened even where the depth is spent: its items exist only one at a time.
  if (input instanceof MappedJsonArray) return yield* arrayChunks(input.source.length, input.items(), indent, Math.max(1, depth), options);
  const value = withToJson(input);
  if (depth === 0 || value === null || typeof value !== 'object') {
    yield leaf(value, indent, options) ?? 'null';
    return;
  }
  if (Array.isArray(value)) return yield* arrayChunks(value.length, value, indent, depth, options);
  const inner = `${indent}  `;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => !isOmitted(withToJson(record[key])));
  if (options.sortKeys) keys.sort(compareCodePoints);
  if (keys.length === 0) return yield '{}';
  let separator = '{\n';
  for (const key of keys) {
    yield `${separator}${inner}${jsonString(key)}: `;
    yield* valueChunks(record[key], inner, depth - 1, options);
    separator = ',\n';
  }
  yield `\n${indent}}`;
}

/** A value printed whole, indented to sit `indent` deep. */
function leaf(value: unknown, indent: string, options: JsonChunkOptions): string | undefined {
  if (options.sortKeys) return stableValue(value, indent);
  // A JSON string holds no raw newline, so every newline is a line break of the layout.
  return jsonText(value, 2)?.replaceAll('\n', `\n${indent}`);
}

function* arrayChunks(length: number, items: Iterable<unknown>, indent: string, depth: number, options: JsonChunkOptions): Generator<string> {
  if (length === 0) return yield '[]';
  const inner = `${indent}  `;
  let separator = '[\n';
  for (const item of items) {
    yield `${separator}${inner}`;
    yield* isOmitted(withToJson(item)) ? ['null'] : valueChunks(item, inner, depth - 1, options);
    separator = ',\n';
  }
  yield `\n${indent}]`;
}

function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function withToJson(value: unknown): unknown {
  // A mapped array is printed item by item, never turned into the whole array first.
  if (value instanceof MappedJsonArray) return value;
  return value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
}

/**
 * The pieces joined into batches of at least `size` UTF-16 units (the last may be shorter), so that a
 * writer makes few large writes instead of one per piece. Blocks of bytes are large already: each is handed on as it is.
 */
export function batchChunks(chunks: Iterable<string>, size: number): Generator<string>;
export function batchChunks(chunks: Iterable<string> | Iterable<Uint8Array>, size: number): Generator<string | Uint8Array>;
export function* batchChunks(chunks: Iterable<string | Uint8Array>, size: number): Generator<string | Uint8Array> {
  let pending: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    if (typeof chunk !== 'string') {
      if (length > 0) yield pending.join('');
      pending = [];
      length = 0;
      yield chunk;
      continue;
    }
    pending.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (length > 0) yield pending.join('');
}
