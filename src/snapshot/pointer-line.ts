import { jsonStringEnd } from '../json/json-string-end.js';
import { pointerSegment } from './json-scanner.js';

/**
 * 1-based line of what a JSON pointer (RFC 6901) names in a JSON text, as {@link scanJson} and
 * `atNearestAncestor` would give it: the line of an object member's key, of an array item's first
 * character, of the root's first token; for a pointer to something absent, the line of its nearest
 * ancestor that is there. Of duplicate keys, the last that holds the whole path counts.
 *
 * Walks only the members on the pointer's path, where `scanJson` maps every value of the file: for
 * the many findings of a large snapshot, whose files the loader has already parsed. On text that is
 * not JSON it returns a line or undefined, never throws.
 */
export function lineOfPointer(text: string, pointer: string): number | undefined {
  const root = skipWhitespace(text, 0);
  if (root >= text.length) return undefined;
  const segments = pointer.startsWith('/') ? pointer.slice(1).split('/') : [];
  for (let depth = segments.length; depth >= 0; depth -= 1) {
    const at = lastMatch(text, root, root, segments, 0, depth);
    if (at !== undefined) return lineAt(text, at);
  }
  return undefined;
}

/** Where the value at `value` (anchored at `anchor`: its key, or itself) has `segments[index..end)`, the last such place. */
function lastMatch(text: string, value: number, anchor: number, segments: readonly string[], index: number, end: number): number | undefined {
  if (index === end) return anchor;
  const segment = segments[index]!;
  const open = text.charCodeAt(value);
  let found: number | undefined;
  if (open === OPEN_BRACE) {
    const key = memberName(segment);
    // A segment that is not how RFC 6901 writes any key (a lone "~", "~2") names no member.
    if (key === undefined) return undefined;
    forEachMember(text, value, key, (keyAt, valueAt) => {
      found = lastMatch(text, valueAt, keyAt, segments, index + 1, end) ?? found;
    });
  } else if (open === OPEN_BRACKET) {
    forEachItem(text, value, (itemIndex, itemAt) => {
      if (String(itemIndex) !== segment) return true;
      found = lastMatch(text, itemAt, itemAt, segments, index + 1, end);
      return false;
    });
  }
  return found;
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const QUOTE = 0x22;

/** The member name a pointer segment stands for (RFC 6901 §4: `~1` is `/`, `~0` is `~`); undefined when no name is written so. */
function memberName(segment: string): string | undefined {
  if (!segment.includes('~')) return segment;
  const name = segment.replaceAll('~1', '/').replaceAll('~0', '~');
  return pointerSegment(name) === segment ? name : undefined;
}

/** Calls `visit` with each member of the object opened at `open` named `name`; stops where the text stops being an object. */
function forEachMember(text: string, open: number, name: string, visit: (keyAt: number, valueAt: number) => void): void {
  let at = skipWhitespace(text, open + 1);
  while (text.charCodeAt(at) === QUOTE) {
    const keyEnd = jsonStringEnd(text, at);
    const colon = skipWhitespace(text, keyEnd);
    if (text[colon] !== ':') return;
    const valueAt = skipWhitespace(text, colon + 1);
    if (isKey(text, at, keyEnd, name)) visit(at, valueAt);
    const next = skipWhitespace(text, valueEnd(text, valueAt));
    if (text[next] !== ',') return;
    at = skipWhitespace(text, next + 1);
  }
}

/** Whether the key between the quotes at `open` and before `end` is `name`; compared in place unless it has escapes. */
function isKey(text: string, open: number, end: number, name: string): boolean {
  const raw = text.slice(open, end);
  if (raw.includes('\\')) return decodeKey(raw) === name;
  return end - open - 2 === name.length && text.startsWith(name, open + 1);
}

/** Calls `visit` with each item of the array opened at `open` until it returns false. */
function forEachItem(text: string, open: number, visit: (index: number, itemAt: number) => boolean): void {
  let at = skipWhitespace(text, open + 1);
  if (text[at] === ']') return;
  for (let index = 0; at < text.length; index += 1) {
    if (!visit(index, at)) return;
    const next = skipWhitespace(text, valueEnd(text, at));
    if (text[next] !== ',') return;
    at = skipWhitespace(text, next + 1);
  }
}

function decodeKey(raw: string): string | undefined {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return undefined;
  }
}

/** Brackets and quotes: what a skipped object or array is read by. */
const STRUCTURE = /["[\]{}]/g;

/** The index just after the value that starts at `at`. */
function valueEnd(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first === QUOTE) return jsonStringEnd(text, at);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return literalEnd(text, at);
  let depth = 0;
  STRUCTURE.lastIndex = at;
  for (let match = STRUCTURE.exec(text); match !== null; match = STRUCTURE.exec(text)) {
    const code = text.charCodeAt(match.index);
    if (code === QUOTE) STRUCTURE.lastIndex = jsonStringEnd(text, match.index);
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth += 1;
    else if ((depth -= 1) === 0) return match.index + 1;
  }
  return text.length;
}

/** A number, true, false or null runs until a comma, a closing bracket or whitespace. */
function literalEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length && !',]} \t\r\n'.includes(text[end]!)) end += 1;
  return end;
}

function skipWhitespace(text: string, at: number): number {
  let next = at;
  for (let code = text.charCodeAt(next); code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09; code = text.charCodeAt(next)) next += 1;
  return next;
}

/** 1-based line of an index: JSON whitespace is the only place a line break can be. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let newline = text.indexOf('\n'); newline !== -1 && newline < at; newline = text.indexOf('\n', newline + 1)) line += 1;
  return line;
}
