import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** Columns assumed when the output is not a terminal and `COLUMNS` does not say. */
export const DEFAULT_TERMINAL_COLUMNS = 80;

/**
 * Columns a terminal cell takes to show `text`: ANSI codes take none, East Asian wide characters
 * and most emoji take two (see the `string-width` package).
 */
export function textWidth(text: string): number {
  return stringWidth(text);
}

/**
 * `text` wrapped at spaces into lines of at most `width` columns. A word wider than `width` (an
 * identifier, a URL) is never split: it stays whole on a line of its own, wider than `width`.
 */
export function wrapWords(text: string, width: number): string[] {
  if (text === '') return [''];
  return wrapAnsi(text, Math.max(1, width), { hard: false, trim: true }).split('\n');
}

/**
 * `text` wrapped into at most `maxLines` lines of at most `width` columns; what does not fit ends
 * in an ellipsis. A word too wide for a line is cut there too: prose is shortened to fit, whereas
 * {@link wrapWords} keeps identifiers whole.
 */
export function fitProse(text: string, width: number, maxLines = Number.POSITIVE_INFINITY): string[] {
  const lines = wrapWords(text, width);
  if (lines.length <= maxLines) return lines.map((line) => cutToWidth(line, width));
  const kept = lines.slice(0, maxLines);
  const last = kept.pop() ?? '';
  return [...kept.map((line) => cutToWidth(line, width)), `${takeWidth(last, width - 1).trimEnd()}…`];
}

/** `line` cut to at most `width` columns, ending in an ellipsis when cut. */
export function cutToWidth(line: string, width: number): string {
  return textWidth(line) <= width ? line : `${takeWidth(line, width - 1)}…`;
}

/** The longest start of `line` at most `width` columns wide, never inside a surrogate pair. */
function takeWidth(line: string, width: number): string {
  let kept = '';
  for (const character of line) {
    if (textWidth(`${kept}${character}`) > width) break;
    kept += character;
  }
  return kept;
}

/** `text` followed by spaces up to `width` columns (nothing added when it is already as wide). */
export function padToWidth(text: string, width: number): string {
  return `${text}${' '.repeat(Math.max(0, width - textWidth(text)))}`;
}

/** One piece of a summary line: its plain text, and how to colour it. */
export interface Part {
  text: string;
  paint?: ((text: string) => string) | undefined;
}

/**
 * The parts joined by " · " into lines of at most `width` columns, broken between parts (never
 * inside one) with the separator left at the end of the broken line; continuation lines start
 * with `indent`. A part wider than `width` gets a line of its own.
 */
export function joinWithin(parts: readonly Part[], width: number, indent = ''): string[] {
  const lines: string[] = [];
  let current = '';
  let currentWidth = 0;
  for (const { text, paint } of parts) {
    const painted = paint === undefined ? text : paint(text);
    const partWidth = textWidth(text);
    if (currentWidth > 0 && currentWidth + 3 + partWidth > width) {
      lines.push(`${current} ·`);
      current = indent;
      currentWidth = textWidth(indent);
    }
    const fresh = currentWidth === textWidth(current) && current.trim() === '';
    current = fresh ? `${current}${painted}` : `${current} · ${painted}`;
    currentWidth += (fresh ? 0 : 3) + partWidth;
  }
  return [...lines, current];
}
