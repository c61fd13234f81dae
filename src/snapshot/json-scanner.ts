/** Where a JSON text stops being valid: 1-based line and column (UTF-16 units), and why. */
export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

/**
 * 1-based line of every value in a JSON text, by RFC 6901 pointer: for an object member the line
 * of its key, for an array item the line where the item starts, for the root ("") its first token.
 */
export type PointerLines = Map<string, number>;

/** An object member whose name the same object already gave: `JSON.parse` keeps only the last. */
export interface RepeatedMember {
  pointer: string;
  /** 1-based lines of the first and of this key. */
  firstLine: number;
  line: number;
}

/** A scan of a JSON text: the line of every pointer and the members given twice, or the first syntax error. */
export type JsonScan = { lines: PointerLines; repeated: RepeatedMember[]; error?: undefined } | { error: JsonSyntaxError; lines?: undefined; repeated?: undefined };

/** Escapes one key or index for a JSON pointer (RFC 6901: `~` → `~0`, `/` → `~1`). */
export function pointerSegment(key: string | number): string {
  return String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}

class ScanError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const SIMPLE_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * Scans a JSON text (RFC 8259, strict: no comments, no trailing commas) tracking lines, because
 * `JSON.parse` reports neither where a value sits nor, on every Node version, where an error is.
 */
export function scanJson(text: string): JsonScan {
  let position = 0;
  let line = 1;
  let lineStart = 0;
  const lines: PointerLines = new Map();
  const repeated: RepeatedMember[] = [];

  const fail = (message: string): never => {
    throw new ScanError(message, line, position - lineStart + 1);
  };
  const found = () => (position < text.length ? JSON.stringify(text[position]) : 'the end of the file');

  const skipWhitespace = () => {
    for (; position < text.length; position += 1) {
      const unit = text.charCodeAt(position);
      if (unit === 0x0a) {
        line += 1;
        lineStart = position + 1;
      } else if (unit !== 0x20 && unit !== 0x09 && unit !== 0x0d) return;
    }
  };

  /** Returns the raw string token, quotes included. */
  const scanString = (): string => {
    const start = position;
    position += 1;
    for (;;) {
      if (position >= text.length) fail('unterminated string');
      const unit = text.charCodeAt(position);
      if (unit === 0x22) break;
      if (unit === 0x5c) {
        const escaped = text[position + 1] ?? '';
        if (escaped === 'u' && HEX4.test(text.slice(position + 2, position + 6))) position += 6;
        else if (SIMPLE_ESCAPES.has(escaped)) position += 2;
        else fail(`invalid escape sequence in a string`);
        continue;
      }
      if (unit < 0x20) fail(unit === 0x0a ? 'line break inside a string (write it as \\n)' : 'control character inside a string');
      position += 1;
    }
    position += 1;
    return text.slice(start, position);
  };

  const scanLiteral = () => {
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, position)) {
        position += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = position;
    if (!NUMBER.test(text)) fail(`expected a value, found ${found()}`);
    position = NUMBER.lastIndex;
  };

  const scanValue = (pointer: string, valueLine: number) => {
    lines.set(pointer, valueLine);
    const unit = text[position];
    if (unit === '{') scanObject(pointer);
    else if (unit === '[') scanArray(pointer);
    else if (unit === '"') scanString();
    else scanLiteral();
  };

  /** An object or array: `scanItem` reads one member or item, this reads the brackets and commas. */
  const scanContainer = (close: '}' | ']', scanItem: (index: number) => void) => {
    position += 1;
    skipWhitespace();
    if (text[position] !== close) {
      for (let index = 0; ; index += 1) {
        scanItem(index);
        skipWhitespace();
        if (text[position] === close) break;
        if (text[position] !== ',') fail(`expected ',' or '${close}', found ${found()}`);
        position += 1;
        skipWhitespace();
      }
    }
    position += 1;
  };

  const scanObject = (pointer: string) =>
    scanContainer('}', () => {
      if (text[position] !== '"') fail(`expected a property name in double quotes, found ${found()}`);
      const keyLine = line;
      const raw = scanString();
      const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      skipWhitespace();
      if (text[position] !== ':') fail(`expected ':' after a property name, found ${found()}`);
      position += 1;
      skipWhitespace();
      const member = `${pointer}/${pointerSegment(key)}`;
      const firstLine = lines.get(member);
      if (firstLine !== undefined) repeated.push({ pointer: member, firstLine, line: keyLine });
      scanValue(member, keyLine);
    });

  const scanArray = (pointer: string) => scanContainer(']', (index) => scanValue(`${pointer}/${index}`, line));

  try {
    skipWhitespace();
    scanValue('', line);
    skipWhitespace();
    if (position < text.length) fail(`unexpected ${found()} after the end of the JSON value`);
    return { lines, repeated };
  } catch (error) {
    if (error instanceof ScanError) return { error: { line: error.line, column: error.column, message: error.message } };
    // Nesting deep enough to exhaust the stack: say where, rather than crash.
    if (error instanceof RangeError) return { error: { line, column: position - lineStart + 1, message: 'nesting too deep' } };
    throw error;
  }
}
