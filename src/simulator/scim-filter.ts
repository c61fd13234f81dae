/**
 * The subset of PingOne's SCIM filter language the simulator understands: `attr op value` with
 * `eq`, `ne`, `sw`, `ew`, `co`; `and`, `or`, parentheses; and one level of `attr[sub op value]`
 * (as in `memberOfGroups[id eq "…"]`). Each endpoint lists the attributes it accepts, like PingOne.
 */
export type FilterPredicate = (item: Record<string, unknown>) => boolean;

/** Reads an attribute (dotted path) of an item; multi-valued attributes return arrays. */
export type AttributeReader = (item: Record<string, unknown>, attribute: string) => unknown;

/** A filter the simulator cannot parse, or that names an attribute the endpoint does not accept (PingOne answers 400). */
export class FilterError extends Error {}

const operators = new Set(['eq', 'ne', 'sw', 'ew', 'co']);

/** The default {@link AttributeReader}: follows the dotted path through nested objects. */
export function readPath(item: Record<string, unknown>, attribute: string): unknown {
  let value: unknown = item;
  for (const key of attribute.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function tokenize(filter: string): string[] {
  const tokens = filter.match(/\s*(\(|\)|\[|\]|"(?:[^"\\]|\\.)*"|[^\s()[\]"]+)/g) ?? [];
  return tokens.map((token) => token.trim());
}

function literal(token: string | undefined): unknown {
  if (token === undefined) throw new FilterError('The filter ends early.');
  if (token.startsWith('"')) return JSON.parse(token) as string;
  if (token === 'true' || token === 'false') return token === 'true';
  if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token);
  return token;
}

function compare(actual: unknown, operator: string, expected: unknown): boolean {
  if (Array.isArray(actual)) return actual.some((value) => compare(value, operator, expected));
  const a = typeof actual === 'string' ? actual.toLowerCase() : actual;
  const e = typeof expected === 'string' ? expected.toLowerCase() : expected;
  switch (operator) {
    case 'eq':
      return a === e;
    case 'ne':
      return a !== e;
    default: {
      if (typeof a !== 'string' || typeof e !== 'string') return false;
      if (operator === 'sw') return a.startsWith(e);
      if (operator === 'ew') return a.endsWith(e);
      return a.includes(e);
    }
  }
}

/**
 * A predicate for a `filter` query parameter.
 * @throws FilterError when the filter is malformed or names an attribute not in `allowedAttributes`.
 */
export function parseFilter(filter: string, allowedAttributes: ReadonlySet<string>, read: AttributeReader = readPath): FilterPredicate {
  const tokens = tokenize(filter);
  let position = 0;
  const next = (): string | undefined => tokens[position++];
  const peek = (): string | undefined => tokens[position]?.toLowerCase();

  function comparison(attributeAllowed: (name: string) => boolean, reader: AttributeReader): FilterPredicate {
    const attribute = next();
    if (attribute === undefined || !attributeAllowed(attribute)) throw new FilterError(`Unsupported filter attribute: ${attribute ?? '(none)'}.`);
    if (peek() === '[') {
      next();
      const inner = comparison((name) => name === 'id', readPath);
      if (next() !== ']') throw new FilterError('Expected ] in the filter.');
      return (item) => {
        const values = reader(item, attribute);
        return Array.isArray(values) && values.some((value) => value !== null && typeof value === 'object' && inner(value as Record<string, unknown>));
      };
    }
    const operator = next()?.toLowerCase();
    if (operator === undefined || !operators.has(operator)) throw new FilterError(`Unsupported filter operator: ${operator ?? '(none)'}.`);
    const expected = literal(next());
    return (item) => compare(reader(item, attribute), operator, expected);
  }

  function term(): FilterPredicate {
    if (peek() === '(') {
      next();
      const inner = expression();
      if (next() !== ')') throw new FilterError('Expected ) in the filter.');
      return inner;
    }
    return comparison((name) => allowedAttributes.has(name), read);
  }

  function conjunction(): FilterPredicate {
    let left = term();
    while (peek() === 'and') {
      next();
      const [l, r] = [left, term()];
      left = (item) => l(item) && r(item);
    }
    return left;
  }

  function expression(): FilterPredicate {
    let left = conjunction();
    while (peek() === 'or') {
      next();
      const [l, r] = [left, conjunction()];
      left = (item) => l(item) || r(item);
    }
    return left;
  }

  const predicate = expression();
  if (position !== tokens.length) throw new FilterError(`Unexpected filter text: ${tokens.slice(position).join(' ')}.`);
  return predicate;
}
