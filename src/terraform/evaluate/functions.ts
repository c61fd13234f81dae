import type { SourceSpan, TfNode } from '../model.js';
import { asString, readNumber, sameValue, scalar } from './values.js';

/**
 * A built-in function over known arguments: its value; why Terraform refuses these arguments (a string, said in
 * the report); or undefined when they are not what it takes.
 */
type TfFunction = (args: TfNode[], span: SourceSpan) => TfNode | string | undefined;

/** A function of strings (numbers and bools convert) that takes exactly as many as `apply` does. */
const onStrings =
  (apply: (...values: string[]) => string | boolean): TfFunction =>
  (args, span) => {
    if (args.length !== apply.length) return `takes ${apply.length} argument(s), not ${args.length}`;
    const values = args.map(asString);
    return values.every((value) => value !== undefined) ? scalar(apply(...(values as string[])), span) : undefined;
  };

/** Go's unicode.IsSpace, which Terraform's trimspace trims: U+0085 is a space there and U+FEFF is not, unlike in JavaScript's trim. */
const SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const OUTER_SPACE = new RegExp(`^${SPACE}+|${SPACE}+$`, 'g');

/** Terraform's `length` of a string counts characters as a reader sees them (grapheme clusters): "👾🕹️" is 2. */
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Go's order of strings (by UTF-8 bytes, so by code point), in which Terraform sorts a set of strings and
 * `keys`: JavaScript's `<` compares UTF-16 units, which puts a character past U+FFFF before U+E000–U+FFFF.
 */
