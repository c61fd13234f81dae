/**
 * A profile's name pattern as a case-insensitive regular expression: `/…/` is taken as written,
 * anything else is a glob over the whole name (`*` any text, `?` one character). Throws a
 * SyntaxError for a regular expression that does not compile.
 */
export function compileNamePattern(pattern: string): RegExp {
  let compiled = compiledPatterns.get(pattern);
  if (compiled === undefined) compiledPatterns.set(pattern, (compiled = compile(pattern)));
  return compiled;
}

const compiledPatterns = new Map<string, RegExp>();

function compile(pattern: string): RegExp {
  if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/')) return new RegExp(pattern.slice(1, -1), 'i');
  const body = [...pattern].map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'i');
}

/** True when the application name matches any of the patterns. */
export function nameMatches(name: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => compileNamePattern(pattern).test(name));
}
