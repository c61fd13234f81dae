// Plain English for messages, reports and errors. It imports nothing, so every layer may use it
// (rules and src/pingone included: see test/architecture/import-walls.test.ts).

/** "1 finding", "3 findings": the count, then `noun` with an s unless the count is one. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `a`, `a and b`, `a, b and c` (with `or` when given: `a, b or c`); empty for no items. */
export function listInWords(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}
