import { compareCodePoints, stableValue } from '../snapshot/stable-json.js';

/** How {@link jsonChunks} prints. */
export interface JsonChunkOptions {
  /** Keys in code point order, as `stableStringify` prints them; otherwise in `JSON.stringify`'s order. */
  sortKeys: boolean;
  /** Levels of arrays and objects opened into chunks of their own; anything deeper is one chunk. */
  depth: number;
}

/**
 * The bytes of `JSON.stringify(value, null, 2)` (or of `stableStringify(value)` with `sortKeys`)
 * and a trailing newline, as a sequence of pieces: a report of a million findings is written piece
 * by piece and never held as one string, which V8 caps at about 512 MiB.
 */
export function* jsonChunks(value: unknown, options: JsonChunkOptions): Generator<string> {
  yield* valueChunks(value, '', options.depth, options);
  yield '\n';
}

function* valueChunks(input: unknown, indent: string, depth: number, options: JsonChunkOptions): Generator<string> {
  const value = withToJson(input);
  if (depth === 0 || value === null || typeof value !== 'object') {
    yield leaf(value, indent, options) ?? 'null';
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    let separator = '[\n';
    for (const item of value) {
      yield `${separator}${inner}`;
      yield* isOmitted(withToJson(item)) ? ['null'] : valueChunks(item, inner, depth - 1, options);
      separator = ',\n';
    }
    return yield `\n${indent}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => !isOmitted(withToJson(record[key])));
  if (options.sortKeys) keys.sort(compareCodePoints);
  if (keys.length === 0) return yield '{}';
  let separator = '{\n';
  for (const key of keys) {
    yield `${separator}${inner}${JSON.stringify(key)}: `;
    yield* valueChunks(record[key], inner, depth - 1, options);
    separator = ',\n';
  }
  yield `\n${indent}}`;
}

/** A value printed whole, indented to sit `indent` deep. */
function leaf(value: unknown, indent: string, options: JsonChunkOptions): string | undefined {
  if (options.sortKeys) return stableValue(value, indent);
  // A JSON string holds no raw newline, so every newline is a line break of the layout.
  return JSON.stringify(value, null, 2)?.replaceAll('\n', `\n${indent}`);
}

function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function withToJson(value: unknown): unknown {
  return value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
}

/**
 * The pieces joined into batches of at least `size` UTF-16 units (the last may be shorter), so that a
 * writer makes few large writes instead of one per piece.
 */
export function* batchChunks(chunks: Iterable<string>, size: number): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
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
