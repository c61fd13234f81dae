import { esc } from './html-escape.js';

const CODE_SPAN = /`([^`\n]+)`/g;
/** A link with an http(s) target only: no `javascript:`, no relative URL. */
const LINK = /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g;
const STRONG = /\*\*(\S(?:[^*\n]*?\S)?)\*\*/g;
/** `*a*` or `_a_` standing as a word: `Redirect URIs containing * with` or `snake_case_ids` stay as they are. */
const EMPHASIS = /(^|[\s(])([*_])(\S(?:[^*_\n]*?\S)?)\2(?=[\s.,;:!?)]|$)/g;
const LIST_ITEM = /^\s*[-*]\s+/;

/**
 * Our own rule text (a rule's rationale, its remediation steps), written in Markdown, as HTML:
 * code spans, `**strong**`, `*emphasis*`, `[links](https://…)`, and across lines paragraphs and
 * `- ` lists. Escaped first, so that `<`, `>` and `&` in the text stay text; only those constructs
 * become markup. Never for tenant strings: they go through {@link esc} alone and are never read as
 * Markdown.
 */
export function ruleTextHtml(markdown: string): string {
  if (!markdown.includes('\n')) return inline(markdown);
  const blocks: string[] = [];
  for (const block of markdown.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    if (lines.every((line) => LIST_ITEM.test(line))) blocks.push(`<ul>${lines.map((line) => `<li>${inline(line.replace(LIST_ITEM, ''))}</li>`).join('')}</ul>`);
    else blocks.push(`<p>${inline(lines.join(' '))}</p>`);
  }
  return blocks.join('');
}

function inline(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(CODE_SPAN)) {
    html += `${decorate(text.slice(last, match.index))}<code>${esc(match[1]!)}</code>`;
    last = match.index + match[0].length;
  }
  return html + decorate(text.slice(last));
}

/** Links, strong and emphasis over escaped text: the patterns match no character that escaping changes. */
function decorate(text: string): string {
  return esc(text)
    .replace(LINK, (_match, label: string, url: string) => `<a href="${url}" rel="noreferrer">${label}</a>`)
    .replace(STRONG, '<strong>$1</strong>')
    .replace(EMPHASIS, '$1<em>$3</em>');
}
