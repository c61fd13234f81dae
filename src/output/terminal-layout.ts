import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** Columns assumed when the output is not a terminal and `COLUMNS` does not say. */
export const DEFAULT_TERMINAL_COLUMNS = 80;

/**
 * Columns a terminal cell takes to show `text`: ANSI codes take none, East Asian wide characters
 * and most emoji take two (see the `string-width` package).
 */
export function textWidth(text: string): number {
  return ONE_COLUMN_TEXT.test(text) ? text.length : stringWidth(text);
}

// One column per UTF-16 unit, no escape codes, for string-width and for wrap-ansi's own older copy alike: ASCII,
// Latin letters, general punctuation (… “ ” – —) and ← ↑ → ↓, but not © ® ‼ ⁉ (emoji to wrap-ansi) nor the soft hyphen
// (no column). Most report text, measured without segmenting it into graphemes.
const ONE_COLUMN_TEXT = /^[\x20-\x7e\u00a0-\u00a8\u00aa-\u00ac\u00af-\u02ff\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\u2190-\u2193]*$/;

/**
 * `text` wrapped at spaces into lines of at most `width` columns. A word wider than `width` (an
 * identifier, a URL) is never split: it stays whole on a line of its own, wider than `width`.
 */
export function wrapWords(text: string, width: number): string[] {
  if (text === '') return [''];
  if (ONE_COLUMN_TEXT.test(text)) return wrapOneColumnText(text, Math.max(1, width));
  return wrapAnsi(text, Math.max(1, width), { hard: false, trim: true }).split('\n');
}

/**
 * wrap-ansi's word wrap (`hard: false, trim: true`) for text whose width is its length: the same lines,
 * without measuring each word's graphemes (most of an audit's run time before, for a few dozen findings).
 */
function wrapOneColumnText(text: string, width: number): string[] {
  if (text.trim() === '') return [''];
  const rows: string[] = [];
  let row = '';
  text.split(' ').forEach((word, index) => {
    row = row.trimStart();
    if (index > 0 && row.length > 0) row += ' ';
    if (row.length + word.length > width && row.length > 0 && word.length > 0) {
      rows.push(row);
      row = '';
    }
    row += word;
  });
  rows.push(row);
  return rows.map((row) => row.trimEnd());
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

/** One column of {@link layoutColumns}: identifiers are never wrapped or cut; prose wraps. */
export interface TextColumn {
  title: string;
  kind: 'identifier' | 'prose';
  /** Styles a cell's text (not its padding); the plain text decides the layout. */
  paint?: ((text: string) => string) | undefined;
}

/** The narrowest a prose column may be beside the identifiers; narrower, it moves under its row. */
const MIN_PROSE_WIDTH = 20;
const GAP = '  ';

/**
 * Rows laid out in aligned columns within `width`, under a header of the column titles. Each
 * identifier column is as wide as its widest cell and is never split. Prose columns share what is
 * left, wrapped at spaces (a word too long for its column is cut with an ellipsis); when that
 * leaves a prose column fewer than 20 columns, every prose cell goes on its own lines under its
 * row, indented, so that a terminal of 80 columns still shows whole identifiers. A row of
 * identifiers wider than `width` runs over it, whole. Returns the header's lines and each row's
 * lines, so that a caller can put headings between rows.
 */
export function layoutColumns(
  columns: readonly TextColumn[],
  rows: ReadonlyArray<readonly string[]>,
  width: number,
  paintTitle: (text: string) => string = (text) => text,
): { header: string[]; rows: string[][] } {
  const natural = columns.map((column, index) => Math.max(textWidth(column.title), ...rows.map((row) => textWidth(row[index] ?? ''))));
  const identifiers = columns.map((column, index) => (column.kind === 'identifier' ? index : -1)).filter((index) => index >= 0);
  const prose = columns.map((column, index) => (column.kind === 'prose' ? index : -1)).filter((index) => index >= 0);
  const fixed = identifiers.reduce((sum, index) => sum + natural[index]!, 0) + GAP.length * (columns.length - 1);
  const widths = [...natural];
  while (prose.reduce((sum, index) => sum + widths[index]!, 0) > width - fixed) {
    const roomiest = prose.reduce((best, index) => (widths[index]! > widths[best]! ? index : best), prose[0]!);
    if (widths[roomiest]! <= MIN_PROSE_WIDTH) break;
    widths[roomiest] = widths[roomiest]! - 1;
  }
  const stacked = prose.length > 0 && fixed + prose.reduce((sum, index) => sum + widths[index]!, 0) > width;
  const shown = stacked ? identifiers : columns.map((_, index) => index);
  const render = (cells: readonly string[], paints: ReadonlyArray<((text: string) => string) | undefined>): string[] => {
    const wrapped = shown.map((index) => (columns[index]!.kind === 'prose' ? fitProse(cells[index] ?? '', widths[index]!) : [cells[index] ?? '']));
    const height = Math.max(1, ...wrapped.map((lines) => lines.length));
    const lines = Array.from({ length: height }, (_, line) =>
      shown
        .map((index, position) => {
          const text = wrapped[position]![line] ?? '';
          const painted = text === '' || paints[index] === undefined ? text : paints[index]!(text);
          return position === shown.length - 1 ? painted : `${painted}${' '.repeat(Math.max(0, widths[index]! - textWidth(text)))}`;
        })
        .join(GAP)
        .trimEnd(),
    );
    if (!stacked) return lines;
    const under = prose.flatMap((index) => fitProse(cells[index] ?? '', width - 4).map((line) => `    ${paints[index] === undefined ? line : paints[index]!(line)}`));
    return [...lines, ...under];
  };
  const header = render(
    columns.map((column) => column.title),
    columns.map(() => paintTitle),
  );
  return {
    header: stacked ? header.slice(0, 1) : header,
    rows: rows.map((row) =>
      render(
        row,
        columns.map((column) => column.paint),
      ),
    ),
  };
}

/**
 * `text` wrapped to `width` with `first` before its first line and `rest` before the others (a
 * hanging indent, or a list item's bullet): what {@link wrapWords} gives, indented.
 */
export function indentWrap(text: string, width: number, first: string, rest: string): string[] {
  const room = width - Math.max(textWidth(first), textWidth(rest));
  return wrapWords(text, room).map((line, index) => `${index === 0 ? first : rest}${line}`);
}
