/** A plain text table with right-aligned numbers, for the benchmark's console and README output. */
export function formatTextTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const numeric = (text: string) => /^[-\d.,×%x ()/<>≤]+$/.test(text) && /\d/.test(text);
  const line = (cells: string[]) => `| ${cells.map((cell, column) => (numeric(cell) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join(' | ')} |`;
  return [line(headers), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
