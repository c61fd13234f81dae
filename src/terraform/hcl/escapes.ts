const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * The text of a quoted HCL template literal with its escapes applied: `\n \r \t \" \\`, `\uNNNN`,
 * `\UNNNNNNNN`, and `$${` / `%%{` for a literal `${` / `%{` (HCL native syntax specification, "Template Literals").
 */
export function unescapeQuoted(raw: string): string {
  return raw.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)|\$\$\{|%%\{/g, (match, sequence: string | undefined) => {
    if (sequence === undefined) return match.slice(1);
    if (sequence.length > 1) return String.fromCodePoint(Number.parseInt(sequence.slice(1), 16));
    return SIMPLE_ESCAPES[sequence] ?? match;
  });
}
