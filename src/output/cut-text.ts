/**
 * `value` cut to its first `limit` code points (never inside a surrogate pair), with an ellipsis
 * and a note that says how much was left out and where to read it whole: reports for people keep
 * cells readable and bounded, the JSON report keeps every value in full. Unchanged when it fits.
 */
export function cutText(value: string, limit: number): string {
  // A string of at most `limit` UTF-16 units has at most `limit` code points.
  if (value.length <= limit) return value;
  let end = 0;
  let kept = 0;
  while (end < value.length && kept < limit) {
    end += isPairAt(value, end) ? 2 : 1;
    kept += 1;
  }
  if (end >= value.length) return value;
  let left = 0;
  for (let index = end; index < value.length; index += isPairAt(value, index) ? 2 : 1) left += 1;
  return `${value.slice(0, end)}… [${left.toLocaleString('en-US')} more characters: the JSON report has the whole value]`;
}

function isPairAt(value: string, index: number): boolean {
  const high = value.charCodeAt(index);
  const low = value.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
