import type { SourceSpan, TfNode } from '../model.js';
import { asNumber, asString, sameValue, scalar } from './values.js';

/** A built-in function over known arguments; undefined when the arguments are not what it takes. */
type TfFunction = (args: TfNode[], span: SourceSpan) => TfNode | undefined;

const text =
  (apply: (...values: string[]) => string): TfFunction =>
  (args, span) => {
    const values = args.map(asString);
    return values.every((value) => value !== undefined) ? scalar(apply(...(values as string[])), span) : undefined;
  };

const predicate =
  (apply: (...values: string[]) => boolean): TfFunction =>
  (args, span) => {
    const values = args.map(asString);
    return values.every((value) => value !== undefined) ? scalar(apply(...(values as string[])), span) : undefined;
  };

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

/** `format`'s verbs that have one reading for a known value: %s, %d, %v, %q and %%. */
function format(args: TfNode[], span: SourceSpan): TfNode | undefined {
  const [pattern, ...values] = args.map(asString);
  if (pattern === undefined || values.some((value) => value === undefined)) return undefined;
  let next = 0;
  let failed = false;
  const result = pattern.replace(/%(%|[sdvq])/g, (_, verb: string) => {
    if (verb === '%') return '%';
    const value = values[next++];
    if (value === undefined) failed = true;
    return verb === 'q' ? JSON.stringify(value) : (value ?? '');
  });
  return failed || /%[^%sdvq]/.test(pattern) ? undefined : scalar(result, span);
}

/**
 * The pure built-in functions of the Terraform language that this evaluator implements, by the
 * language reference (developer.hashicorp.com/terraform/language/functions). Any other call is unknown.
 */
export const FUNCTIONS: Readonly<Record<string, TfFunction>> = {
  lower: text((value) => value.toLowerCase()),
  upper: text((value) => value.toUpperCase()),
  trimspace: text((value) => value.trim()),
  trimsuffix: text((value, suffix) => (suffix !== '' && value.endsWith(suffix) ? value.slice(0, -suffix.length) : value)),
  trimprefix: text((value, prefix) => (value.startsWith(prefix) ? value.slice(prefix.length) : value)),
  startswith: predicate((value, prefix) => value.startsWith(prefix)),
  endswith: predicate((value, suffix) => value.endsWith(suffix)),
  tostring: (args, span) => (args.length === 1 && args[0]?.kind === 'scalar' ? scalar(asString(args[0]) ?? null, span) : undefined),
  tonumber: (args, span) => (args.length === 1 && args[0] ? ((value) => (value === undefined ? undefined : scalar(value, span)))(asNumber(args[0])) : undefined),
  replace: (args, span) => {
    const [value, search, replacement] = args.map(asString);
    // A /pattern/ is an RE2 regular expression: not one this evaluator claims to reproduce.
    if (value === undefined || search === undefined || replacement === undefined || /^\/.*\/$/.test(search)) return undefined;
    return scalar(value.split(search).join(replacement), span);
  },
  format,
  join: (args, span) => {
    const [separator, ...lists] = args;
    const sep = separator ? asString(separator) : undefined;
    const items = lists.flatMap((list) => listOf(list) ?? [list]).map(asString);
    return sep === undefined || items.some((item) => item === undefined) ? undefined : scalar(items.join(sep), span);
  },
  split: (args, span) => {
    const [separator, value] = args.map(asString);
    if (separator === undefined || value === undefined) return undefined;
    return { kind: 'list', items: value.split(separator).map((part) => scalar(part, span)), span };
  },
  concat: (args, span) => (args.every((arg) => arg.kind === 'list') ? { kind: 'list', items: args.flatMap((arg) => listOf(arg) ?? []), span } : undefined),
  merge: (args, span) => {
    const objects = args.filter((arg) => !(arg.kind === 'scalar' && arg.value === null));
    if (!objects.every((arg) => arg.kind === 'object')) return undefined;
    return { kind: 'object', entries: Object.assign({}, ...objects.map((arg) => (arg.kind === 'object' ? arg.entries : {}))), span };
  },
  tolist: (args, span) => (args[0]?.kind === 'list' ? { ...args[0], span } : undefined),
  // Terraform orders a set of strings lexically; other element types keep their order here.
  toset: (args, span) => {
    const items = listOf(args[0]);
    if (items === undefined) return undefined;
    const unique = distinct(items);
    const sorted = unique.every((item) => item.kind === 'scalar' && typeof item.value === 'string') ? [...unique].sort((a, b) => String(asString(a)).localeCompare(String(asString(b)), 'en')) : unique;
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
    const string = value ? asString(value) : undefined;
    return string === undefined ? undefined : scalar([...string].length, span);
  },
  lookup: (args) => {
    const [map, key, fallback] = args;
    const name = key ? asString(key) : undefined;
    if (map?.kind !== 'object' || name === undefined) return undefined;
    return map.entries[name] ?? fallback;
  },
  element: (args) => {
    const items = listOf(args[0]);
    const index = args[1] ? asNumber(args[1]) : undefined;
    if (items === undefined || items.length === 0 || index === undefined || !Number.isInteger(index) || index < 0) return undefined;
    return items[index % items.length];
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
            .sort()
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
        .sort()
        .map((key) => object.entries[key] as TfNode),
      span,
    };
  },
  coalesce: (args) => args.find((arg) => !(arg.kind === 'scalar' && (arg.value === null || arg.value === ''))),
};