function codePointOrder(a: string, b: string): number {
  const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;
  const shorter = Math.min(a.length, b.length);
  for (let at = 0; at < shorter; at++) {
    const [x, y] = [a.charCodeAt(at), b.charCodeAt(at)];
    if (x === y) continue;
    if (isSurrogate(x) !== isSurrogate(y)) return isSurrogate(x) ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

function listOf(node: TfNode | undefined): TfNode[] | undefined {
  return node?.kind === 'list' ? node.items : undefined;
}

/** The first of each value, by {@link valueKey} (one pass: a for_each over 100,000 names stays linear); unknowns all kept. */
function distinct(items: TfNode[]): TfNode[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = valueKey(item);
    if (key === undefined) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A string equal for two nodes exactly when `sameValue` holds (object keys in order), undefined for what holds an unknown. */
function valueKey(node: TfNode): string | undefined {
  if (node.kind === 'scalar') return `${typeof node.value}:${JSON.stringify(node.value)}`;
  if (node.kind === 'unknown') return undefined;
  const parts: string[] = [];
  const entries: Array<[string, TfNode]> = node.kind === 'list' ? node.items.map((item) => ['', item]) : Object.entries(node.entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, item] of entries) {
    const key = valueKey(item);
    if (key === undefined) return undefined;
    parts.push(`${JSON.stringify(name)}=${key}`);
  }
  return `${node.kind}(${parts.join(',')})`;
}

/** `format`'s verbs that have one reading for a known value: %s, %d (a whole number, converted as Terraform does), %v, %q and %%. */
function format(args: TfNode[], span: SourceSpan): TfNode | string | undefined {
  const [patternNode, ...rest] = args;
  const pattern = patternNode ? asString(patternNode) : undefined;
  const values = rest.map(asString);
  if (pattern === undefined || values.some((value) => value === undefined)) return undefined;
  let next = 0;
  let failed: string | undefined;
  const result = pattern.replace(/%(%|[sdvq])/g, (_, verb: string) => {
    if (verb === '%') return '%';
    const node = rest[next];
    const value = values[next++];
    if (node === undefined || value === undefined) {
      failed ??= 'more verbs than values';
      return '';
    }
    if (verb === 'd') {
      const reading = readNumber(node);
      if (!('number' in reading) || !Number.isInteger(reading.number)) failed ??= `%d takes a whole number, and value ${next} is ${'number' in reading ? 'not whole' : reading.refused}`;
      return 'number' in reading ? String(reading.number) : '';
    }
    return verb === 'q' ? JSON.stringify(value) : value;
  });
  if (failed !== undefined) return failed;
  return /%[^%sdvq]/.test(pattern) ? undefined : scalar(result, span);
}

/**
 * The pure built-in functions of the Terraform language that this evaluator implements, by the
 * language reference (developer.hashicorp.com/terraform/language/functions). Any other call is unknown.
 */
export const FUNCTIONS: Readonly<Record<string, TfFunction>> = {
  lower: onStrings((value) => value.toLowerCase()),
  upper: onStrings((value) => value.toUpperCase()),
  trimspace: onStrings((value) => value.replace(OUTER_SPACE, '')),
  trimsuffix: onStrings((value, suffix) => (suffix !== '' && value.endsWith(suffix) ? value.slice(0, -suffix.length) : value)),
  trimprefix: onStrings((value, prefix) => (value.startsWith(prefix) ? value.slice(prefix.length) : value)),
  startswith: onStrings((value, prefix) => value.startsWith(prefix)),
  endswith: onStrings((value, suffix) => value.endsWith(suffix)),
  tostring: (args, span) => (args.length === 1 && args[0]?.kind === 'scalar' ? scalar(asString(args[0]) ?? null, span) : undefined),
  tonumber: (args, span) => {
    const [value] = args;
    if (args.length !== 1 || value === undefined) return undefined;
    if (value.kind === 'scalar' && value.value === null) return scalar(null, span);
    const reading = readNumber(value);
    return 'number' in reading ? scalar(reading.number, span) : reading.refused;
  },
  replace: (args, span) => {
    const [value, search, replacement] = args.map(asString);
    // A /pattern/ (any text between two slashes, new lines too) is an RE2 regular expression: not one this evaluator claims to reproduce.
    if (args.length !== 3 || value === undefined || search === undefined || replacement === undefined || /^\/.*\/$/s.test(search)) return undefined;
    // Go's strings.Replace puts an empty search before every character and at the end: replace("ab", "", "-") is "-a-b-".
    if (search === '') return scalar(replacement + [...value].map((character) => character + replacement).join(''), span);
    return scalar(value.split(search).join(replacement), span);
  },
  format,
  join: (args, span) => {
    const [separator, ...lists] = args;
    if (lists.length === 0) return 'takes at least one list after the separator';
    if (lists.some((list) => list.kind !== 'list')) return 'takes lists after the separator';
    const sep = separator ? asString(separator) : undefined;
    const items = lists.flatMap((list) => listOf(list) ?? []).map(asString);
    return sep === undefined || items.some((item) => item === undefined) ? undefined : scalar(items.join(sep), span);
  },
  split: (args, span) => {
    const [separator, value] = args.map(asString);
    if (args.length !== 2 || separator === undefined || value === undefined) return undefined;
    // An empty separator splits into characters as Go does, by code point, not by UTF-16 unit.
    const parts = separator === '' ? [...value] : value.split(separator);
    return { kind: 'list', items: parts.map((part) => scalar(part, span)), span };
  },
  concat: (args, span) =>
    args.length === 0 ? 'takes at least one list' : args.every((arg) => arg.kind === 'list') ? { kind: 'list', items: args.flatMap((arg) => listOf(arg) ?? []), span } : undefined,
  merge: (args, span) => {
    const objects = args.filter((arg) => !(arg.kind === 'scalar' && arg.value === null));
    if (!objects.every((arg) => arg.kind === 'object')) return undefined;
    return { kind: 'object', entries: Object.assign({}, ...objects.map((arg) => (arg.kind === 'object' ? arg.entries : {}))), span };
  },
  tolist: (args, span) => (args[0]?.kind === 'list' ? { ...args[0], span } : undefined),
  // Terraform orders a set of strings by code point; other element types keep their order here.
  toset: (args, span) => {
    const items = listOf(args[0]);
    if (items === undefined) return undefined;
    const unique = distinct(items);
    const sorted = unique.every((item) => item.kind === 'scalar' && typeof item.value === 'string') ? [...unique].sort((a, b) => codePointOrder(String(asString(a)), String(asString(b)))) : unique;
    return { kind: 'list', items: sorted, span };
  },
  tomap: (args, span) => (args[0]?.kind === 'object' ? { ...args[0], span } : undefined),
  distinct: (args, span) => ((items) => (items ? { kind: 'list', items: distinct(items), span } : undefined))(listOf(args[0])),
  compact: (args, span) =>
    ((items) => (items ? { kind: 'list', items: items.filter((item) => !(item.kind === 'scalar' && (item.value === null || item.value === ''))), span } : undefined))(listOf(args[0])),
  flatten: (args, span) => {
    const flat = (items: TfNode[]): TfNode[] => items.flatMap((item) => (item.kind === 'list' ? flat(item.items) : [item]));
    const items = listOf(args[0]);
    return items ? { kind: 'list', items: flat(items), span } : undefined;
  },
  length: (args, span) => {
    const [value] = args;
    if (value?.kind === 'list') return scalar(value.items.length, span);
    if (value?.kind === 'object') return scalar(Object.keys(value.entries).length, span);
    if (value?.kind === 'scalar' && typeof value.value === 'string') return scalar([...GRAPHEMES.segment(value.value)].length, span);
    return value?.kind === 'scalar' && value.value !== null ? 'takes a string, a list or a map, not a number or a bool' : undefined;
  },
  lookup: (args) => {
    const [map, key, fallback] = args;
    const name = key ? asString(key) : undefined;
    if (map?.kind !== 'object' || name === undefined) return undefined;
    return map.entries[name] ?? fallback;
  },
  element: (args) => {
    const items = listOf(args[0]);
    const reading = args[1] ? readNumber(args[1]) : undefined;
    if (items === undefined || reading === undefined || args.length !== 2) return undefined;
    if (!('number' in reading)) return `the index is ${reading.refused}`;
    if (items.length === 0) return 'the list is empty';
    if (!Number.isInteger(reading.number) || reading.number < 0) return 'the index is not a whole number of 0 or more';
    return items[reading.number % items.length];
  },
  contains: (args, span) => {
    const items = listOf(args[0]);
    const value = args[1];
    return items && value
      ? scalar(
          items.some((item) => sameValue(item, value)),
          span,
        )
      : undefined;
  },
  keys: (args, span) =>
    args[0]?.kind === 'object'
      ? {
          kind: 'list',
          items: Object.keys(args[0].entries)
            .sort(codePointOrder)
            .map((key) => scalar(key, span)),
          span,
        }
      : undefined,
  values: (args, span) => {
    const object = args[0];
    if (object?.kind !== 'object') return undefined;
    return {
      kind: 'list',
      items: Object.keys(object.entries)
        .sort(codePointOrder)
        .map((key) => object.entries[key] as TfNode),
      span,
    };
  },
  coalesce: (args) => args.find((arg) => !(arg.kind === 'scalar' && (arg.value === null || arg.value === ''))),
};
