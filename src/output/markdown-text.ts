import { cutText } from './cut-text.js';
import { visibleText } from './visible-text.js';

/** Characters of one tenant value a Markdown cell shows before escaping; beyond it the JSON report has the rest. */
const MARKDOWN_CELL_LIMIT = 1000;

/** Zero-width space as an entity: it breaks a pattern GitHub would act on, and stays visible in the source. */
const BREAK = '&#8203;';

/**
 * Characters that start Markdown or GitHub syntax anywhere in a line: escapes, code spans,
 * emphasis, links and images, raw HTML and autolinks, table cells, strikethrough, headings and
 * issue references, math (`$`). CommonMark lets any ASCII punctuation be backslash-escaped.
 */
const INLINE_SYNTAX = /[\\`*_[\]<>|~#$]/g;
/** What GitHub acts on in rendered text, whatever escaping the Markdown had: one pass, so no break is broken again. */
const GITHUB_TRIGGERS = /@|:\/\/|#(?=\d)|\b(?:www(?=\.)|mailto(?=:)|xmpp(?=:))/gi;
/** What starts a block when the value begins a line or a list item: a bullet, a thematic break, an ordered list (`1. `). */
const BLOCK_START = /^(?:[-+=]|\d{1,9}(?=[.)](?:\s|$)))/;

/**
 * One tenant value as GitHub-flavoured Markdown text, safe in a table cell, a list item or a
 * heading: controls and bidi characters shown as escapes and cut to `limit` characters (so no raw
 * CR or LF ends the cell), Markdown and HTML syntax escaped, and what GitHub would act on
 * neutralised with a zero-width space: `@` (mentions of users and teams, e-mail autolinks),
 * `://`, `www.`, `mailto:` and `xmpp:` (bare-URL autolinks, GFM spec §6.9) and `#` before a digit
 * (issue references). Ids go through here too: nothing from the tenant is trusted to be plain.
 */
export function markdownText(value: string, limit: number = MARKDOWN_CELL_LIMIT): string {
  return cutText(value, limit, visibleText)
    .replace(INLINE_SYNTAX, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(BLOCK_START, (start) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`))
    .replace(GITHUB_TRIGGERS, (match) => (match === '://' ? `:${BREAK}//` : `${match}${BREAK}`));
}

/**
 * What a code span cannot hold as it is: a backtick (it would close the span), a pipe (it would
 * end a table cell), a backslash (GFM tables read `\|` even inside code).
 */
const CODE_BREAKING = /[`|\\]/;

/**
 * A value shown as code (an id, a rule id, a file and line, a JSON value) when the span can hold
 * it as it is: no backtick, pipe or backslash, no control or bidi character, not empty, within
 * `limit`. Anything else is rendered as escaped text by {@link markdownText}, never inside
 * backticks, where a backtick in the value would close the span and let the rest through as
 * Markdown or HTML. GitHub neither links nor mentions inside code.
 */
export function markdownCode(value: string, limit: number = MARKDOWN_CELL_LIMIT): string {
  const plain = value !== '' && value.length <= limit && !CODE_BREAKING.test(value) && visibleText(value) === value;
  return plain ? `\`${value}\`` : markdownText(value, limit);
}
