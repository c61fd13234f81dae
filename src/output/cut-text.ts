/**
 * `value` cut so that what is shown of it, passed through `show` (an escaper that maps character by
 * character, such as `visibleText`), is at most `limit` characters, never inside a surrogate pair, with an
 * ellipsis and a note that says how many characters of the value were left out and where to read
 * it whole: reports for people keep cells readable and bounded (an escaped control takes up to nine
 * characters, so a value of escapes is cut sooner), the JSON report keeps every value in full.
 * Returns the shown text, unchanged when it fits.
 */
export function cutText(value: string, limit: number, show: (text: string) => string): string {
  // `show` maps character by character, so the whole value can be shown at once when it fits.
  if (value.length <= limit) {
    const whole = show(value);
    if (whole.length <= limit) return whole;
  }
  let shown = '';
  let end = 0;
  while (end < value.length) {
    const next = end + (isPairAt(value, end) ? 2 : 1);
    const piece = show(value.slice(end, next));
    if (shown.length + piece.length > limit) break;
    shown += piece;
    end = next;
  }
  if (end >= value.length) return shown;
  let left = 0;
  for (let index = end; index < value.length; index += isPairAt(value, index) ? 2 : 1) left += 1;
  return `${shown}… [${left.toLocaleString('en-US')} more characters: the JSON report has the whole value]`;
}

function isPairAt(value: string, index: number): boolean {
  const high = value.charCodeAt(index);
  const low = value.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
