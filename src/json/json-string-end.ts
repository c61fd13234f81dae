/**
 * The index just after the quote that closes the JSON string opened at `open` (RFC 8259 §7: a quote
 * preceded by an odd run of backslashes is escaped), or the text's length when none closes it.
 */
export function jsonStringEnd(text: string, open: number): number {
  for (let quote = text.indexOf('"', open + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return text.length;
}
