import { jsonStringEnd } from '../json/json-string-end.js';
import { pointerSegment } from './json-scanner.js';

/**
 * The 1-based line of what each JSON pointer (RFC 6901) names in a JSON text, in the pointers' order, as {@link scanJson} and
 * `atNearestAncestor` would give it: the line of an object member's key, of an array item's first
 * character, of the root's first token; for a pointer to something absent, the line of its nearest
 * ancestor that is there. Of duplicate keys, the last that holds the whole path counts.
 *
 * Walks only the members on the pointers' paths, once for all of them, where `scanJson` maps every
 * value of the file: for the many findings of a large snapshot, whose files the loader has already
 * parsed; the lines of all the places found are counted in one pass. On text that is not JSON it
 * returns a line or undefined for each pointer, never throws.
 */
export function linesOfPointers(text: string, pointers: readonly string[]): Array<number | undefined> {
  const root = skipWhitespace(text, 0);
  if (root >= text.length) return pointers.map(() => undefined);
  const tree = pathNode(undefined, '');
  const ends = pointers.map((pointer) => addPath(tree, pointer.startsWith('/') ? pointer.slice(1).split('/') : []));
  visitPaths(text, root, root, tree);
  const anchors = ends.map(nearestAnchor);
  const lines = linesAt(text, anchors);
  return anchors.map((at) => lines.get(at));
}

/**
 * A step of the pointers' paths: `name` is the member name its segment stands for (undefined when no name is
 * written so), `index` the array index it stands for (-1 for none); `anchor` is the last place found for the path.
 */
interface PathNode {
  parent: PathNode | undefined;
  name: string | undefined;
  index: number;
  children: Map<string, PathNode> | undefined;
  anchor: number | undefined;
}

function pathNode(parent: PathNode | undefined, segment: string): PathNode {
  // Array items are named by their index written plainly: "01" or "-" names none.
  const index = /^(?:0|[1-9]\d*)$/.test(segment) ? Number(segment) : -1;
  return { parent, name: memberName(segment), index, children: undefined, anchor: undefined };
}

function addPath(tree: PathNode, segments: readonly string[]): PathNode {
  let node = tree;
  for (const segment of segments) {
    node.children ??= new Map();
    let child = node.children.get(segment);
    if (child === undefined) node.children.set(segment, (child = pathNode(node, segment)));
    node = child;
  }
  return node;
}

/** Records `anchor` (the value's key, or the value itself) for `node`, then finds its children in the value at `value`; the last place found wins. */
function visitPaths(text: string, value: number, anchor: number, node: PathNode): void {
  node.anchor = anchor;
  const { children } = node;
  if (children === undefined) return;
  const open = text.charCodeAt(value);
  if (open === OPEN_BRACE) {
    const named = [...children.values()].filter((child) => child.name !== undefined);
    if (named.length === 0) return;
    forEachMember(text, value, (keyAt, keyEnd, valueAt) => {
      for (const child of named) if (isKey(text, keyAt, keyEnd, child.name!)) visitPaths(text, valueAt, keyAt, child);
    });
  } else if (open === OPEN_BRACKET) {
    const byIndex = new Map<number, PathNode>();
    for (const child of children.values()) if (child.index >= 0) byIndex.set(child.index, child);
    if (byIndex.size === 0) return;
    const last = Math.max(...byIndex.keys());
    forEachItem(text, value, (itemIndex, itemAt) => {
      const child = byIndex.get(itemIndex);
      if (child !== undefined) visitPaths(text, itemAt, itemAt, child);
      return itemIndex < last;
    });
  }
}

/** The place found for the node's path, else for its nearest ancestor's (the root's, found whenever the text is not blank). */
function nearestAnchor(node: PathNode): number | undefined {
  for (let at: PathNode | undefined = node; at !== undefined; at = at.parent) if (at.anchor !== undefined) return at.anchor;
  return undefined;
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The member name a pointer segment stands for (RFC 6901 §4: `~1` is `/`, `~0` is `~`); undefined when no name is written so. */
function memberName(segment: string): string | undefined {
  if (!segment.includes('~')) return segment;
  const name = segment.replaceAll('~1', '/').replaceAll('~0', '~');
  return pointerSegment(name) === segment ? name : undefined;
}

/** Calls `visit` with each member of the object opened at `open` (its key's quotes and value); stops where the text stops being an object. */
function forEachMember(text: string, open: number, visit: (keyAt: number, keyEnd: number, valueAt: number) => void): void {
  let at = skipWhitespace(text, open + 1);
  while (text.charCodeAt(at) === QUOTE) {
    const keyEnd = jsonStringEnd(text, at);
    const colon = skipWhitespace(text, keyEnd);
    if (text[colon] !== ':') return;
    const valueAt = skipWhitespace(text, colon + 1);
    visit(at, keyEnd, valueAt);
    const next = skipWhitespace(text, valueEnd(text, valueAt));
    if (text[next] !== ',') return;
    at = skipWhitespace(text, next + 1);
  }
}

/** Whether the key between the quotes at `open` and before `end` is `name`; compared in place (no copy) unless it has escapes. */
function isKey(text: string, open: number, end: number, name: string): boolean {
  for (let at = open + 1; at < end - 1; at += 1) if (text.charCodeAt(at) === BACKSLASH) return decodeKey(text.slice(open, end)) === name;
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

/** The index just after the value that starts at `at`: a skipped object or array is read by its brackets and quotes alone. */
function valueEnd(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first === QUOTE) return jsonStringEnd(text, at);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return literalEnd(text, at);
  let depth = 0;
  // Character by character, not by a regular expression's matches: no match object for each bracket and quote.
  for (let next = at; next < text.length; next += 1) {
    const code = text.charCodeAt(next);
    if (code === QUOTE) next = jsonStringEnd(text, next) - 1;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth += 1;
    else if ((code === CLOSE_BRACE || code === CLOSE_BRACKET) && (depth -= 1) === 0) return next + 1;
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

/** 1-based line of each index, counted in one pass: JSON whitespace is the only place a line break can be. */
function linesAt(text: string, indexes: ReadonlyArray<number | undefined>): Map<number | undefined, number> {
  const lines = new Map<number | undefined, number>();
  const sorted = [...new Set(indexes)].filter((at) => at !== undefined).sort((a, b) => a - b);
  let line = 1;
  let newline = text.indexOf('\n');
  for (const at of sorted) {
    for (; newline !== -1 && newline < at; newline = text.indexOf('\n', newline + 1)) line += 1;
    lines.set(at, line);
  }
  return lines;
}
